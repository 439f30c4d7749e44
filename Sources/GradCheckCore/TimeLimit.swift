import Foundation
import Synchronization

/// Runs a computation with a time limit.
///
/// The computation runs on a thread of its own while the caller waits at most `seconds`. Swift cannot
/// stop a thread from outside, so a computation that overruns is *abandoned*: the caller gets
/// ``TimeLimitExceeded`` and goes on, while the abandoned thread runs to its end (or forever) in the
/// background. Use child processes (`gradcheck run --isolate`) where that is not acceptable.
public enum TimeLimit {
    /// `body`'s result, or ``TimeLimitExceeded`` after `seconds`. Without a limit (nil), runs `body` on the
    /// calling thread.
    public static func run<T: Sendable>(seconds: Double?, _ body: @escaping @Sendable () throws -> T) throws -> T {
        guard let seconds else { return try body() }
        let outcome = Outcome<T>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.set(Result { try body() })
            finished.signal()
        }
        thread.stackSize = 64 << 20  // deep recursion in a suite function must not overflow a small stack
        thread.start()
        guard finished.wait(timeout: .now() + seconds) == .success, let result = outcome.get() else {
            throw TimeLimitExceeded(seconds: seconds)
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
    public var description: String {
        "exceeded the time limit of \(format(seconds)) s (--cell-timeout); the computation was abandoned"
    }
}
