import Foundation
import Synchronization

/// The temporary files ``AtomicFile`` has created and not yet renamed or removed, kept so that a signal
/// handler can remove them before the process dies.
///
/// The list is a fixed table of 64 slots, each a preallocated buffer for one path, with two bit masks:
/// the slots taken, and the slots whose path names a file that may exist. ``removeAll()`` only reads
/// the atomics and calls `unlink`, so a signal handler may call it (after ``prepare()``, which allocates
/// everything before any handler is installed). A temporary file created while all 64 slots are taken is
/// simply not listed.
public enum TemporaryFiles {
    static let capacity = 64
    static let pathCapacity = Int(PATH_MAX) + 1

    /// Allocates the table; call before installing a handler that calls ``removeAll()``.
    public static func prepare() {
        _ = storage.paths
        _ = taken.load(ordering: .relaxed)
        _ = listed.load(ordering: .relaxed)
        _ = commitState.load(ordering: .relaxed)
    }

    /// Removes every listed temporary file. Async-signal-safe.
    public static func removeAll() {
        let mask = listed.load(ordering: .sequentiallyConsistent)
        guard mask != 0 else { return }
        for slot in 0..<capacity where mask & (1 << UInt64(slot)) != 0 {
            unlink(storage.paths + slot * pathCapacity)
        }
    }

    /// Whether a signal handler should leave the files alone for now: true while ``AtomicFile`` renames a
    /// set of files into place, in which case `signal` is remembered and raised again when the renames
    /// are done (so that a signal finds the old set or the new one, whichever thread it interrupts).
    /// Async-signal-safe.
    public static func deferring(_ signal: Int32) -> Bool {
        var state = commitState.load(ordering: .sequentiallyConsistent)
        while true {
            guard state & 0xFFFF_FFFF != 0 else { return false }  // nothing is being renamed
            if state >> 32 != 0 { return true }  // a signal is already waiting
            let (exchanged, original) = commitState.compareExchange(
                expected: state, desired: state | Int64(signal) << 32, ordering: .sequentiallyConsistent)
            if exchanged { return true }
            state = original
        }
    }

    /// Runs `body` (the renames of a set of files) with signals deferred (``deferring(_:)``), then raises
    /// the first signal that came meanwhile, if any, once no other thread is renaming a set either.
    static func committing(_ body: () -> Void) {
        _ = commitState.add(1, ordering: .sequentiallyConsistent)
        body()
        var state = commitState.load(ordering: .sequentiallyConsistent)
        while true {
            let last = state & 0xFFFF_FFFF == 1
            let (exchanged, original) = commitState.compareExchange(
                expected: state, desired: last ? 0 : state - 1, ordering: .sequentiallyConsistent)
            if exchanged { break }
            state = original
        }
        if state & 0xFFFF_FFFF == 1, case let signal = Int32(truncatingIfNeeded: state >> 32), signal != 0 { raise(signal) }
    }

    /// Whether `path` is listed (for tests).
    static func isListed(_ path: String) -> Bool {
        let mask = listed.load(ordering: .sequentiallyConsistent)
        return (0..<capacity).contains { slot in
            mask & (1 << UInt64(slot)) != 0 && String(cString: storage.paths + slot * pathCapacity) == path
        }
    }

    /// Takes a free slot, or returns -1 when there is none.
    static func reserve() -> Int {
        var mask = taken.load(ordering: .sequentiallyConsistent)
        while mask != UInt64.max {
            let slot = (~mask).trailingZeroBitCount
            let (exchanged, original) = taken.compareExchange(
                expected: mask, desired: mask | (1 << UInt64(slot)), ordering: .sequentiallyConsistent)
            if exchanged { return slot }
            mask = original
        }
        return -1
    }

    /// Creates the file of `template` (`…XXXXXX`, as for `mkstemp`, which fills it in) listed in `slot`,
    /// and returns its descriptor.
    static func creating(_ template: UnsafeMutablePointer<CChar>, in slot: Int) -> Int32 {
        guard slot >= 0, strlen(template) < pathCapacity else { return mkstemp(template) }
        let path = storage.paths + slot * pathCapacity
        strcpy(path, template)
        _ = listed.bitwiseOr(1 << UInt64(slot), ordering: .sequentiallyConsistent)
        let descriptor = mkstemp(path)
        strcpy(template, path)
        return descriptor
    }

    /// Forgets `slot` (its file was renamed or removed).
    static func remove(_ slot: Int) {
        guard slot >= 0 else { return }
        _ = listed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .sequentiallyConsistent)
        _ = taken.bitwiseAnd(~(1 << UInt64(slot)), ordering: .sequentiallyConsistent)
    }

    /// The path buffers, allocated once and never freed; a slot's buffer is written only by the thread
    /// that reserved it, before the slot is listed.
    final class Storage: @unchecked Sendable {
        let paths: UnsafeMutablePointer<CChar>
        init() {
            paths = .allocate(capacity: TemporaryFiles.capacity * TemporaryFiles.pathCapacity)
            paths.initialize(repeating: 0, count: TemporaryFiles.capacity * TemporaryFiles.pathCapacity)
        }
    }
}

private let storage = TemporaryFiles.Storage()
private let taken = Atomic<UInt64>(0)
private let listed = Atomic<UInt64>(0)
/// The number of sets being renamed (low 32 bits) and the first signal that came meanwhile (high 32
/// bits, 0 for none).
private let commitState = Atomic<Int64>(0)
