import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// A filter that selects nothing, or a corpus that holds nothing, is said out loud: never a run that
/// quietly checks less than was asked for.
@Suite("Filters and corpora that select nothing")
struct SelectionTests {
    let tool = GradCheckTool()
    let quick = ["--strategy", "hand-coded", "--no-timing"]

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "gradcheck-selection-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aTagOrGlobThatMatchesNoFunctionIsAUsageErrorWithASuggestion() {
        let cases: [([String], [String])] = [
            ([SuiteCommandTests.suitesFolder, "--tag", "control-flow"], ["--tag 'control-flow'", "did you mean 'control_flow'?"]),
            (["--tag", "kink", "--tag", "kinnk"], ["--tag 'kinnk'", "did you mean 'kink'?"]),
            (["--tag", "Loop"], ["--tag 'Loop'", "did you mean 'loop'?"]),
            (["--function", "starter/cubic", "--function", "starter/cubci"], ["--function 'starter/cubci'", "did you mean 'starter/cubic'?"]),
            (["--function", "classic/rosenbrock"], ["--function 'classic/rosenbrock'", "did you mean 'classic/rosenbrock*'?"]),
            (["--function", "starter/nutty-as*"], ["--function 'starter/nutty-as*'", "negative control"]),
            (["--function", "no-such-function"], ["--function 'no-such-function' matches no function"]),
        ]
        for (arguments, fragments) in cases {
            let result = tool.run(["run"] + arguments + quick)
            #expect(result.exitCode == .usage, "\(arguments)")
            for fragment in fragments {
                #expect(result.standardError.contains(fragment), "\(arguments): \(result.standardError)")
            }
            #expect(!result.standardError.contains("no function matches the --function and --tag filters"))
            #expect(result.standardOutput.isEmpty, "\(arguments)")
        }
        // Each filter alone selects something, but no function passes both.
        let disjoint = tool.run(["run", "--function", "classic/*", "--tag", "kink"] + quick)
        #expect(disjoint.exitCode == .usage)
        #expect(disjoint.standardError.contains("no function matches both"), "\(disjoint.standardError)")
    }

    @Test func aFilterThatMatchesInSomeSuitesButNotOthersRuns() {
        // `control-flow` tags the compiled starter functions; the control-flow suite says `control_flow`.
        let starter = tool.run(["run", "--tag", "control-flow"] + quick)
        #expect(starter.exitCode == .success, "\(starter.standardError)")
        #expect(starter.standardError.isEmpty)
        #expect(starter.standardOutput.contains("starter/recursion"))
        let suites = tool.run(["run", SuiteCommandTests.suitesFolder + "/kinks.grad", SuiteCommandTests.suitesFolder + "/seeds.grad", "--tag", "kink"] + quick)
        #expect(suites.exitCode == .success, "\(suites.standardError)")
        #expect(suites.standardOutput.contains("kinks/"))
    }

    @Test func anEmptyCorpusSaysWhatIsEmptyRatherThanBlamingTheFilters() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = tool.run(["run", folder] + quick)
        #expect(empty.exitCode == .usage)
        #expect(empty.standardError.contains("'\(folder)' holds no .grad files"), "\(empty.standardError)")
        #expect(!empty.standardError.contains("filters"))

        try "// nothing yet\n".write(toFile: folder + "/blank.grad", atomically: true, encoding: .utf8)
        let blank = tool.run(["run", folder + "/blank.grad"] + quick)
        #expect(blank.exitCode == .usage)
        #expect(blank.standardError.contains("defines no test function"), "\(blank.standardError)")

        var nothing = GradCheckTool(builtInFunctions: [])
        nothing.loadsStandardSuites = false
        let hostless = nothing.run(["run"] + quick)
        #expect(hostless.exitCode == .usage)
        #expect(hostless.standardError.contains("no test functions"), "\(hostless.standardError)")
        #expect(!hostless.standardError.contains("filters"))

        let blanks = tool.run(["run", folder] + quick)
        #expect(blanks.exitCode == .usage)
        #expect(blanks.standardError.contains("'\(folder)' holds .grad files that define no test function"), "\(blanks.standardError)")

        // A folder that adds nothing beside others that do is worth a warning, not an error.
        let none = folder + "/none"
        try FileManager.default.createDirectory(atPath: none, withIntermediateDirectories: true)
        let mixed = tool.run(["run", none, SuiteCommandTests.suitesFolder + "/kinks.grad", "--function", "kinks/*"] + quick)
        #expect(mixed.exitCode == .success, "\(mixed.standardError)")
        #expect(mixed.standardError.contains("warning: '\(none)' holds no .grad files"), "\(mixed.standardError)")
    }

    /// `list functions` over paths that define nothing says what is empty (as `run` does), rather than
    /// printing a bare header; a path that adds nothing beside others that do is a warning.
    @Test func anEmptyListingSaysWhatIsEmpty() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let empty = tool.run(["list", "functions", folder])
        #expect(empty.exitCode == .usage)
        #expect(empty.standardError == "error: no test functions to list: '\(folder)' holds no .grad files\n", "\(empty.standardError)")
        #expect(empty.standardOutput.isEmpty)

        try "// nothing yet\n".write(toFile: folder + "/blank.grad", atomically: true, encoding: .utf8)
        let blank = tool.run(["list", "functions", folder + "/blank.grad"])
        #expect(blank.exitCode == .usage)
        #expect(blank.standardError.contains("'\(folder)/blank.grad' defines no test function"), "\(blank.standardError)")
        #expect(!blank.standardError.contains("filter"))

        var nothing = GradCheckTool(builtInFunctions: [])
        nothing.loadsStandardSuites = false
        let hostless = nothing.run(["list", "functions"])
        #expect(hostless.exitCode == .usage)
        #expect(hostless.standardError.contains("no suite file was named"), "\(hostless.standardError)")

        let mixed = tool.run(["list", "functions", folder, SuiteCommandTests.suitesFolder + "/kinks.grad"])
        #expect(mixed.exitCode == .success, "\(mixed.standardError)")
        #expect(mixed.standardError.contains("warning: '\(folder)' holds .grad files that define no test function"), "\(mixed.standardError)")
        #expect(mixed.standardOutput.contains("kinks/abs_kink"))
    }

    @Test func anEmptySuitesFolderIsAnErrorInsteadOfAnEmptyStandardCorpus() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Suites", withIntermediateDirectories: true)
        try "notes\n".write(toFile: folder + "/Suites/README.txt", atomically: true, encoding: .utf8)
        let run = try Executable.run("gradcheck", ["run"] + quick, in: folder)
        #expect(run.status == ExitCode.invalidData.rawValue, "\(run.output)")
        #expect(run.errors.contains("Suites"), "\(run.errors)")
        #expect(run.errors.contains("holds no .grad files"), "\(run.errors)")
        #expect(run.output.isEmpty)
        #expect(try Executable.run("gradcheck", ["list", "functions"], in: folder).status == ExitCode.invalidData.rawValue)
        // Naming suite files still works there.
        let named = try Executable.run("gradcheck", ["run", SuiteCommandTests.suitesFolder + "/kinks.grad"] + quick, in: folder)
        #expect(named.status == ExitCode.success.rawValue, "\(named.errors)")
    }

    /// Suites `a`, `ax` and `a*` each define `f`: the id `a*/f`, read as a glob, also matches `a/f` and
    /// `ax/f`. Each `--isolate` child selects its function by exact id, so every cell is checked once.
    @Test func isolatedChildrenSelectTheirFunctionByExactIdNotByGlob() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for suite in ["a", "ax", "a*", "a?"] {
            try "@points((1.5))\nfunc f(x) {\n    return x * x\n}\n"
                .write(toFile: folder + "/\(suite).grad", atomically: true, encoding: .utf8)
        }
        let arguments = ["run", folder, "--strategy", "forward", "--points", "0", "--no-timing", "--format", "json"]
        let isolated = try Executable.run("gradcheck", arguments + ["--isolate"])
        #expect(isolated.status == ExitCode.success.rawValue, "\(isolated.errors)")
        let cells = try JSONReport.decode(isolated.output).cells
        #expect(cells.map(\.function.description) == ["a*/f", "a/f", "a?/f", "ax/f"], "\(cells.map(\.function))")
        #expect(cells.allSatisfy { $0.verdict == .pass && $0.points.count == 1 })

        // The exact-id channel itself: no wildcard, a negative control by its id, and a typo said out loud.
        let exact = tool.run(["run", folder, "--function-id", "a*/f", "--format", "json", "--strategy", "forward", "--no-timing"])
        #expect(exact.exitCode == .success, "\(exact.standardError)")
        #expect(try JSONReport.decode(exact.standardOutput).cells.map(\.function.description) == ["a*/f"])
        let control = tool.run(["run", "--function-id", "starter/nutty-as-printed", "--format", "json"] + quick)
        #expect(try JSONReport.decode(control.standardOutput).cells.map(\.function.description) == ["starter/nutty-as-printed"])
        let typo = tool.run(["run", folder, "--function-id", "a/g"] + quick)
        #expect(typo.exitCode == .usage)
        #expect(typo.standardError.contains("--function-id 'a/g' matches no function"), "\(typo.standardError)")
        // Hidden: not in help, not suggested for a misspelt option.
        #expect(!tool.run(["run", "--help"]).standardOutput.contains("--function-id"))
    }
}
