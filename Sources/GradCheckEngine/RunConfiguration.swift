import GradCheckCore

/// The settings of a run that the runner needs.
public struct RunConfiguration: Sendable {
    /// Seeded random points per function from its domain, checked after every one of its explicit points.
    public var pointsPerFunction: Int = 3
    /// The seed that decides every random sample point.
    public var seed: UInt64 = 1
    /// Measure timings (median ns per derivative and the ratio to the plain function).
    public var measureTimings: Bool = true
    /// Measure operation counts over ``Counted``.
    public var measureCosts: Bool = true
    /// A relative tolerance for every strategy, overriding the family defaults and per-function overrides.
    public var rtolOverride: Double?
    /// An absolute tolerance for every strategy, overriding the family defaults and per-function overrides.
    public var atolOverride: Double?
    /// How timings are taken.
    public var stopwatch = Stopwatch()
    /// The most seconds one strategy may take for one derivative; an overrun is the verdict `error` for
    /// that point and the run goes on (see ``TimeLimit``). nil: no limit.
    public var cellTimeout: Double? = 600
    /// The most seconds the whole run may take (nil: no limit). Every phase (reference, strategy, cost count,
    /// timing) stops at the nearer of the cell timeout and the end of this limit; cells not started by then
    /// are the verdict `error`, "not started", and the run goes on to write its reports.
    public var runTimeLimit: Double?
    /// When ``runTimeLimit`` starts counting; nil: when ``Runner/run(_:strategies:precision:)`` starts. The
    /// command line sets it when the command starts, so that work before the check (branch coverage,
    /// `--points auto`) counts too.
    public var runStart: ContinuousClock.Instant?
    /// Functions with more inputs are not checked entry by entry (the all-partials reference carries n
    /// partials per value, so its cost grows like n·ops(f)): they are checked along directions
    /// (``directional``), or, when directional checks are off (``DirectionalMode/never``), not at all
    /// (every strategy is `unsupported` there, with the reason).
    public var maximumInputs = 10_000
    /// When and how functions are checked along random directions (see ``DirectionalComparison``).
    public var directional = DirectionalSettings()

    /// Whether `function` is checked along directions: as the directional settings say, and always when
    /// it has more inputs than ``maximumInputs`` and directional checks are not off.
    public func checksDirectionally(_ function: any TestFunction) -> Bool {
        directional.mode != .never
            && (directional.applies(toInputCount: function.inputCount) || function.inputCount > maximumInputs)
    }

    /// How many functions are checked at once, each on a thread of its own (see ``ParallelWork``): 1 (the
    /// default) checks them one after the other on the calling thread. The results are the same whatever
    /// the number, timings apart: cells come back in the functions' order, and with timings on and more
    /// than one job every cell is timed alone after the checks (see ``TimingSchedule``). Limits stay per
    /// phase and per evaluation: ``cellTimeout`` and `--max-memory` are not divided among the jobs, so that
    /// a verdict never depends on them, and with N jobs up to N evaluations may each hold a whole budget.
    public var jobs = 1

    /// Called as the run goes: when a function starts and after each of its cells, with the cells done
    /// so far. nil (the default): nothing is reported. It is called on the thread that checks the function,
    /// one call at a time and with `cellsDone` increasing (see ``ProgressCounter``), so it should return
    /// quickly.
    public var progress: (@Sendable (RunProgress) -> Void)?

    public init() {}

    /// Points checked besides the drawn ones, per function (what `--points auto` adds to reach both
    /// sides of every branch).
    public var extraPoints: [FunctionID: [[Double]]] = [:]

    /// The points a run checks `function` at: its explicit points, ``pointsPerFunction`` seeded random
    /// ones, then its ``extraPoints`` (before rounding to the working precision).
    public func points(of function: any TestFunction) -> [[Double]] {
        function.sampling.points(random: pointsPerFunction, seed: seed, salt: function.id.description)
            + (extraPoints[function.id] ?? [])
    }
}
