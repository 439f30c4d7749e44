import GradCheckCore
import Foundation
import Synchronization

/// Runs a computation with a time limit.
///
/// The computation runs on a thread of its own while the caller waits at most `seconds`. Swift cannot
/// stop a thread from outside, so a computation that overruns is *abandoned*: the caller gets
/// ``TimeLimitExceeded`` and goes on, while the abandoned thread runs to its end (or forever) in the
/// background, except that its ``CancellationToken`` is cancelled: the `.grad` interpreter notices within a
/// few thousand iterations and stops with a `time-limit` error. Compiled Swift code cannot be stopped; use
/// child processes (`gradcheck run --isolate`) where that is not acceptable.
public enum TimeLimit {
    /// `body`'s result, or ``TimeLimitExceeded`` naming `phase` after `seconds`. Without a limit (nil), runs
    /// `body` on the calling thread.
    public static func run<T: Sendable>(
        seconds: Double?, phase: String = "the computation", option: String = "--cell-timeout",
        _ body: @escaping @Sendable () throws -> T
    ) throws -> T {
        guard let seconds else { return try body() }
        let outcome = Outcome<T>()
        let finished = DispatchSemaphore(value: 0)
        let token = CancellationToken()
        let thread = Thread {
            outcome.set(Result { try CancellationToken.$current.withValue(token) { try body() } })
            finished.signal()
        }
        thread.stackSize = 64 << 20  // deep recursion in a suite function must not overflow a small stack
        thread.start()
        guard finished.wait(timeout: .now() + seconds) == .success, let result = outcome.get() else {
            token.cancel()
            throw TimeLimitExceeded(seconds: seconds, phase: phase, option: option)
        }
        return try result.get()
    }

    private final class Outcome<T: Sendable>: Sendable {
        private let value = Mutex<Result<T, any Error>?>(nil)
        func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }
        func get() -> Result<T, any Error>? { value.withLock { $0 } }
    }
}

/// A computation ran past its time limit and was abandoned.
public struct TimeLimitExceeded: Error, CustomStringConvertible {
    public var seconds: Double
    /// What overran, as a sentence's subject: "the reference", "the strategy", "the cost count".
    public var phase: String
    /// The option that set the limit: `--cell-timeout`, or `--time-limit` when the whole run's limit was
    /// nearer.
    public var option: String

    public init(seconds: Double, phase: String = "the computation", option: String = "--cell-timeout") {
        self.seconds = seconds
        self.phase = phase
        self.option = option
    }

    /// "the reference exceeded the time limit of 5 s (--cell-timeout) and was abandoned; …".
    public var description: String {
        "\(phase) exceeded the time limit of \(NumberText.short(seconds)) s (\(option)) and was abandoned; "
            + "suite code stops itself, compiled Swift runs on in the background (use --isolate to stop it)"
    }
}
