import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

/// Feeds mutated and random inputs to the loader: nothing may crash or hang, and every rejection must
/// point at a line and a column of the input.
@Suite struct FuzzTests {
    /// Loads `bytes` through ``SuiteFuzzer/exercise(_:limits:)``: a rejection must locate every diagnostic.
    /// Returns whether it loaded.
    func exercise(_ bytes: [UInt8]) -> Bool {
        switch SuiteFuzzer.exercise(bytes) {
        case .loaded:
            return true
        case .rejected(let unlocated):
            #expect(unlocated == 0, "\(String(decoding: bytes, as: UTF8.self))")
            return false
        }
    }

    @Test func mutatedAndRandomInputsNeverCrash() throws {
        var generator = SeededGenerator(seed: 20_240_611)
        var corpus = SuiteFuzzer.seeds
        let suites = repositoryRoot.appendingPathComponent("Suites")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: suites.path) {
            for name in names.sorted() where name.hasSuffix(".grad") {
                corpus.append(try String(contentsOf: suites.appendingPathComponent(name), encoding: .utf8))
            }
        }
        var loaded = 0, rejected = 0
        for round in 0..<10_500 {
            if exercise(SuiteFuzzer.input(round: round, corpus: corpus, &generator)) { loaded += 1 } else { rejected += 1 }
        }
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
        for text in cases {
            _ = exercise(Array(text.utf8))
        }
        // What keeps them cheap is a count, not a clock: nesting stops at the parser's limit and a literal at
        // its entry limit, so the work does not grow with the input's depth or length beyond them. A sum of
        // 50,000 terms is not nesting but a flat chain: it loads.
        #expect(firstError(cases[1]) == nil)
        for index in [2, 3, 4, 6, 7] {
            let message = firstError(cases[index]) ?? "loaded"
            #expect(message.hasSuffix("nested (more than 200 levels)") || message.hasSuffix("too deep (more than 200 levels)"), "\(index): \(message)")
        }
        #expect(firstError(cases[5])?.contains("too many entries (more than 100000)") == true)
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
    /// The message of the first error loading `text`, or nil when it loads.
    func firstError(_ text: String) -> String? {
        do {
            _ = try SuiteLoader().loadSuite(bytes: Array(text.utf8), name: "fuzz", path: "fuzz.grad")
            return nil
        } catch {
            return error.errors.first?.message
        }
    }

    /// Suggesting a name costs at most ``NameSuggestion/maximumCandidates`` distances between names of at
    /// most ``NameSuggestion/maximumLength`` characters, however many or long the names of the file: the
    /// bounds are checked as counts, and the files that would be slow without them still load or fail
    /// with located errors.
    @Test func manyNamesAndHugeNamesStayFast() {
        // Thousands of functions, each using an unknown name: suggestions are bounded.
        var text = ""
        for index in 0..<3_000 { text += "func f\(index)(x) { return y\(index) }\n" }
        _ = exercise(Array(text.utf8))
        // Two huge, nearly equal names.
        let long = String(repeating: "a", count: 200_000)
        _ = exercise(Array("@domain(x: 0...1)\nfunc f(x) {\n    let \(long)b = 1\n    return \(long)c\n}\n".utf8))

        // Only the first `maximumCandidates` candidates are compared.
        let decoys = (0..<NameSuggestion.maximumCandidates).map { "decoy\($0)" }
        #expect(NameSuggestion.suggest("alpha", among: ["alphx"]) == "alphx")
        #expect(NameSuggestion.suggest("alpha", among: decoys.dropLast() + ["alphx"]) == "alphx")
        #expect(NameSuggestion.suggest("alpha", among: decoys + ["alphx"]) == nil)
        // Names longer than `maximumLength` are neither given suggestions nor suggested.
        let longest = String(repeating: "a", count: NameSuggestion.maximumLength)
        let shorter = String(longest.dropLast())
        #expect(NameSuggestion.suggest(longest + "b", among: [longest + "c"]) == nil)
        #expect(NameSuggestion.suggest(shorter + "b", among: [longest + "c"]) == nil)
        #expect(NameSuggestion.suggest(shorter + "b", among: [shorter + "c"]) == shorter + "c")
    }
}
