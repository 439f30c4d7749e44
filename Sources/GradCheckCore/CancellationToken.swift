import Synchronization

/// A flag that asks abandoned work to stop.
///
/// `TimeLimit.run(seconds:phase:_:)` (in GradCheckEngine) gives the computation it runs a token of its own, bound to
/// ``CancellationToken/current`` on the computation's thread, and cancels it when the limit expires. Code
/// that can stop part-way (the `.grad` interpreter polls the token every few thousand loop iterations and
/// calls) then throws instead of running on in the background. Compiled Swift closures never look at the
/// token: an abandoned one runs to its end; `gradcheck run --isolate` is the way to stop those.
public final class CancellationToken: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Asks the work holding this token to stop. Idempotent.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// The token of the computation running on this thread or task (nil: nothing can cancel it).
    @TaskLocal public static var current: CancellationToken?
}
