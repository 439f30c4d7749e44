import Synchronization

/// A real number that logs the outcome of every comparison into the current ``BranchLog``: the sequence
/// of branch decisions a program took at a point.
///
/// Two points whose logs differ took different paths through the program's `if`s, `while`s, `abs`, `max`
/// and `relu`: a difference stencil spanning them crosses a kink or a branch, and its quotient is not a
/// derivative.
public struct BranchRecording<Base: RealNumber>: InstrumentedReal {
    public var value: Base

    @inlinable public init(value: Base) { self.value = value }

    public static var precisionName: String { Base.precisionName }

    @inlinable public static func willPerform(_ kind: OperationKind, count: Int) {}

    @inlinable public static func didCompare(_ outcome: Bool) { BranchLog.append(outcome) }
}

/// The branch decisions recorded while a closure runs (see ``BranchRecording``).
public final class BranchLog: Sendable {
    private let outcomes = Mutex<[Bool]>([])

    @TaskLocal static var current: BranchLog?

    private init() {}

    /// Runs `body` and returns its result with the outcomes of the comparisons made in it, in order.
    public static func record<T>(_ body: () throws -> T) rethrows -> (result: T, decisions: [Bool]) {
        let log = BranchLog()
        let result = try $current.withValue(log) { try body() }
        return (result, log.outcomes.withLock { $0 })
    }

    @usableFromInline static func append(_ outcome: Bool) {
        current?.outcomes.withLock { $0.append(outcome) }
    }
}
