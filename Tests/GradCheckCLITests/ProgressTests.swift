import Foundation
import GradCheck
@testable import GradCheckCLI
import Synchronization
import Testing

/// Progress while `gradcheck run` works: cells done of total, elapsed seconds and the current function,
/// redrawn in place on a terminal's standard error and cleared at the end; nothing elsewhere or with
/// `--quiet`.
@Suite("Progress on a terminal")
struct ProgressTests {
    let quick = ["run", "--function", "starter/cubic", "--function", "starter/nutty", "--no-timing"]

    @Test func aFrameSaysCellsDoneOfTotalElapsedAndTheFunction() {
        let progress = RunProgress(cellsDone: 41, cellsTotal: 1188, function: FunctionID(suite: "classic", name: "rosenbrock[n=2]"))
        #expect(ProgressLine.text(progress, elapsedSeconds: 12.44, width: 80) == "[  41/1188]   3%  12.4 s  classic/rosenbrock[n=2]")
        let done = RunProgress(cellsDone: 9, cellsTotal: 9, function: FunctionID(suite: "s", name: "f"))
        #expect(ProgressLine.text(done, elapsedSeconds: 0.04, width: 80) == "[9/9] 100%  0.0 s  s/f")
    }

    @Test func aFrameNeverReachesTheLastColumn() {
        let long = RunProgress(cellsDone: 5, cellsTotal: 10, function: FunctionID(suite: "suite", name: String(repeating: "x", count: 200)))
        for width in [20, 30, 45, 80, 120] {
            let text = ProgressLine.text(long, elapsedSeconds: 3, width: width)
            #expect(text.count <= width - 1, "\(width): \(text)")
            if width >= 30 { #expect(text.hasPrefix("[ 5/10]  50%  3.0 s  suite/x") && text.hasSuffix("…")) }
        }
        // Control characters in a name are shown, never sent to the terminal.
        let hostile = RunProgress(cellsDone: 0, cellsTotal: 1, function: FunctionID(suite: "s", name: "a\u{1B}[2Jb"))
        #expect(!ProgressLine.text(hostile, elapsedSeconds: 0, width: 80).contains("\u{1B}"))
    }

    @Test func framesRedrawInPlaceAndTheLineIsClearedAtTheEnd() {
        #expect(ProgressLine.frame("abc", previousWidth: 0) == "\rabc")
        #expect(ProgressLine.frame("ab", previousWidth: 5) == "\rab   ")
        #expect(ProgressLine.clear(previousWidth: 4) == "\r    \r")
        #expect(ProgressLine.clear(previousWidth: 0) == "")
    }

    /// The runner reports every function as it starts and every cell as it ends, up to the total.
    @Test func theRunnerReportsEachCellUpToTheTotal() {
        let seen = Mutex<[RunProgress]>([])
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.pointsPerFunction = 1
        configuration.progress = { progress in seen.withLock { $0.append(progress) } }
        let functions = StarterCorpus.functions.filter { ["cubic", "nutty"].contains($0.id.name) }
        let report = Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run(functions, strategies: StandardStrategies.registry().strategies)
        let reports = seen.withLock { $0 }
        #expect(reports.allSatisfy { $0.cellsTotal == report.cells.count })
        #expect(reports.first?.cellsDone == 0 && reports.last?.cellsDone == report.cells.count)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.cellsDone <= $1.cellsDone })
        #expect(reports.map(\.function.name).filter { $0 == "cubic" }.count > 1)
        #expect(reports.count == report.cells.count + functions.count)
    }

    /// Given a terminal, a run draws frames there (never in its returned standard error) and clears
    /// them, with one job or several; with --quiet, it draws nothing.
    @Test(arguments: ["1", "2"]) func aRunDrawsOnTheTerminalOutputUnlessQuiet(jobs: String) {
        let written = Mutex("")
        var tool = GradCheckTool()
        tool.progressOutput = ProgressOutput(width: 80) { text in written.withLock { $0 += text } }
        let result = tool.run(quick + ["--jobs", jobs])
        #expect(result.exitCode == .success)
        #expect(!result.standardError.contains("\r"))
        let frames = written.withLock { $0 }
        #expect(frames.hasPrefix("\r[ 0/"))
        #expect(frames.contains("100%"))
        // One job checks cubic first, and the first frame is always drawn; two start both at once.
        #expect(frames.contains(jobs == "1" ? "starter/cubic" : "starter/"))
        #expect(frames.hasSuffix("\r"))
        let lastFrame = frames.components(separatedBy: "\r").dropLast().last ?? ""
        #expect(lastFrame.allSatisfy { $0 == " " }, "the last frame is blanked")

        written.withLock { $0 = "" }
        #expect(tool.run(quick + ["--jobs", jobs, "--quiet"]).exitCode == .success)
        #expect(written.withLock { $0 }.isEmpty)
    }

    /// The program shows no progress when standard error is a pipe (as in CI).
    @Test func theProgramWritesNoProgressToAPipe() throws {
        let run = try Executable.run("gradcheck", quick)
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.errors.contains("\r") && !run.errors.contains("%"))
    }

    /// On a pseudo-terminal (made by script(1)), the program draws progress, and not with --quiet.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func theProgramDrawsProgressOnATerminal() throws {
        let program = Executable.directory.appendingPathComponent("gradcheck").path
        func onTerminal(_ extra: [String]) throws -> String {
            let command = ([program] + quick + extra).map { CLIQuoting.quoted($0) }.joined(separator: " ")
            return try Executable.launch(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"]).output
        }
        let shown = try onTerminal([])
        #expect(shown.contains("\r[") && shown.contains("100%"), "\(shown)")
        let quiet = try onTerminal(["--quiet"])
        #expect(!quiet.contains("100%") && quiet.contains("OK: "), "\(quiet)")
    }
}

/// Single quotes for a word given to `sh -c`.
enum CLIQuoting {
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
