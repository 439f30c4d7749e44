import Foundation
import GradCheck
import GradCheckSuites
@testable import GradCheckCLI
import GradCheckReports
import Synchronization
import Testing

/// Issue 21, items 9 and 10: every phase of a cell runs under a deadline, a whole run can be given one,
/// and abandoned interpreter work stops. The suite functions below never end (their loops stop only at
/// their cancellation token or the time limit), so no expectation depends on the machine's speed.
@Suite("Phase deadlines and the run's time limit")
struct PhaseLimitTests {
    let tool = GradCheckTool()

    /// A suite of `count` functions, each an endless loop, in a fresh folder.
    func endlessSuite(count: Int) throws -> (folder: String, file: String) {
        let folder = NSTemporaryDirectory() + "gradcheck-phases-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = (0..<count).map { index in
            """
            @points((1.5))
            func endless\(index)(x) {
                var s = x
                var i = 0
                while i >= 0 {
                    s = s * 0.5 + x
                    i = i + 1
                }
                return s
            }
            """
        }.joined(separator: "\n\n")
        try source.write(toFile: folder + "/endless.grad", atomically: true, encoding: .utf8)
        return (folder, folder + "/endless.grad")
    }

    static let unlimitedIterations = ["--max-iterations", "1000000000000"]

    /// Item 9: the reference phase used to have no deadline; an endless function now ends every cell
    /// with an error naming the reference and the option that limited it.
    @Test func theReferencePhaseStopsAtTheCellTimeout() throws {
        let (folder, file) = try endlessSuite(count: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(
            ["run", file, "--strategy", "forward", "--no-timing", "--format", "json", "--cell-timeout", "0.2"]
                + Self.unlimitedIterations)
        #expect(result.exitCode == .failure, "\(result.standardError)")
        let report = try JSONReport.decode(result.standardOutput)
        let cell = try #require(report.cells.first)
        #expect(cell.verdict == .error)
        let message = try #require(cell.points.first?.message)
        #expect(message.hasPrefix("the reference exceeded the time limit of 0.2 s (--cell-timeout) and was abandoned"))
        #expect(!message.contains("the function itself failed"))
    }

    /// Item 9: a whole run under `--time-limit`: the run ends, writes its report, and the functions it did
    /// not reach are errors that say so.
    @Test func aRunTimeLimitEndsTheRunWithTheCellsNotStartedNamed() throws {
        let (folder, file) = try endlessSuite(count: 4)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(
            ["run", file, "--strategy", "forward", "--no-timing", "--format", "json", "--time-limit", "0.3", "--jobs", "1"]
                + Self.unlimitedIterations)
        #expect(result.exitCode == .failure, "\(result.standardError)")
        let report = try JSONReport.decode(result.standardOutput)
        #expect(report.cells.count == 4)
        #expect(report.cells.allSatisfy { $0.verdict == .error })
        let first = try #require(report.cells.first?.points.first?.message)
        #expect(first.contains("exceeded the time limit of 0.3 s (--time-limit)"), "\(first)")
        let last = try #require(report.cells.last)
        #expect(last.message == "not started: the run's time limit of 0.3 s (--time-limit) had expired")
    }

    /// The same run on two jobs: two functions start at once and overrun the run's limit together; the
    /// two left are not started, and every cell says which it was.
    @Test func aRunTimeLimitOnTwoJobsLeavesTheRestNotStarted() throws {
        let (folder, file) = try endlessSuite(count: 4)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(
            ["run", file, "--strategy", "forward", "--no-timing", "--format", "json", "--time-limit", "0.3", "--jobs", "2"]
                + Self.unlimitedIterations)
        #expect(result.exitCode == .failure, "\(result.standardError)")
        let report = try JSONReport.decode(result.standardOutput)
        #expect(report.cells.map(\.function.name) == ["endless0", "endless1", "endless2", "endless3"])
        #expect(report.cells.allSatisfy { $0.verdict == .error })
        for cell in report.cells.prefix(2) {
            let message = try #require(cell.points.first?.message)
            #expect(message.contains("exceeded the time limit of 0.3 s (--time-limit)"), "\(message)")
        }
        for cell in report.cells.suffix(2) {
            #expect(cell.message == "not started: the run's time limit of 0.3 s (--time-limit) had expired")
        }
    }

    /// Item 10: an abandoned evaluation of a suite function stops itself at its cancellation token with a
    /// located `time-limit` error, instead of running on in the background.
    @Test func abandonedSuiteCodeStopsAtItsCancellationToken() throws {
        let (folder, file) = try endlessSuite(count: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var limits = RuntimeLimits.default
        limits.maximumIterations = 1_000_000_000_000
        let function = try #require(try SuiteLoader(limits: limits).load(file).first)
        let ended = DispatchSemaphore(value: 0)
        let outcome = Mutex<(any Error)?>(nil)
        #expect(throws: TimeLimitExceeded.self) {
            try TimeLimit.run(seconds: 0.1, phase: "the test") {
                defer { ended.signal() }
                do { _ = try function.evaluate([1.5] as [Double]) } catch { outcome.withLock { $0 = error } }
            }
        }
        // Generous: the evaluation looks at its token every 4096 iterations.
        #expect(ended.wait(timeout: .now() + 120) == .success)
        let error = try #require(outcome.withLock { $0 } as? SuiteRuntimeError)
        #expect(error.kind == .timeLimit)
        #expect(error.description.contains("endless.grad:5:"), "\(error)")
    }

    /// The time limit of an `--isolate` child and its watchdog: twice the cell timeout, cut to what is left
    /// of the parent's own limit; the watchdog waits 30 s more.
    @Test func anIsolatedChildGetsTwoCellTimeoutsOrWhatIsLeftOfTheRun() {
        let plain = IsolatedRun(
            executable: "/bin/true", sharedArguments: [], paths: [],
            deadline: PhaseDeadline(cellTimeout: 5, runSeconds: nil))
        #expect(plain.childTimeLimit() == 10)
        let unlimited = IsolatedRun(
            executable: "/bin/true", sharedArguments: [], paths: [],
            deadline: PhaseDeadline(cellTimeout: nil, runSeconds: nil))
        #expect(unlimited.childTimeLimit() == 1200)
        let short = IsolatedRun(
            executable: "/bin/true", sharedArguments: [], paths: [],
            deadline: PhaseDeadline(cellTimeout: 600, runSeconds: 100))
        #expect(short.childTimeLimit() <= 100 && short.childTimeLimit() > 0)
        #expect(IsolatedRun.watchdogGrace == 30)
    }

    /// Item 9 under `--isolate`: the child's own time limit ends its endless reference, so its cell is an
    /// error naming the limit, not a child killed by the watchdog.
    @Test func anIsolatedEndlessCellEndsWithinItsChildTimeLimit() throws {
        let (folder, file) = try endlessSuite(count: 1)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Executable.run(
            "gradcheck",
            ["run", file, "--isolate", "--strategy", "forward", "--no-timing", "--format", "json", "--cell-timeout", "0.3"]
                + Self.unlimitedIterations)
        #expect(result.status == 1, "\(result.errors)")
        let report = try JSONReport.decode(result.output)
        let cell = try #require(report.cells.first)
        #expect(cell.verdict == .error)
        let message = try #require(cell.points.first?.message ?? cell.message)
        #expect(message.contains("exceeded the time limit of 0.3 s (--cell-timeout)"), "\(message)")
        #expect(!message.contains("crashed"))
    }
}
