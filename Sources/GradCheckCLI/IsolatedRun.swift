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
/// SIGHUP, SIGINT and SIGTERM sent to the parent are passed on to the running child (see
/// ``SignalForwarding``): the parent waits for that child, starts no other, and throws
/// ``SignalForwarding/Interrupted``, so that no child outlives an interrupted run.
struct IsolatedRun {
    /// The executable to start (this program).
    let executable: String
    /// The arguments every child gets besides `--function-id`, `--strategy` and `--format json`.
    let sharedArguments: [String]
    /// Seconds after which a child is killed.
    let watchdogSeconds: Double

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
                    switch child(function: function, strategy: strategy) {
                    case .success(let report):
                        firstMetadata = firstMetadata ?? report.metadata
                        cells += report.cells
                    case .failure(let failure):
                        cells.append(
                            CellResult(
                                function: function.id, strategy: strategy.id, family: strategy.family, variant: .correct,
                                expectation: nil, verdict: .error, message: failure.description,
                                tolerance: Tolerance.default(for: strategy.family, epsilon: Double.ulpOfOne), points: [],
                                cost: nil, timing: nil))
                    }
                }
            }
            // The last child may have been stopped by a signal: its cell is not a result.
            if let signal = SignalForwarding.received { throw SignalForwarding.Interrupted(signal: signal) }
        }
        return RunReport(metadata: firstMetadata ?? metadata, cells: cells)
    }

    private func child(function: any TestFunction, strategy: any DifferentiationStrategy) -> Result<RunReport, ChildFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", "--function-id", function.id.description, "--strategy", strategy.id, "--format", "json"]
            + sharedArguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(ChildFailure("could not start a child process: \(error)"))
        }
        SignalForwarding.childStarted(process.processIdentifier)
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + watchdogSeconds, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()  // reaps the child
        SignalForwarding.childEnded()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal {
            let signal = process.terminationStatus
            let killed = signal == SIGTERM ? " after the watchdog's \(format(watchdogSeconds)) s" : ""
            return .failure(ChildFailure("crashed (signal \(signal))\(killed)"))
        }
        guard [ExitCode.success.rawValue, ExitCode.failure.rawValue, ExitCode.nothingVerified.rawValue].contains(process.terminationStatus) else {
            let reason = message.split(separator: "\n").first.map(String.init) ?? "no message"
            return .failure(ChildFailure("the child exited with status \(process.terminationStatus): \(reason)"))
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
