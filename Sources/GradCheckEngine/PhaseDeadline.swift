import GradCheckCore
import Foundation

/// How long the next phase of a run (a reference, a strategy's derivative, a cost count) may take: the cell
/// timeout, shortened to what is left of the whole run's time limit.
///
/// `limit()` is `min(cellTimeout, runEnd − now)`; the option named in an overrun's message is the one
/// that decided it (`--cell-timeout` or `--time-limit`). Once the run's limit has passed, ``hasExpired``
/// is true and the runner starts no further cell.
public struct PhaseDeadline: Sendable {
    /// Seconds one phase may take (nil: no limit).
    public var cellTimeout: Double?
    /// The whole run's limit in seconds and when it ends (nil: no limit).
    public var runLimit: (seconds: Double, end: ContinuousClock.Instant)?

    /// A deadline whose run limit of `runSeconds` counts from `start` (default: now).
    public init(cellTimeout: Double?, runSeconds: Double?, start: ContinuousClock.Instant? = nil) {
        self.cellTimeout = cellTimeout
        let start = start ?? ContinuousClock.now
        self.runLimit = runSeconds.map { ($0, start.advanced(by: .seconds($0))) }
    }

    /// The deadline of a run under `configuration`: its cell timeout, and its run limit counted from
    /// ``RunConfiguration/runStart`` (or from now when that is nil).
    public init(_ configuration: RunConfiguration) {
        self.init(cellTimeout: configuration.cellTimeout, runSeconds: configuration.runTimeLimit, start: configuration.runStart)
    }

    /// The message of a cell the run never started because its limit of `runSeconds` had passed.
    public static func notStartedMessage(runSeconds: Double) -> String {
        "not started: the run's time limit of \(NumberText.short(runSeconds)) s (--time-limit) had expired"
    }

    /// Whether the whole run's time limit has passed.
    public var hasExpired: Bool {
        guard let runLimit else { return false }
        return ContinuousClock.now >= runLimit.end
    }

    /// Seconds the next phase may take and the option that sets them; nil seconds: no limit.
    public func limit() -> (seconds: Double?, option: String) {
        guard let runLimit else { return (cellTimeout, "--cell-timeout") }
        let left = ContinuousClock.now.duration(to: runLimit.end)
        let remaining = max(0, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18)
        if let cellTimeout, cellTimeout <= remaining { return (cellTimeout, "--cell-timeout") }
        return (remaining, "--time-limit")
    }

    /// `body` under ``limit()``, overruns named after `phase`.
    public func run<T: Sendable>(phase: String, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let (seconds, option) = limit()
        do {
            return try TimeLimit.run(seconds: seconds, phase: phase, option: option, body)
        } catch var overrun as TimeLimitExceeded {
            // The message names the run's whole limit, not the few seconds that were left of it.
            if option == "--time-limit", let runLimit { overrun.seconds = runLimit.seconds }
            throw overrun
        }
    }
}
