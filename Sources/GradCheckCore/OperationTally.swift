import Synchronization

/// The running tally that ``Counted`` numbers record into.
///
/// A tally is installed for the duration of a closure with ``measure(_:)``; ``Counted`` operations
/// performed outside any measurement are not recorded. The current tally is task-local, so concurrent
/// measurements in different tasks never mix.
public final class OperationTally: Sendable {
    private let counts = Mutex(OperationCounts())

    @TaskLocal static var current: OperationTally?

    private init() {}

    /// Runs `body` and returns what it returned with the operations its ``Counted`` numbers performed.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, counts: OperationCounts) {
        let tally = OperationTally()
        let result = try $current.withValue(tally) { try body() }
        return (result, tally.counts.withLock { $0 })
    }

    /// Records `count` operations of `kind` into the current tally, if one is installed.
    @inlinable public static func record(_ kind: OperationKind, count: Int = 1) {
        recordIntoCurrent(kind, count: count)
    }

    @usableFromInline static func recordIntoCurrent(_ kind: OperationKind, count: Int) {
        guard let tally = current else { return }
        tally.counts.withLock { counts in
            switch kind {
            case .addition: counts.additions += count
            case .multiplication: counts.multiplications += count
            case .division: counts.divisions += count
            case .elementary: counts.elementary += count
            case .comparison: counts.comparisons += count
            }
        }
    }
}
