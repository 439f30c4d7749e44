import Foundation
import Synchronization

/// A child process run to its end: its standard output and error read in full, and its ending learned
/// without relying on `Process.waitUntilExit()` alone.
///
/// On Linux, `waitUntilExit()` spins the calling thread's run loop until Foundation notices the child's
/// end; called off the main thread, under load, it has been seen to wait forever for a child that had
/// already exited (a zombie nobody reaped). Here the end is signalled by `terminationHandler`, set before
/// the child starts so a fast exit cannot be missed, and polled every quarter second. Should Foundation
/// still not have noticed 5 s after the child became a zombie (read from `/proc/<pid>/stat` on Linux), the
/// child is reaped here with `waitpid` and its status decoded from that. Both pipes are drained at once,
/// so a child that fills its standard error while the parent reads its output cannot block either side.
struct ChildProcess {
    /// How a child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    struct Outcome {
        var ending: Ending
        var output: Data
        var errors: Data
    }

    /// Seconds a zombie may wait for Foundation's notice before it is reaped here.
    static let zombieGrace = 5.0

    /// Runs `process` (configured but not started; its standard output and error are replaced by pipes),
    /// calling `started` with its pid once it runs, and returns how it ended with all it wrote.
    static func run(_ process: Process, started: (Int32) -> Void = { _ in }) throws -> Outcome {
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        started(process.processIdentifier)
        let collected = Collected()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            collected.errors.withLock { $0 = data }
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        reading.wait()
        let ending = awaitEnding(of: process, signalledBy: exited)
        return Outcome(ending: ending, output: out, errors: collected.errors.withLock { $0 })
    }

    /// The standard error, written by the reading thread and read after it finished.
    private final class Collected: Sendable {
        let errors = Mutex(Data())
    }

    private static func awaitEnding(of process: Process, signalledBy exited: DispatchSemaphore) -> Ending {
        var zombieSince: Date?
        while true {
            if exited.wait(timeout: .now() + 0.25) == .success {
                return process.terminationReason == .uncaughtSignal
                    ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
            }
            guard isZombie(process.processIdentifier) else {
                zombieSince = nil
                continue
            }
            let since = zombieSince ?? Date()
            zombieSince = since
            guard Date().timeIntervalSince(since) >= zombieGrace else { continue }
            var status: Int32 = 0
            // Foundation may reap it between the look and this call: then this fails with ECHILD and its
            // notice arrives on the next turn.
            guard waitpid(process.processIdentifier, &status, WNOHANG) == process.processIdentifier else { continue }
            let signal = status & 0x7f
            return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        }
    }

    /// Whether `pid` has exited and waits to be reaped (Linux: state `Z` in `/proc/<pid>/stat`; elsewhere
    /// never, and Foundation's notice is awaited alone).
    private static func isZombie(_ pid: Int32) -> Bool {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first == "Z"
        #else
        return false
        #endif
    }
}
