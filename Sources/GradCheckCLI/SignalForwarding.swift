import Foundation
import GradCheckReports
import Synchronization

/// Passes SIGHUP, SIGINT and SIGTERM on to the child process that `run --isolate` is waiting for.
///
/// Foundation starts every child in a process group of its own, so a signal meant for `gradcheck` (a
/// `kill`, or Ctrl-C at a terminal, which signals only the foreground group) never reaches the child;
/// without forwarding, `gradcheck` would die and leave its child running, re-parented to PID 1. While
/// ``run(_:)`` runs, a handler sends each of these signals on to the child's process group and records
/// the first one; the run then stops starting children, waits for (and so reaps) the one it has, and
/// ends with ``Interrupted``, which the command turns into exit status 128 + the signal's number.
///
/// A signal this process ignored when forwarding began (SIGHUP under `nohup`, SIGINT in the background of
/// a shell without job control) stays ignored, as it does for the children. The three signals are
/// unblocked on the calling thread, which starts the children: a child inherits that thread's mask, and
/// one that blocked SIGTERM could outlive both a forwarded signal and the watchdog.
///
/// Once the children are done and the reports are written, ``removingTemporaryFiles(_:)`` uses the same
/// installation for the other handler of these signals: it removes the temporary files of
/// ``AtomicFile`` that are not renamed yet, then lets the signal end the process.
///
/// The handlers only read and write atomics and call `kill`, `unlink`, `sigaction` and `raise`, which
/// are async-signal-safe. Signal dispositions belong to the whole process, so forwarding is not meant to
/// run twice at once, nor while reports are written.
enum SignalForwarding {
    /// The signals passed on.
    static let signals: [Int32] = [SIGHUP, SIGINT, SIGTERM]

    /// The run was stopped by `signal`; its child, if it had one, was signalled and reaped.
    struct Interrupted: Error, CustomStringConvertible {
        var signal: Int32
        var description: String {
            "interrupted by signal \(signal) (\(Self.name(signal))); no child process is left running and no report "
                + "was written"
        }

        static func name(_ signal: Int32) -> String {
            switch signal {
            case SIGHUP: "SIGHUP"
            case SIGINT: "SIGINT"
            case SIGTERM: "SIGTERM"
            default: "signal \(signal)"
            }
        }
    }

    /// Runs `body` with the signals passed on to the child named by ``childStarted(_:)``, then restores the
    /// dispositions and the calling thread's signal mask as they were.
    static func run<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        receivedSignal.store(0, ordering: .sequentiallyConsistent)
        currentChild.store(0, ordering: .sequentiallyConsistent)
        let installed = install(forward)
        defer {
            restore(installed)
            currentChild.store(0, ordering: .sequentiallyConsistent)
        }
        return try body()
    }

    /// Runs `body` (which writes report files) so that SIGHUP, SIGINT or SIGTERM removes the temporary
    /// files it has not renamed yet (``TemporaryFiles``) before the process dies of the signal as it would
    /// have without the handler. Nested and concurrent uses share one installation, made by the first to
    /// begin and undone by the last to end. A signal this process ignores stays ignored.
    static func removingTemporaryFiles<T, Failure: Error>(_ body: () throws(Failure) -> T) throws(Failure) -> T {
        TemporaryFiles.prepare()
        cleanupInstallation.withLock { state in
            if state.users == 0 { state.installed = install(removeTemporariesAndDie) }
            state.users += 1
        }
        defer {
            cleanupInstallation.withLock { state in
                state.users -= 1
                if state.users == 0, let installed = state.installed {
                    restore(installed)
                    state.installed = nil
                }
            }
        }
        return try body()
    }

    /// What ``install(_:)`` changed, to undo.
    struct Installation: @unchecked Sendable {
        var previous: [(signal: Int32, action: sigaction)]
        var previousMask: sigset_t
    }

    /// Installs `handler` for the signals this process does not ignore and unblocks them on the calling
    /// thread.
    private static func install(_ handler: @convention(c) (Int32) -> Void) -> Installation {
        var installation = Installation(previous: [], previousMask: sigset_t())
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in signals {
            var old = sigaction()
            sigaction(signal, nil, &old)
            if isIgnored(old) { continue }
            var action = sigaction()
            setHandler(&action, handler)
            action.sa_flags = SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            installation.previous.append((signal, old))
            sigaddset(&unblocked, signal)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, &installation.previousMask)
        return installation
    }

    /// Restores the dispositions and the thread's mask as they were before `installation`.
    private static func restore(_ installation: Installation) {
        var mask = installation.previousMask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        for (signal, action) in installation.previous {
            var old = action
            sigaction(signal, &old, nil)
        }
    }

    /// The first signal received since ``run(_:)`` began, if any.
    static var received: Int32? {
        let signal = receivedSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Names `pid` as the child to pass signals to. A signal that arrived while it was being started
    /// (after the last check of ``received``) is passed on now.
    static func childStarted(_ pid: Int32) {
        currentChild.store(pid, ordering: .sequentiallyConsistent)
        if let signal = received { send(signal, to: pid) }
    }

    /// The child has exited and been reaped: no more signals go to it.
    static func childEnded() {
        currentChild.store(0, ordering: .sequentiallyConsistent)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Darwin)
        let handler = action.__sigaction_u.__sa_handler
        #else
        let handler = action.__sigaction_handler.sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func setHandler(_ action: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #else
        action.__sigaction_handler.sa_handler = handler
        #endif
    }
}

/// The pid (and process group) of the running child, 0 when there is none.
private let currentChild = Atomic<Int32>(0)
/// The first forwarded signal, 0 before any.
private let receivedSignal = Atomic<Int32>(0)

/// Who is using the handler that removes temporary files, and what installing it changed.
private let cleanupInstallation = Mutex<(users: Int, installed: SignalForwarding.Installation?)>((0, nil))

/// The signal handler while reports are written: removes the temporary files, then lets the signal do
/// what it would have done (its default action, which ends the process).
/// While a set of reports is being renamed into place, the signal waits until the renames are done.
private func removeTemporariesAndDie(_ signal: Int32) {
    if TemporaryFiles.deferring(signal) { return }
    TemporaryFiles.removeAll()
    var standard = sigaction()
    #if canImport(Darwin)
    standard.__sigaction_u.__sa_handler = SIG_DFL
    #else
    standard.__sigaction_handler.sa_handler = SIG_DFL
    #endif
    sigemptyset(&standard.sa_mask)
    sigaction(signal, &standard, nil)
    raise(signal)
}

/// The signal handler: remembers the first signal and passes every one on to the running child.
private func forward(_ signal: Int32) {
    let savedErrno = errno
    _ = receivedSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent)
    let child = currentChild.load(ordering: .sequentiallyConsistent)
    if child > 0 { send(signal, to: child) }
    errno = savedErrno
}

/// Sends `signal` to the process group led by `pid` (its own, as Foundation starts children), or to the
/// process alone if it leads none.
private func send(_ signal: Int32, to pid: Int32) {
    if kill(-pid, signal) != 0 { kill(pid, signal) }
}
