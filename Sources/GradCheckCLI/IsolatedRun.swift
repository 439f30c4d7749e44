import Foundation
import GradCheck
import GradCheckReports

/// `gradcheck run --isolate`: every function × strategy checked in a child process of the same
/// executable, so that a strategy that traps (a failed precondition, a fatal error, a stack overflow)
/// takes only its own cell down.
///
/// Each child runs `run --function-id <suite/name> --strategy <id>` with the parent's other options and writes
/// its JSON report on standard output; `--function-id` (hidden from help) selects by exact id, never as a
/// glob, so a child for `a*/f` checks that function only, not `a/f` and `ax/f` as well; the parent merges the cells in order. A child killed by a signal
/// becomes the cell `error: crashed (signal N)`; one that outlives its watchdog is killed and reported
/// likewise; one that exits with a usage or data error reports that message.
///
/// Time: a child is given `--time-limit L`, where L = ``childTimeLimitFactor`` × the cell timeout, shortened
/// to what is left of the parent's own `--time-limit`; its phases stop themselves within that limit. The
/// watchdog kills a child that is still running ``watchdogGrace`` seconds after L (compiled Swift that
/// cannot stop itself, a hang outside every phase). Once the parent's limit has passed, no child starts:
/// the remaining cells are errors, "not started".
///
/// SIGHUP, SIGINT and SIGTERM sent to the parent are passed on to the running child (see
/// ``SignalForwarding``): the parent waits for that child, starts no other, and throws
/// ``SignalForwarding/Interrupted``, so that no child outlives an interrupted run.
struct IsolatedRun {
    /// The executable to start (this program).
    let executable: String
    /// The options every child gets besides `--function-id`, `--strategy`, `--time-limit` and `--format json`.
    let sharedArguments: [String]
    /// The suite paths every child loads.
    let paths: [String]
    /// The parent's cell timeout and run limit.
    let deadline: PhaseDeadline

    /// A child's time limit in cell timeouts: its reference, derivative and cost phases each get at most one
    /// cell timeout, and most of them take far less.
    static let childTimeLimitFactor = 2.0
    /// Seconds the watchdog waits past a child's time limit before killing it: time to start, load the
    /// suites and write the report.
    static let watchdogGrace = 30.0

    /// The `--time-limit` of the next child: ``childTimeLimitFactor`` cell timeouts (600 s when there is no
    /// cell timeout), or what is left of the parent's limit when that is less.
    func childTimeLimit() -> Double {
        let cellBudget = Self.childTimeLimitFactor * (deadline.cellTimeout ?? 600)
        guard deadline.runLimit != nil, let left = deadline.limit().seconds else { return cellBudget }
        return min(cellBudget, left)
    }

    /// The merged report of every cell; throws ``SignalForwarding/Interrupted`` when a signal stopped the run.
    func run(
        _ functions: [any TestFunction], strategies: [any DifferentiationStrategy], metadata: RunMetadata
    ) throws(SignalForwarding.Interrupted) -> RunReport {
        var cells: [CellResult] = []
        var firstMetadata: RunMetadata?
        try SignalForwarding.run { () throws(SignalForwarding.Interrupted) in
            for function in functions {
                for strategy in strategies {
                    if let signal = SignalForwarding.received { throw SignalForwarding.Interrupted(signal: signal) }
                    if deadline.hasExpired {
                        cells.append(errorCell(function, strategy, message: PhaseDeadline.notStartedMessage(runSeconds: deadline.runLimit?.seconds ?? 0)))
                        continue
                    }
                    switch child(function: function, strategy: strategy) {
                    case .success(let report):
                        firstMetadata = firstMetadata ?? report.metadata
                        cells += report.cells
                    case .failure(let failure):
                        cells.append(errorCell(function, strategy, message: failure.description))
                    }
                }
            }
            // The last child may have been stopped by a signal: its cell is not a result.
            if let signal = SignalForwarding.received { throw SignalForwarding.Interrupted(signal: signal) }
        }
        return RunReport(metadata: firstMetadata ?? metadata, cells: cells)
    }

    /// The cell of a child that gave no report, or of one not started: an error with `message`.
    private func errorCell(_ function: any TestFunction, _ strategy: any DifferentiationStrategy, message: String) -> CellResult {
        CellResult(
            function: function.id, strategy: strategy.id, family: strategy.family, variant: .correct,
            expectation: nil, verdict: .error, message: message,
            tolerance: Tolerance.default(for: strategy.family, epsilon: Double.ulpOfOne), points: [],
            cost: nil, timing: nil)
    }

    private func child(function: any TestFunction, strategy: any DifferentiationStrategy) -> Result<RunReport, ChildFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let timeLimit = childTimeLimit()
        let watchdogSeconds = timeLimit + Self.watchdogGrace
        process.arguments = ["run", "--function-id", function.id.description, "--strategy", strategy.id, "--format", "json"]
            + ["--time-limit", "\(timeLimit)"] + sharedArguments + ["--"] + paths
        process.standardInput = FileHandle.nullDevice
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        let outcome: ChildProcess.Outcome
        do {
            outcome = try ChildProcess.run(process) { pid in
                SignalForwarding.childStarted(pid)
                DispatchQueue.global().asyncAfter(deadline: .now() + watchdogSeconds, execute: watchdog)
            }
        } catch {
            return .failure(ChildFailure("could not start a child process: \(error)"))
        }
        SignalForwarding.childEnded()
        watchdog.cancel()
        let data = outcome.output
        let message = String(decoding: outcome.errors, as: UTF8.self)
        switch outcome.ending {
        case .signalled(let signal):
            let killed = signal == SIGTERM ? " after the watchdog's \(NumberText.short(watchdogSeconds)) s" : ""
            return .failure(ChildFailure("crashed (signal \(signal))\(killed)"))
        case .exited(let status):
            guard [ExitCode.success.rawValue, ExitCode.failure.rawValue, ExitCode.nothingVerified.rawValue].contains(status) else {
                let reason = message.split(separator: "\n").first.map(String.init) ?? "no message"
                return .failure(ChildFailure("the child exited with status \(status): \(reason)"))
            }
        }
        do {
            return .success(try JSONReport.decode(data))
        } catch {
            return .failure(ChildFailure("the child's report could not be read: \(error)"))
        }
    }

    struct ChildFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
