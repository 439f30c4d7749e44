import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

/// Feeds mutated and random inputs to the loader: nothing may crash or hang, and every rejection must
/// point at a line and a column of the input.
@Suite struct FuzzTests {
    static let seeds: [String] = [
        """
        /// The first seed's running example.
        @points((2, 1), (1.5, 0.8))
        @tags(seed, elementary)
        func nutty(x1, x2) {
            return x1 * sqrt(log(x1 / sin(x2^2)))
        }
        gradient nutty {
            let L = log(x1 / sin(x2^2))
            return [sqrt(L) + 1 / (2 * sqrt(L)), -x1 * x2 * cot(x2^2) / sqrt(L)]
        }
        """,
        """
        @dimensions(n: 2, 10)
        @domain(x: -2...2)
        func rosenbrock(x[n]) {
            var s = 0
            for i in 0..<n-1 {
                s += 100 * (x[i+1] - x[i]^2)^2 + (1 - x[i])^2
            }
            return s
        }
        """,
        """
        @dimensions(n: 3)
        @domain(x: -2...2)
        func r(x[n]) { return x[0] }
        gradient r {
            var g = zeros(n)
            for i in 0..<n-1 {
                g[i] += -400 * x[i] * (x[i+1] - x[i]^2)
                g[i+1] += 200 * (x[i+1] - x[i]^2)
            }
            return g
        }
        """,
        """
        @domain(r: 0.1...3, t: -3...3)
        func polar(r, t) {
            return [r * cos(t), r * sin(t)]
        }
        jacobian polar {
            return [[cos(t), -r * sin(t)], [sin(t), r * cos(t)]]
        }
        """,
        """
        @helper
        func sq(a) { return a * a }
        @points((3))
        func f(x) {
            var k: Int = 0
            var s = 0
            while k < 10 { k += 1; if k % 3 == 0 { continue }; s += sq(x) }
            if s > 100 && !(x < 0) { return s } else if s == 0 { return 1 } else { return -s }
        }
        """,
        """
        @helper
        func fact(a) {
            if a < 2 { return 1 }
            return a * fact(a - 1)
        }
        @points((4))
        func g(x) {
            var m = zeros(2, 2)
            m[1][0] = fact(x)
            return m[1][0] + len(m[0])
        }
        """,
    ]

    static let fragments: [String] = [
        "func", "gradient", "jacobian", "let", "var", "if", "else", "for", "in", "while", "break", "continue",
        "return", "(", ")", "[", "]", "{", "}", ",", ":", ";", "@", "@points((1, 2))", "@domain(x: 0...1)",
        "@dimensions(n: 3)", "@dimensions(n: 1000000)", "@helper", "@mutant(\"m\")", "@tags(a)", "@xfail(\"x\", \"y\")",
        "@tolerance(rtol: 1)", "^", "-", "+", "*", "/", "%", "==", "<", "&&", "||", "!", "...", "..<", "=", "+=",
        "\n", " ", "x", "y", "n", "x[n]", "x[i]", "i", "zeros(", "zeros(n)", "len(x)", "sin(", "pow(", "pi", "0", "1",
        "2.5", "1e308", "1e-320", "99999999999999999999", "\"", "\"s\"", "///", "// c", "/*", "*/", "\u{0}", "é",
        "\u{FEFF}", "\t", "\r\n", "for i in 0..<n {", "while true {", "return x", "f(x)", "g(", "x^2^3", "----",
        "((((", "))))", "[[", "]]", "2^62", "-9223372036854775808", "s += x[i + 1]", "break\n", "continue\n",
    ]

    /// A tight budget so that every evaluation is quick.
    static let limits = RuntimeLimits(
        maximumIterations: 20_000, maximumRecursionDepth: 200, maximumVectorLength: 10_000,
        maximumAllocatedElements: 200_000, maximumOperations: 1_000_000)

    func mutate(_ text: String, _ generator: inout SeededGenerator) -> [UInt8] {
        var bytes = Array(text.utf8)
        let edits = generator.next() % 5 < 3 ? 1 : 2 + Int(generator.next() % 3)
        for _ in 0..<edits {
            let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
            switch generator.next() % 6 {
            case 0 where !bytes.isEmpty:
                let length = min(bytes.count - min(position, bytes.count), 1 + Int(generator.next() % 12))
                bytes.removeSubrange(min(position, bytes.count)..<min(position, bytes.count) + length)
            case 1:
                bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
            case 2 where position < bytes.count:
                bytes[position] = UInt8(32 + generator.next() % 95)
            case 3 where !bytes.isEmpty:
                let start = Int(generator.next() % UInt64(bytes.count))
                let end = min(bytes.count, start + 1 + Int(generator.next() % 40))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            default:
                let fragment = Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            }
        }
        return bytes
    }

    /// Replaces one token by another of the same class (a number, an operator, a name): mutations that
    /// often still load, so that evaluation is exercised with odd values, indices and control flow.
    func replaceToken(_ text: String, _ generator: inout SeededGenerator) -> [UInt8] {
        let numbers = ["0", "1", "-1", "2", "1e308", "-1e308", "1e-320", "0.5", "3", "9223372036854775807", "100000000"]
        let operators = ["+", "-", "*", "/", "^", "<", ">", "==", "<=", "&&", "||", "%"]
        let names = ["x", "y", "n", "i", "a", "k", "s", "g", "x1", "x2", "m", "r", "t", "L", "sq", "fact", "len", "zeros"]
        var tokens: [String] = []
        var current = ""
        for character in text {
            let isWord = character.isLetter || character.isNumber || character == "_" || character == "."
            if isWord, let last = current.last, last.isLetter || last.isNumber || last == "_" || last == "." {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        for _ in 0..<1 + Int(generator.next() % 2) {
            let index = Int(generator.next() % UInt64(tokens.count))
            let token = tokens[index]
            let pool: [String]
            if token.first?.isNumber == true {
                pool = numbers
            } else if token.first?.isLetter == true {
                pool = names
            } else if operators.contains(token) {
                pool = operators
            } else {
                continue
            }
            tokens[index] = pool[Int(generator.next() % UInt64(pool.count))]
        }
        return Array(tokens.joined().utf8)
    }

    func randomTokens(_ generator: inout SeededGenerator) -> [UInt8] {
        let count = 1 + Int(generator.next() % 60)
        var text = ""
        for _ in 0..<count {
            text += Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
            if generator.next() % 3 == 0 { text += " " }
        }
        return Array(text.utf8)
    }

    /// Loads `bytes`; checks the rejection or runs what loaded. Returns whether it loaded.
    func exercise(_ bytes: [UInt8]) -> Bool {
        let lineCount = bytes.filter { $0 == 0x0A }.count + 1
        do {
            let suite = try SuiteLoader(limits: Self.limits).loadSuite(bytes: bytes, name: "fuzz", path: "fuzz.grad")
            for function in suite.functions.prefix(20) where function.inputCount <= 1_000 {
                let point = function.sampling.points(count: 1, seed: 3, salt: function.id.description).first
                    ?? Array(repeating: 0.5, count: function.inputCount)
                _ = try? function.evaluate(point)
                if function.hasHandCodedDerivative {
                    _ = try? function.handCodedDerivative(.correct, at: point) as [[Double]]
                }
            }
            return true
        } catch {
            #expect(!error.errors.isEmpty)
            for diagnostic in error.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.line <= lineCount, "\(diagnostic)")
                #expect(diagnostic.column >= 1, "\(diagnostic)")
                #expect(diagnostic.sourceLine != nil, "\(diagnostic)")
                _ = diagnostic.description
            }
            return false
        }
    }

    @Test func mutatedAndRandomInputsNeverCrash() throws {
        var generator = SeededGenerator(seed: 20_240_611)
        var corpus = Self.seeds
        let suites = repositoryRoot.appendingPathComponent("Suites")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: suites.path) {
            for name in names.sorted() where name.hasSuffix(".grad") {
                corpus.append(try String(contentsOf: suites.appendingPathComponent(name), encoding: .utf8))
            }
        }
        let start = Date()
        var loaded = 0, rejected = 0
        for round in 0..<10_500 {
            let bytes: [UInt8]
            if round % 10 == 9 {
                bytes = randomTokens(&generator)
            } else if round % 2 == 0 {
                bytes = replaceToken(Self.seeds[Int(generator.next() % UInt64(Self.seeds.count))], &generator)
            } else if round % 50 == 1 {
                // Whole corpus files, mutated: fewer of them, they are larger.
                bytes = mutate(corpus[Int(generator.next() % UInt64(corpus.count))], &generator)
            } else {
                bytes = mutate(Self.seeds[Int(generator.next() % UInt64(Self.seeds.count))], &generator)
            }
            if exercise(bytes) { loaded += 1 } else { rejected += 1 }
        }
        let seconds = Date().timeIntervalSince(start)
        print("fuzz: \(loaded + rejected) inputs, \(loaded) loaded, \(rejected) rejected, \(String(format: "%.2f", seconds)) s")
        #expect(loaded + rejected == 10_500)
        #expect(loaded > 100 && rejected > 100)
    }

    @Test func pathologicalInputs() {
        let cases: [String] = [
            String(repeating: "(", count: 100_000),
            "@domain(x: 0...1)\nfunc f(x) { return " + String(repeating: "x + ", count: 50_000) + "x }",
            "@domain(x: 0...1)\nfunc f(x) { return " + String(repeating: "-", count: 50_000) + "x }",
            "@domain(x: 0...1)\nfunc f(x) { return " + String(repeating: "x^", count: 50_000) + "x }",
            "@domain(x: 0...1)\nfunc f(x) { return " + String(repeating: "sin(", count: 50_000) + "x" + String(repeating: ")", count: 50_000) + " }",
            "@domain(x: 0...1)\nfunc f(x) { return [" + String(repeating: "1,", count: 110_000) + "1][0] }",
            "@domain(x: 0...1)\nfunc f(x) {\n" + String(repeating: "if x > 0 {\n", count: 1_000) + "return 1",
            "@domain(x: 0...1)\nfunc f(x) { return x[" + String(repeating: "x[", count: 10_000) + "0" + String(repeating: "]", count: 10_000) + "] }",
            String(repeating: "}", count: 10_000),
            String(repeating: "@a\n", count: 10_000),
            String(repeating: "func f(x) { return x }\n", count: 2_000),
            String(repeating: "#", count: 10_000),
            "@dimensions(n: 1000, 999, 998, m: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277, 278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 324, 325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335)\n@domain(x: 0...1, y: 0...1)\nfunc f(x[n], y[m]) { return x[0] }",
        ]
        let start = Date()
        for text in cases {
            _ = exercise(Array(text.utf8))
        }
        #expect(Date().timeIntervalSince(start) < 20)
        // Invalid UTF-8 is rejected at the offending byte.
        let invalid: [UInt8] = Array("@domain(x: 0...1)\nfunc f(x) { return x }\n// ".utf8) + [0xC3, 0x28]
        do {
            _ = try SuiteLoader().loadSuite(bytes: invalid, name: "fuzz", path: "fuzz.grad")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.diagnostics.map(\.headline) == ["fuzz.grad:3:4: error: the file is not valid UTF-8 (byte 44)"])
        }
    }
}

extension FuzzTests {
    @Test func manyNamesAndHugeNamesStayFast() {
        let start = Date()
        // Thousands of functions, each using an unknown name: suggestions are bounded.
        var text = ""
        for index in 0..<3_000 { text += "func f\(index)(x) { return y\(index) }\n" }
        _ = exercise(Array(text.utf8))
        // Two huge, nearly equal names.
        let long = String(repeating: "a", count: 200_000)
        _ = exercise(Array("@domain(x: 0...1)\nfunc f(x) {\n    let \(long)b = 1\n    return \(long)c\n}\n".utf8))
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
