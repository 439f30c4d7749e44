import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

@Suite("Suites on the command line")
struct SuiteCommandTests {
    let tool = GradCheckTool()

    /// The repository's `Suites` folder, found from this file's path.
    static let suitesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Suites").path

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "gradcheck-suites-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSuiteFileRunsWithItsMutantsCaught() {
        let result = tool.run(["run", Self.suitesFolder + "/seeds.grad", "--no-timing", "--strategy", "hand-coded", "--strategy", "reverse"])
        #expect(result.exitCode == .success, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("seeds/nutty"))
        #expect(!result.standardOutput.contains("starter/"))
        #expect(result.standardOutput.contains("mutants caught 8/8"))
    }

    @Test func theSeedsPrintedTraceIsCaughtInTheSuiteToo() throws {
        let result = tool.run(["run", Self.suitesFolder + "/seeds.grad", "--function", "seeds/nutty", "--strategy", "hand-coded", "--no-timing", "--format", "json"])
        let report = try JSONReport.decode(result.standardOutput)
        let mutant = try #require(report.cells.first { $0.expectation?.contains("v̇5") == true })
        #expect(mutant.verdict == .expectedFailure)
    }

    @Test func anInvalidSuiteExits65NamingEveryBadFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "func f(x) {\n    return sinn(x)\n}\n".write(toFile: folder + "/a.grad", atomically: true, encoding: .utf8)
        try "func g(x) {\n    let y = \n}\n".write(toFile: folder + "/b.grad", atomically: true, encoding: .utf8)
        let result = tool.run(["run", folder, "--no-timing"])
        #expect(result.exitCode == .invalidData)
        #expect(result.standardError.contains("\(folder)/a.grad:2:12: error: unknown function 'sinn'"))
        #expect(result.standardError.contains("did you mean 'sin'?"))
        #expect(result.standardError.contains("\(folder)/b.grad:"))
        #expect(result.standardOutput.isEmpty)
        #expect(tool.run(["list", "functions", folder]).exitCode == .invalidData)
        #expect(tool.run(["run", folder + "/missing.grad"]).exitCode == .invalidData)
    }

    @Test func listingFunctionsShowsSuitesInputsAndTags() {
        let out = tool.run(["list", "functions", Self.suitesFolder + "/classic.grad"]).standardOutput
        #expect(out.contains("classic/rosenbrock[n=10]"))
        let row = out.split(separator: "\n").first { $0.hasPrefix("classic/rosenbrock[n=10] ") }
        #expect(row?.contains(" 10 ") == true && row?.contains("classic") == true)
    }

    @Test func tagsFilterSuiteFunctions() {
        let out = tool.run(["run", Self.suitesFolder, "--tag", "kink", "--strategy", "reverse", "--no-timing"]).standardOutput
        let rows = out.split(separator: "\n").filter { $0.contains(" reverse ") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("kinks/") })
    }

    @Test func withoutAPathTheStandardSuitesAndTheStarterCorpusAreLoaded() throws {
        let functions = try CorpusSource(tool: tool).functions(paths: [])
        let suites = Set(functions.map(\.id.suite))
        for suite in ["seeds", "classic", "ml", "control-flow", "kinks", "swell", "jacobians", "scale", "starter"] {
            #expect(suites.contains(suite), "\(suite)")
        }
        #expect(functions.count >= 45)
        #expect(functions.reduce(0) { $0 + $1.mutants.count } >= 15)
    }

    @Test func traceFindsSuiteFunctions() {
        let result = tool.run(["trace", "seeds/nutty", "--at", "2,1"])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.contains("v₁    v₀²"))
        #expect(result.standardOutput.contains("v₆    v₋₁ · v₅"))
        #expect(tool.run(["trace", "nutty"]).standardError.contains("ambiguous"))
    }
}

@Suite("gradcheck fuzz")
struct FuzzCommandTests {
    /// The rows of the tally, by target: its counts in the order of the columns (tried, accepted,
    /// rejected with a message, rejected without one, hangs, crashes).
    static func counts(_ output: String) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            let numbers = words.dropFirst().compactMap { Int($0) }
            guard let name = words.first, numbers.count == 6 else { continue }
            counts[String(name)] = numbers
        }
        return counts
    }

    /// Bounded by a number of inputs, not by time, so that a loaded machine runs the same inputs, only more
    /// slowly; the hang limit is raised far above any input's time, as a safety net only.
    @Test func aShortSeededRunExercisesEveryTargetAndFindsNothing() throws {
        let folder = NSTemporaryDirectory() + "gradcheck-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let arguments = ["fuzz", "--inputs", "90", "--seed", "5", "--hang-seconds", "600", "--keep", folder]
        let result = GradCheckTool().run(arguments)
        #expect(result.exitCode == .success, "\(result.standardOutput)\(result.standardError)")
        let counts = Self.counts(result.standardOutput)
        for target in FuzzCommand.targetNames {
            let row = try #require(counts[target], "\(result.standardOutput)")
            let (tried, accepted, located, silent, hangs, crashes) = (row[0], row[1], row[2], row[3], row[4], row[5])
            #expect(tried == 30 && accepted > 0 && located > 0 && accepted + located == tried, "\(target): \(row)")
            #expect(silent == 0 && hangs == 0 && crashes == 0, "\(target): \(row)")
        }
        #expect(counts["all"]?[0] == 90)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left.isEmpty, "no current input, kept input or workspace is left: \(left)")
        // The same seed and count try the same inputs: the same counts on any machine.
        #expect(Self.counts(GradCheckTool().run(arguments).standardOutput) == counts)
        #expect(GradCheckTool().run(["fuzz", "--suites", folder + "/none"]).exitCode == .usage)
        #expect(GradCheckTool().run(["fuzz", "--inputs", "0"]).exitCode == .usage)
        #expect(GradCheckTool().run(["fuzz", "--target", "command-line"]).standardError.contains("one of suites, reports, command-lines"))
    }

    /// One target alone runs every input on it.
    @Test func aTargetCanBeChosen() throws {
        let folder = NSTemporaryDirectory() + "gradcheck-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = GradCheckTool().run(["fuzz", "--inputs", "12", "--target", "reports", "--hang-seconds", "600", "--keep", folder])
        let counts = Self.counts(result.standardOutput)
        #expect(Set(counts.keys) == ["reports"])
        #expect(counts["reports"]?[0] == 12)
    }

    /// The reproducer's folder is checked before anything runs: a missing one (or a file) is a usage error.
    @Test func keepingInputsInAMissingFolderIsAUsageErrorUpFront() throws {
        let folder = NSTemporaryDirectory() + "gradcheck-fuzz-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = GradCheckTool().run(["fuzz", "--inputs", "1", "--keep", folder + "/missing"])
        #expect(missing.exitCode == .usage)
        #expect(missing.standardError.contains("--keep") && missing.standardError.contains("an existing folder that can be written to"))
        #expect(missing.standardOutput.isEmpty)
        try "".write(toFile: folder, atomically: true, encoding: .utf8)
        #expect(GradCheckTool().run(["fuzz", "--inputs", "1", "--keep", folder]).exitCode == .usage)
    }
}

@Suite("Resource limits on the command line")
struct LimitOptionTests {
    @Test func loopAndExpressionLimitsEndInClearMessages() throws {
        let result = GradCheckTool().run([
            "run", "--function", "classic/rosenbrock[n=100]", "--strategy", "reverse", "--strategy", "symbolic",
            "--max-iterations", "10", "--max-nodes", "50", "--no-timing", "--format", "json",
        ])
        let report = try JSONReport.decode(result.standardOutput)
        let reverse = try #require(report.cells.first { $0.strategy == "reverse" })
        #expect(reverse.verdict == .error)
        #expect(reverse.message?.contains("classic.grad:") == true, "a run-time error with its location: \(reverse.message ?? "")")
        let symbolic = try #require(report.cells.first { $0.strategy == "symbolic" })
        #expect(symbolic.verdict == .error || symbolic.verdict == .unsupported)
        #expect(GradCheckTool().run(["run", "--max-nodes", "1"]).exitCode == .usage)
    }

    @Test func tooManyInputsStopsAtTheLimitWithAMessage() throws {
        // Above the limit a function is checked along directions, unless directional checks are off.
        let result = GradCheckTool().run([
            "run", "--function", "classic/rosenbrock[n=100]", "--strategy", "reverse", "--max-inputs", "50", "--no-timing",
            "--directional", "never",
        ])
        // The only cell is unsupported: nothing failed, nothing was verified.
        #expect(result.exitCode == .nothingVerified)
        #expect(result.standardOutput.contains("unsupported"))
        let json = GradCheckTool().run([
            "run", "--function", "classic/rosenbrock[n=100]", "--strategy", "reverse", "--max-inputs", "50", "--no-timing",
            "--directional", "never", "--format", "json",
        ])
        let cell = try #require(try JSONReport.decode(json.standardOutput).cells.first)
        #expect(cell.message == "100 inputs exceed the limit of 50 (raise it with --max-inputs)")
        let directional = GradCheckTool().run([
            "run", "--function", "classic/rosenbrock[n=100]", "--strategy", "reverse", "--max-inputs", "50", "--no-timing",
            "--format", "json",
        ])
        #expect(directional.exitCode == .success)
        #expect(try JSONReport.decode(directional.standardOutput).cells.first?.points.first?.directional != nil)
    }
}

/// What the tool prints on standard error quotes paths, values and suite text: none of it may reach the
/// terminal as a control sequence.
@Suite struct ErrorTextControlCharacterTests {
    let tool = GradCheckTool()

    static func controls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }

    @Test func aSuiteLineWithEscapesIsShownNotSent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-ctl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "func f(x) {\n    return x\u{1B}[2J\u{7} + y\r\n}\n".write(toFile: folder + "/s.grad", atomically: false, encoding: .utf8)
        let result = tool.run(["run", folder + "/s.grad", "--no-timing"])
        #expect(result.exitCode == .invalidData)
        #expect(Self.controls(result.standardError).isEmpty, "\(result.standardError.debugDescription)")
        #expect(result.standardError.contains("\\u{1B}[2J"))
    }

    @Test func pathsAndValuesInErrorsAreShownNotSent() {
        for arguments in [["run", "/missing/\u{1B}]0;title\u{7}.grad"], ["run", "--format", "\u{1B}[31m\u{202E}"], ["report", "\u{9B}2J.json"]] {
            let result = tool.run(arguments)
            #expect(result.exitCode != .success)
            #expect(Self.controls(result.standardError).isEmpty, "\(arguments): \(result.standardError.debugDescription)")
        }
    }
}
