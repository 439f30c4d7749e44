import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// A failure's `replay:` line, pasted into a shell, must re-run exactly that cell: the same function from
/// the same file, not a function of the same name from another corpus.
@Suite("Replay commands")
struct ReplayTests {
    let tool = GradCheckTool()

    /// A fresh folder whose name needs shell quoting (a space and a quote), removed by the caller.
    static func awkwardFolder() throws -> String {
        let path = NSTemporaryDirectory() + "gradcheck replay it's \(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `seeds.grad`, an edited copy of the standard suite: its `nutty` has a wrong gradient, where the
    /// standard `seeds/nutty` has a right one.
    static let editedSeeds = """
        @points((2, 1), (1.5, 0.8))
        @domain(x1: 1.2...3, x2: 0.3...1.2)
        func nutty(x1, x2) {
            return x1 * x2
        }

        gradient nutty {
            return [x2, x1 + 1]
        }

        """

    /// A suite no corpus has, with one wrong gradient.
    static let ownSuite = """
        @points((1, 2))
        @domain(x: -1...1, y: -1...1)
        func lonely(x, y) {
            return x * x + y
        }

        gradient lonely {
            return [x, 1]
        }

        """

    /// The `replay:` lines of a text report.
    static func replayLines(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("replay: ") ? String(trimmed.dropFirst("replay: ".count)) : nil
        }
    }

    /// Runs `command` with `/bin/sh`, the built `gradcheck` first on the PATH, in `directory`.
    static func shell(_ command: String, in directory: String) throws -> (status: Int32, output: String, errors: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Executable.directory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return try Executable.launch(URL(fileURLWithPath: "/bin/sh"), ["-c", command], in: directory, environment: environment)
    }

    @Test func aReplayLinePastedIntoAShellReRunsTheFailingCellFromItsFile() throws {
        let folder = try Self.awkwardFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.editedSeeds.write(toFile: folder + "/seeds.grad", atomically: true, encoding: .utf8)
        try Self.ownSuite.write(toFile: folder + "/mine.grad", atomically: true, encoding: .utf8)

        let run = tool.run(["run", folder, "--strategy", "hand-coded", "--no-timing"])
        #expect(run.exitCode == .failure, "\(run.standardError)")
        let replays = Self.replayLines(run.standardOutput)
        #expect(replays.count == 2, "\(run.standardOutput)")
        for function in ["mine/lonely", "seeds/nutty"] {
            let replay = try #require(replays.first { $0.contains("'\(function)'") }, "\(run.standardOutput)")
            #expect(replay.contains(CellDescription.singleQuoted(folder + "/" + function.split(separator: "/")[0] + ".grad")), "\(replay)")
            // From another directory, as a user pasting the line would.
            let again = try Self.shell(replay, in: NSTemporaryDirectory())
            #expect(again.status == ExitCode.failure.rawValue, "\(replay): \(again.errors)")
            #expect(again.output.contains("FAIL \(function) · hand-coded"), "\(replay): \(again.output)")
            #expect(Self.replayLines(again.output) == [replay])
        }
    }

    @Test func aSavedReportRenderedAgainKeepsTheSuiteFileInItsReplay() throws {
        let folder = try Self.awkwardFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.ownSuite.write(toFile: folder + "/mine.grad", atomically: true, encoding: .utf8)
        let json = tool.run(["run", folder + "/mine.grad", "--strategy", "hand-coded", "--no-timing", "--format", "json"])
        let report = try JSONReport.decode(json.standardOutput)
        #expect(report.metadata.suiteSources == ["mine": folder + "/mine.grad"])
        try json.standardOutput.write(toFile: folder + "/run.json", atomically: true, encoding: .utf8)
        let text = tool.run(["report", folder + "/run.json", "--format", "text"]).standardOutput
        #expect(Self.replayLines(text).first?.hasPrefix("gradcheck run " + CellDescription.singleQuoted(folder + "/mine.grad") + " ") == true, "\(text)")

        // A report written before suite files and options were recorded still reads, with none.
        guard case .object(let members) = try JSONParser.parse(json.standardOutput),
            case .object(let metadata)? = members.first(where: { $0.key == "metadata" })?.value
        else { Issue.record("no metadata object"); return }
        let older = JSONValue.object(members.map { member in
            member.key == "metadata" ? JSONMember("metadata", .object(metadata.filter { !["suiteSources", "replayOptions"].contains($0.key) })) : member
        })
        let decoded = try JSONReport.decode(JSONWriter.write(older))
        #expect(decoded.metadata.suiteSources.isEmpty && decoded.metadata.replayOptions.isEmpty)
        #expect(decoded.cells.count == report.cells.count)
    }

    @Test func theReplayCommandNamesASuiteFileOnlyWhenTheRunRecordedOne() {
        let cell = CellResult(
            function: FunctionID(suite: "starter", name: "cubic"), strategy: "hand-coded", family: .handCoded,
            variant: .correct, expectation: nil, verdict: .fail, message: nil, tolerance: Tolerance(rtol: 1e-11),
            points: [], cost: nil, timing: nil)
        var metadata = RunMetadata(
            seed: 7, pointsPerFunction: 2, precision: "Double", reference: "r", buildConfiguration: "debug", timed: false)
        #expect(CellDescription.replayCommand(cell, metadata: metadata)
            == "gradcheck run --function 'starter/cubic' --strategy hand-coded --seed 7 --points 2")
        metadata.suiteSources = ["starter": "-odd dir/starter.grad"]
        metadata.precision = "Float"
        metadata.replayOptions = ["--rtol", "1e-9", "--max-depth", "50"]
        #expect(CellDescription.replayCommand(cell, metadata: metadata)
            == "gradcheck run './-odd dir/starter.grad' --function 'starter/cubic' --strategy hand-coded --seed 7 --points 2 "
            + "--precision float --rtol 1e-9 --max-depth 50")
    }

    /// A function whose id holds a glob character is replayed by exact id: the replay line, run, checks
    /// that one cell and not the functions its id matches as a glob.
    @Test func aReplayOfAnIdWithGlobCharactersSelectsByExactId() throws {
        let folder = try SelectionTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for suite in ["a", "a*"] {
            try "@points((1.5))\nfunc f(x) {\n    return x * x\n}\n".write(toFile: folder + "/\(suite).grad", atomically: true, encoding: .utf8)
        }
        let json = tool.run(["run", folder, "--strategy", "forward", "--points", "0", "--no-timing", "--format", "json"])
        let report = try JSONReport.decode(json.standardOutput)
        let cell = try #require(report.cells.first { $0.function.description == "a*/f" })
        let replay = CellDescription.replayCommand(cell, metadata: report.metadata)
        #expect(replay.contains("--function-id 'a*/f'"), "\(replay)")
        let words = [folder + "/a*.grad", "--function-id", "a*/f", "--strategy", "forward", "--no-timing", "--format", "json"]
        let again = try JSONReport.decode(tool.run(["run"] + words).standardOutput)
        #expect(again.cells.map(\.function.description) == ["a*/f"])
        let plain = try #require(report.cells.first { $0.function.description == "a/f" })
        #expect(CellDescription.replayCommand(plain, metadata: report.metadata).contains("--function 'a/f'"))
    }

    @Test func aRunOfTheStandardCorpusRecordsTheSuitesFolderOnlyWhenItReadIt() throws {
        let json = tool.run(["run", "--function", "classic/booth", "--function", "starter/cubic", "--strategy", "hand-coded", "--no-timing", "--format", "json"])
        let sources = try JSONReport.decode(json.standardOutput).metadata.suiteSources
        // `./Suites` when the tests run in the checkout, else the built-in copy, which needs no path.
        let fromFolder = FileManager.default.fileExists(atPath: "Suites/classic.grad")
        #expect(sources == (fromFolder ? ["classic": "Suites/classic.grad"] : [:]))
    }

    @Test func aReplayRepeatsTheOptionsThatDecidedTheVerdict() throws {
        let folder = try Self.awkwardFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Off by one part in 10¹²: within the default tolerance of a hand-coded gradient, not within 10⁻¹³.
        try """
            @points((1.5))
            @domain(x: 1...2)
            func nearly(x) {
                return x * x
            }

            gradient nearly {
                return [2 * x * (1 + 1e-12)]
            }

            """.write(toFile: folder + "/tight.grad", atomically: true, encoding: .utf8)
        let options = ["--rtol", "1e-13", "--max-iterations", "100000", "--precision", "double"]
        let run = tool.run(["run", folder, "--strategy", "hand-coded", "--no-timing"] + options)
        #expect(run.exitCode == .failure, "\(run.standardError)")
        let replay = try #require(Self.replayLines(run.standardOutput).first, "\(run.standardOutput)")
        #expect(replay.hasSuffix("--seed 1 --points 3 --rtol 1e-13 --max-iterations 100000"), "\(replay)")
        let again = try Self.shell(replay, in: NSTemporaryDirectory())
        #expect(again.status == ExitCode.failure.rawValue, "\(replay): \(again.output)")
        #expect(again.output.contains("FAIL tight/nearly · hand-coded"), "\(replay): \(again.output)")
        #expect(tool.run(["run", folder, "--strategy", "hand-coded", "--no-timing"]).exitCode == .success)
    }

    @Test func twoSuiteFilesWithOneNameAreAnErrorNamingBoth() throws {
        let folder = try Self.awkwardFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for sub in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
            try Self.ownSuite.write(toFile: folder + "/\(sub)/booth.grad", atomically: true, encoding: .utf8)
        }
        for paths in [[folder + "/a/booth.grad", folder + "/b/booth.grad"], [folder + "/a", folder + "/b"]] {
            let result = tool.run(["run"] + paths + ["--strategy", "hand-coded", "--no-timing"])
            #expect(result.exitCode == .invalidData, "\(paths): \(result.standardOutput)")
            #expect(result.standardError.contains(folder + "/a/booth.grad"), "\(result.standardError)")
            #expect(result.standardError.contains(folder + "/b/booth.grad"), "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            #expect(tool.run(["list", "functions"] + paths).exitCode == .invalidData)
        }
        // One file named twice (or by its folder and by itself) is one suite, checked once.
        let twice = tool.run([
            "run", folder + "/a", folder + "/a/booth.grad", folder + "/a/../a/booth.grad", "--strategy", "hand-coded",
            "--no-timing", "--format", "json",
        ])
        #expect(twice.exitCode == .failure, "\(twice.standardError)")
        let cells = try JSONReport.decode(twice.standardOutput).cells
        #expect(cells.map(\.function.description) == ["booth/lonely"])
    }
}
