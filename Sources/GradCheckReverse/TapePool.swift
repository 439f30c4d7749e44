import Synchronization

/// Tapes kept between derivatives so that the reverse-mode strategy reuses their memory.
///
/// A derivative takes a tape of its value type out of the pool (or creates one), uses it alone, and puts
/// it back; concurrent derivatives therefore never share a tape. At most ``tapesPerType`` idle tapes of
/// each value type are kept, and none holding more than ``maximumKeptBytes`` (one huge program does not
/// pin its memory for the rest of the run).
final class TapePool: Sendable {
    static let shared = TapePool()

    /// Idle tapes kept per value type.
    static let tapesPerType = 4

    /// The largest tape (allocated bytes) kept for reuse: 64 MiB.
    static let maximumKeptBytes = 64 << 20

    private let idle = Mutex<[ObjectIdentifier: [any Sendable]]>([:])

    /// Runs `body` with a tape for `Value` that no one else uses meanwhile, then keeps the tape for reuse.
    func withTape<Value, Result>(
        of _: Value.Type, _ body: (Tape<Value>) throws -> Result
    ) rethrows -> Result {
        let key = ObjectIdentifier(Value.self)
        let reused = idle.withLock { tapes -> Tape<Value>? in
            guard let last = tapes[key]?.popLast() else { return nil }
            return last as? Tape<Value>
        }
        let tape = reused ?? Tape<Value>()
        defer {
            tape.reset()
            if tape.capacityInBytes <= Self.maximumKeptBytes {
                idle.withLock { tapes in
                    if tapes[key, default: []].count < Self.tapesPerType { tapes[key, default: []].append(tape) }
                }
            }
        }
        return try body(tape)
    }

    /// Frees every idle tape.
    func removeAll() {
        idle.withLock { $0.removeAll() }
    }
}
