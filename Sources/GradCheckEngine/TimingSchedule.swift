import GradCheckCore

/// How a run's timings were taken: how many jobs checked cells at once, and when each cell was timed.
///
/// A timing is a median of wall-clock samples (see ``Stopwatch``), so it is only meaningful when no other
/// cell of the run competes for the processor meanwhile. Either way below, one cell is timed at a time:
///
/// - ``Mode/interleaved`` (`--jobs 1`): each cell is timed right after its own check, while nothing else
///   of the run is running.
/// - ``Mode/afterChecks`` (`--jobs N`, N > 1): the cells are checked on N threads without timings, then
///   every cell is timed in a second, sequential phase once all checking has ended.
///
/// Other processes on the machine may still compete; the quartiles of each ``TimingMeasurement`` show how
/// much the samples spread. The schedule changes no verdict or number: a run's results (timings apart)
/// are the same whatever its jobs.
public struct TimingSchedule: Sendable, Equatable, Codable {
    /// When the cells were timed.
    public enum Mode: String, Sendable, Equatable, Codable {
        /// Each cell right after its check, the run doing nothing else (one job).
        case interleaved
        /// Every cell in a sequential phase after the parallel checks.
        case afterChecks = "after-checks"
    }

    /// The threads that checked cells at once.
    public var jobs: Int
    /// When the cells were timed.
    public var mode: Mode

    public init(jobs: Int, mode: Mode) {
        self.jobs = jobs
        self.mode = mode
    }

    /// The schedule of a timed run with `jobs` jobs: interleaved for one, after the checks for more.
    public init(jobs: Int) {
        self.init(jobs: max(1, jobs), mode: jobs > 1 ? .afterChecks : .interleaved)
    }

    /// One sentence for a report: "each cell timed alone, after the checks ran on 4 jobs".
    public var summary: String {
        switch mode {
        case .interleaved: "each cell timed alone, right after its check (1 job)"
        case .afterChecks: "each cell timed alone, in a sequential phase after the checks ran on \(jobs) jobs"
        }
    }
}
