import Foundation
import GradCheckCore

/// Inputs for fuzzing the suite loader: small valid suites to start from, and three ways of making odd
/// inputs from them (byte-level mutations, same-class token replacements that often still load, and
/// random token soup), plus ``exercise(_:limits:)``, which loads an input and runs what loaded.
///
/// Used by the unit tests (a short, seeded run) and by `gradcheck fuzz` (a timed one).
public enum SuiteFuzzer {
    /// Small suites that use every construct of the language.
    public static let seeds: [String] = [
        """
        /// The first article's running example.
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

    /// Fragments inserted by mutations and strung together by random token soup.
    public static let fragments: [String] = [
        "func", "gradient", "jacobian", "let", "var", "if", "else", "for", "in", "while", "break", "continue",
        "return", "(", ")", "[", "]", "{", "}", ",", ":", ";", "@", "@points((1, 2))", "@domain(x: 0...1)",
        "@dimensions(n: 3)", "@dimensions(n: 1000000)", "@helper", "@mutant(\"m\")", "@tags(a)", "@xfail(\"x\", \"y\")",
        "@tolerance(rtol: 1)", "^", "-", "+", "*", "/", "%", "==", "<", "&&", "||", "!", "...", "..<", "=", "+=",
        "\n", " ", "x", "y", "n", "x[n]", "x[i]", "i", "zeros(", "zeros(n)", "len(x)", "sin(", "pow(", "pi", "0", "1",
        "2.5", "1e308", "1e-320", "99999999999999999999", "\"", "\"s\"", "///", "// c", "/*", "*/", "\u{0}", "é",
        "\u{FEFF}", "\t", "\r\n", "for i in 0..<n {", "while true {", "return x", "f(x)", "g(", "x^2^3", "----",
        "((((", "))))", "[[", "]]", "2^62", "-9223372036854775808", "s += x[i + 1]", "break\n", "continue\n",
    ]

    public static func mutate(_ text: String, _ generator: inout SeededGenerator) -> [UInt8] {
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
                let fragment = fragments[Int(generator.next() % UInt64(Self.fragments.count))]
                bytes.insert(contentsOf: Array(fragment.utf8), at: position)
            }
        }
        return bytes
    }

    /// Replaces one token by another of the same class (a number, an operator, a name): mutations that
    /// often still load, so that evaluation is exercised with odd values, indices and control flow.
    public static func replaceToken(_ text: String, _ generator: inout SeededGenerator) -> [UInt8] {
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

    public static func randomTokens(_ generator: inout SeededGenerator) -> [UInt8] {
        let count = 1 + Int(generator.next() % 60)
        var text = ""
        for _ in 0..<count {
            text += Self.fragments[Int(generator.next() % UInt64(Self.fragments.count))]
            if generator.next() % 3 == 0 { text += " " }
        }
        return Array(text.utf8)
    }

    /// What one input did.
    public enum Outcome: Sendable, Equatable {
        /// It loaded; its functions were evaluated (with their derivatives).
        case loaded
        /// It was rejected; `unlocated` counts diagnostics without a valid line and column.
        case rejected(unlocated: Int)
    }

    /// A tight budget so that every evaluation of a fuzzed function is quick.
    public static let limits = RuntimeLimits(
        maximumIterations: 20_000, maximumRecursionDepth: 200, maximumVectorLength: 10_000,
        maximumAllocatedElements: 200_000, maximumOperations: 1_000_000)

    /// Loads `bytes`, and if they load, evaluates up to 20 of their functions (and hand-written derivatives)
    /// at a point; if they are rejected, counts the diagnostics that do not point at a line and a column
    /// of the input.
    public static func exercise(_ bytes: [UInt8], limits: RuntimeLimits = limits) -> Outcome {
        let lineCount = bytes.filter { $0 == 0x0A }.count + 1
        do {
            let suite = try SuiteLoader(limits: limits).loadSuite(bytes: bytes, name: "fuzz", path: "fuzz.grad")
            for function in suite.functions.prefix(20) where function.inputCount <= 1_000 {
                let point = function.sampling.points(random: 1, seed: 3, salt: function.id.description).first
                    ?? Array(repeating: 0.5, count: function.inputCount)
                _ = try? function.evaluate(point)
                if function.hasHandCodedDerivative {
                    _ = try? function.handCodedDerivative(.correct, at: point) as [[Double]]
                }
            }
            return .loaded
        } catch {
            let unlocated = error.diagnostics.filter { diagnostic in
                !(diagnostic.line >= 1 && diagnostic.line <= lineCount && diagnostic.column >= 1 && diagnostic.sourceLine != nil)
            }.count
            return .rejected(unlocated: error.diagnostics.isEmpty ? 1 : unlocated)
        }
    }

    /// The `round`-th input of a fuzzing run: a tenth random token soup, half token replacements, a few
    /// mutated corpus files, the rest byte mutations of the seeds.
    public static func input(round: Int, corpus: [String], _ generator: inout SeededGenerator) -> [UInt8] {
        if round % 10 == 9 { return randomTokens(&generator) }
        if round % 2 == 0 { return replaceToken(seeds[Int(generator.next() % UInt64(seeds.count))], &generator) }
        if round % 50 == 1, !corpus.isEmpty { return mutate(corpus[Int(generator.next() % UInt64(corpus.count))], &generator) }
        return mutate(seeds[Int(generator.next() % UInt64(seeds.count))], &generator)
    }
}
