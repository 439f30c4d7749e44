import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// The command-line target of `gradcheck fuzz`: what it generates, how it bounds each line, and how it
/// counts an outcome.
@Suite("Fuzzing command lines")
struct CommandLineFuzzTests {
    let workspace = FuzzWorkspace(folder: "/tmp/gradcheck-fuzz-test")

    /// Lines made from a seed, bounded as the target runs them.
    func lines(_ count: Int, seed: UInt64 = 9) -> [[String]] {
        var target = CommandLineFuzzTarget(tool: GradCheckTool(), workspace: workspace)
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in CommandLineFuzzTarget.arguments(inFile: target.nextInput(&generator)) }
    }

    @Test func linesComeFromEverySubcommandAndAreReproducible() {
        let made = lines(600)
        let commands = Set(made.compactMap(\.first))
        #expect(commands.isSuperset(of: GradCheckTool.commands.map(\.name)))
        #expect(made == lines(600))
        #expect(made != lines(600, seed: 10))
        // Options with values, inline values and repeats all occur.
        #expect(made.contains { $0.contains { $0.hasPrefix("--") && $0.contains("=") } })
        #expect(made.joined().contains { $0.contains("\u{202E}") })
    }

    /// Every option that writes gets a path in the workspace, so a fuzzing run writes nowhere else.
    @Test func everyWrittenPathIsInTheWorkspace() {
        for line in lines(3_000) {
            guard let command = line.first else { continue }
            for (index, word) in line.enumerated().dropFirst() {
                let (name, inline) = word.firstIndex(of: "=").map { (String(word[..<$0]), Optional(String(word[word.index(after: $0)...]))) }
                    ?? (word, nil)
                guard FuzzArgumentValues.writes(command, name) else { continue }
                let value = inline ?? (index + 1 < line.count ? line[index + 1] : "")
                #expect(value.hasPrefix(workspace.root + "/"), "\(line)")
            }
        }
    }

    /// `run` selects only quick functions: no garbage glob (a `*` from the garbage once made a full run,
    /// a hang for the fuzzer).
    @Test func runSelectsOnlyQuickFunctions() {
        for line in lines(3_000) where line.first == "run" {
            for (index, word) in line.enumerated() where word == "--function" && index + 1 < line.count || word.hasPrefix("--function=") {
                let value = word == "--function" ? line[index + 1] : String(word.dropFirst("--function=".count))
                #expect(FuzzArgumentValues.quickFunctions.contains(value) || !value.contains(where: FuzzArgumentValues.isGlobCharacter), "\(line)")
            }
        }
    }

    /// A line that scans gets the options that bound its work; one that does not is left as it is.
    @Test func theBudgetBoundsLongJobs() {
        var generator = SeededGenerator(seed: 1)
        let run = FuzzBudget.bounded(["run", "--points", "2"], workspace: workspace, &generator)
        #expect(run.starts(with: ["run", "--no-timing", "--cell-timeout", "1", "--function"]))
        #expect(run.suffix(2) == ["--points", "2"])
        let bench = FuzzBudget.bounded(["bench", "--format", "json"], workspace: workspace, &generator)
        #expect(bench == ["bench", "--sizes", "10", "--budget", "0.01", "--samples", "1", "--count-size", "10", "--format", "json"])
        let fuzz = FuzzBudget.bounded(["fuzz"], workspace: workspace, &generator)
        #expect(fuzz.contains("--inputs") && fuzz.contains("--target") && !fuzz.contains("command-lines"))
        #expect(FuzzBudget.bounded(["run", "--points"], workspace: workspace, &generator) == ["run", "--points"])
        #expect(FuzzBudget.bounded(["list", "functions", "--expressions"], workspace: workspace, &generator).last == workspace.tinySuite)
    }

    @Test func aKeptLineIsOneArgumentPerLine() {
        let arguments = ["run", "", "a\rb", "é\u{202E}", "x\r"]
        let file = CommandLineFuzzTarget.file(of: arguments)
        #expect(String(decoding: file, as: UTF8.self) == "run\n\na\rb\né\u{202E}\nx\r\n")
        #expect(CommandLineFuzzTarget.arguments(inFile: file) == arguments)
        #expect(CommandLineFuzzTarget.arguments(inFile: []) == [])
    }

    @Test func anOutcomeWithoutAMessageIsADefect() {
        func outcome(_ code: ExitCode, _ error: String, _ output: String = "") -> FuzzOutcome {
            CommandLineFuzzTarget.outcome(of: CommandResult(exitCode: code, standardOutput: output, standardError: error))
        }
        #expect(outcome(.success, "") == .accepted)
        #expect(outcome(.usage, "error: unknown option '--x'\nUsage: see 'gradcheck run --help'.\n") == .rejectedWithMessage)
        #expect(outcome(.failure, "", "FAIL seeds/nutty …\n") == .rejectedWithMessage)
        #expect(outcome(.invalidData, "a.grad:1:1: error: no such file or directory\n") == .rejectedWithMessage)
        #expect(outcome(.failure, "") == .rejectedWithoutMessage)
        #expect(outcome(.usage, "error: \nUsage: see 'gradcheck --help'.\n") == .rejectedWithoutMessage)
        #expect(outcome(.failure, "error: TimeLimitExceeded(seconds: 2.0)\n") == .rejectedWithoutMessage)
        #expect(outcome(.failure, "error: GradCheckCLI.SomeError.broken\n") == .rejectedWithoutMessage)
        #expect(outcome(.invalidData, "x:1:1: error: cannot read: The operation could not be completed. Oops\n") == .rejectedWithoutMessage)
    }
}

/// The defects `gradcheck fuzz` found in the command line and the report reader, each at its mechanism.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    /// `/dev/zero` as a saved report, a baseline or a suite: refused at a size limit, with a message that
    /// says so (it was a misleading "permission").
    @Test func anEndlessDeviceIsRefusedAtOnce() {
        let report = GradCheckTool().run(["report", "/dev/zero"])
        #expect(report.exitCode == .invalidData)
        #expect(report.standardError == "error: /dev/zero: it is a character device, not a regular file; only a regular file is read\n")
        let baseline = GradCheckTool().run(["run", "--function", "seeds/nutty", "--points", "1", "--no-timing", "--baseline", "/dev/zero"])
        #expect(baseline.exitCode == .invalidData)
        #expect(baseline.standardError.contains("baseline /dev/zero: it is a character device"))
        // An empty device is refused the same way (it was Foundation's "The operation could not be completed").
        #expect(GradCheckTool().run(["report", "/dev/null"]).standardError
            == "error: /dev/null: it is a character device, not a regular file; only a regular file is read\n")
        let suite = GradCheckTool().run(["list", "functions", "/dev/zero"])
        #expect(suite.exitCode == .invalidData)
        #expect(suite.standardError.contains("/dev/zero:1:1: error: cannot read the file: it is a character device"))
    }

    /// `--report-dir` naming a file: said plainly (it was Foundation's "The operation could not be
    /// completed. A file with the same name already exists.").
    @Test func aReportFolderThatIsAFileIsNamed() throws {
        let path = NSTemporaryDirectory() + "gradcheck-fuzz-file-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = GradCheckTool().run(["run", "--function", "seeds/nutty", "--points", "1", "--no-timing", "--report-dir", path])
        #expect(result.exitCode == .usage)
        #expect(result.standardError.hasPrefix("error: cannot create the report folder '\(path)': a file of that name is in the way\n"))
        #expect(CommandLineFuzzTarget.outcome(of: result) == .rejectedWithMessage)
    }

    /// A saved report with a two-million-character name: refused on reading with the member's path (it
    /// took seconds and hundreds of MB to print as text, a hang for the fuzzer).
    @Test func aGiantStringInASavedReportIsRefused() throws {
        let path = NSTemporaryDirectory() + "gradcheck-fuzz-giant-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .object(var root) = FuzzSeedReports.documents[0],
            let results = root.firstIndex(where: { $0.key == "results" }), case .array(var cells) = root[results].value,
            case .object(var cell) = cells[0], let strategy = cell.firstIndex(where: { $0.key == "strategy" })
        else { throw FixtureError() }
        cell[strategy].value = .string(String(repeating: "é", count: 1_000_000))
        cells[0] = .object(cell)
        root[results].value = .array(cells)
        try JSONWriter.write(.object(root)).write(toFile: path, atomically: true, encoding: .utf8)
        let result = GradCheckTool().run(["report", path, "--format", "text"])
        #expect(result.exitCode == .invalidData)
        #expect(result.standardError.contains("results[0].strategy: a string of 2000000 bytes; at most 1048576 are read"))
    }

    struct FixtureError: Error {}
}
