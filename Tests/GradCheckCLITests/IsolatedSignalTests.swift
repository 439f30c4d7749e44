#if os(Linux)
import Foundation
import Testing

/// The processes of this machine as `/proc` lists them.
enum ProcessTable {
    /// A process: its id and its start time (clock ticks after boot), which together name it even if the
    /// id is reused after it is gone.
    struct Entry: Equatable {
        var pid: Int32
        var parent: Int32
        var startTime: UInt64
        var state: Character
    }

    /// The entry of `pid`, or nil when there is no such process (not even a zombie).
    static func entry(_ pid: Int32) -> Entry? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm)": state, ppid, … with the start time the 20th field after the name.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let parent = Int32(fields[1]), let start = UInt64(fields[19])
        else { return nil }
        return Entry(pid: pid, parent: parent, startTime: start, state: state)
    }

    /// The processes whose parent is `parent`.
    static func children(of parent: Int32) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).compactMap(entry).filter { $0.parent == parent }
    }

    /// Whether the process `entry` names still exists, running or as a zombie nobody reaped.
    static func exists(_ entry: Entry) -> Bool {
        Self.entry(entry.pid)?.startTime == entry.startTime
    }

    /// Runs `body` with `signal` delivered as a shell would deliver it to a program it starts: not ignored
    /// and not blocked, so that a process started in `body` inherits neither. (A test runs on a worker
    /// thread, which blocks asynchronous signals; a test run in the background of a shell without job
    /// control ignores SIGINT, one under `nohup` SIGHUP.)
    static func asFromAShell<T>(_ signal: Int32, _ body: () throws -> T) rethrows -> T {
        var current = sigaction(), mask = sigset_t(), previousMask = sigset_t()
        sigaction(signal, nil, &current)
        let ignored = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        if ignored {
            var standard = sigaction()
            standard.__sigaction_handler.sa_handler = SIG_DFL
            sigaction(signal, &standard, nil)
        }
        sigemptyset(&mask)
        sigaddset(&mask, signal)
        pthread_sigmask(SIG_UNBLOCK, &mask, &previousMask)
        defer {
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
            if ignored { sigaction(signal, &current, nil) }
        }
        return try body()
    }

    /// Polls `condition` every 10 ms until it holds or `seconds` pass (a safety net against a hang, not a
    /// measurement); returns whether it held.
    static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }
}

/// `run --isolate` stopped by a signal: the parent passes it on to the child it is waiting for, reaps it,
/// and exits with 128 + the signal's number. The child hangs (`fault-hang` under a time limit far longer
/// than the test), so it only ends if the parent ends it.
@Suite("Signals to an isolated run", .serialized)
struct IsolatedSignalTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func theChildDiesWithTheParentAndTheStatusNamesTheSignal(_ signal: Int32) throws {
        let parent = Process()
        parent.executableURL = Executable.directory.appendingPathComponent("gradcheck-faults")
        parent.arguments = [
            "run", "--isolate", "--function", "starter/cubic", "--strategy", "fault-hang", "--no-timing",
            "--points", "1", "--cell-timeout", "3600", "--format", "json",
        ]
        let errors = Pipe()
        parent.standardOutput = FileHandle.nullDevice
        parent.standardError = errors
        try ProcessTable.asFromAShell(signal) { try parent.run() }
        var children: [ProcessTable.Entry] = []
        defer {
            // Whatever happened, leave nothing running.
            if parent.isRunning { kill(parent.processIdentifier, SIGKILL) }
            for child in children where ProcessTable.exists(child) { kill(child.pid, SIGKILL) }
        }

        // The parent starts its child only after it is ready to pass signals on.
        let started = ProcessTable.wait(seconds: 120) {
            children = ProcessTable.children(of: parent.processIdentifier)
            return !children.isEmpty
        }
        try #require(started, "the isolated run started no child process")
        #expect(children.count == 1)

        kill(parent.processIdentifier, signal)
        let ended = ProcessTable.wait(seconds: 120) { !parent.isRunning }
        try #require(ended, "the parent did not exit after signal \(signal)")
        parent.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(parent.terminationReason == .exit)
        #expect(parent.terminationStatus == 128 + signal, "\(message)")
        #expect(message.contains("interrupted by signal \(signal)"), "\(message)")
        // The child is gone: not running on as an orphan, and reaped (no zombie left behind).
        for child in children {
            #expect(!ProcessTable.exists(child), "child \(child.pid) survived its parent")
        }
    }
}
#endif
