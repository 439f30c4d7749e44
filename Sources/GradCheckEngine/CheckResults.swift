import GradCheckCore

/// The outcome at one sample point of one strategy on one function.
public struct PointResult: Sendable, Codable {
    /// The point, one value per scalar input.
    public var point: [Double]
    public var verdict: Verdict
    /// Why, in a sentence, when the verdict is not a plain pass.
    public var message: String?
    /// The strategy's Jacobian rows (rounded to Double), when it gave one.
    public var derivative: [[Double]]?
    /// The reference Jacobian rows (rounded to Double), when the reference is available.
    public var reference: [[Double]]?
    public var errors: ErrorMeasures?
    /// The strategy's own estimate of each entry's absolute error, when it made one or was asked for one.
    public var errorEstimate: [[Double]]?
    /// Every entry as it was judged (``EntryJudge``), row-major: the one record every report shows.
    public var entries: [EntryJudgement]?
    /// On a failure: which other strategies agree with the reference, and which with this result.
    public var consensus: String?
    /// When the point was checked along random directions instead of entry by entry: what that check
    /// did (then ``entries`` holds only the localized wrong entries, and ``derivative`` and ``reference``
    /// are not kept).
    public var directional: DirectionalEvidence?

    public init(
        point: [Double], verdict: Verdict, message: String? = nil, derivative: [[Double]]? = nil,
        reference: [[Double]]? = nil, errors: ErrorMeasures? = nil, errorEstimate: [[Double]]? = nil,
        entries: [EntryJudgement]? = nil, consensus: String? = nil, directional: DirectionalEvidence? = nil
    ) {
        self.directional = directional
        self.point = point
        self.verdict = verdict
        self.message = message
        self.derivative = derivative
        self.reference = reference
        self.errors = errors
        self.errorEstimate = errorEstimate
        self.entries = entries
        self.consensus = consensus
    }

    /// The entries judged outside their bound, row-major.
    public var outsideEntries: [EntryJudgement] { entries?.filter { $0.outcome == .outside } ?? [] }

    /// The entry judged worst: the largest error/bound (a non-finite value first); nil when nothing was judged.
    public var worstEntry: EntryJudgement? {
        entries?.filter { $0.outcome != .undecided }.max { $0.severity < $1.severity }
    }
}

/// Operation counts of one strategy on one function, measured over ``Counted`` at the first point.
public struct CostMeasurement: Sendable, Codable {
    /// Operations of the derivative computation (which includes any function evaluations it makes).
    public var derivative: OperationCounts
    /// Operations of one plain evaluation of the function.
    public var function: OperationCounts
    /// The strategy's own figures (passes, evaluations, tape entries, …).
    public var figures: StrategyFigures

    public init(derivative: OperationCounts, function: OperationCounts, figures: StrategyFigures = StrategyFigures()) {
        self.derivative = derivative
        self.function = function
        self.figures = figures
    }

    /// ω = ops(∇f) / ops(f); NaN when the function does no arithmetic.
    public var ratio: Double {
        function.total > 0 ? Double(derivative.total) / Double(function.total) : .nan
    }
}

/// The lower and upper quartiles of a timing's samples, in nanoseconds per call: the middle half of what
/// the run's own repetitions measured, around their median.
public struct Quartiles: Sendable, Codable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// Timings of one strategy on one function at the first point, against the plain function in `Double`.
public struct TimingMeasurement: Sendable, Codable {
    /// Median nanoseconds per derivative.
    public var medianNanoseconds: Double
    /// Median nanoseconds per plain `Double` evaluation of the function, measured in the same run.
    public var functionMedianNanoseconds: Double
    /// How many derivative calls were timed.
    public var calls: Int
    /// The quartiles of the derivative's samples; nil in reports saved before they were recorded.
    public var quartilesNanoseconds: Quartiles?
    /// The quartiles of the plain function's samples; nil in reports saved before they were recorded.
    public var functionQuartilesNanoseconds: Quartiles?

    public init(
        medianNanoseconds: Double, functionMedianNanoseconds: Double, calls: Int, quartilesNanoseconds: Quartiles? = nil,
        functionQuartilesNanoseconds: Quartiles? = nil
    ) {
        self.medianNanoseconds = medianNanoseconds
        self.functionMedianNanoseconds = functionMedianNanoseconds
        self.calls = calls
        self.quartilesNanoseconds = quartilesNanoseconds
        self.functionQuartilesNanoseconds = functionQuartilesNanoseconds
    }

    /// time(∇f) / time(f).
    public var ratio: Double { medianNanoseconds / functionMedianNanoseconds }

    /// How much ``ratio`` spreads within this run: the factor (≥ 1) between the largest and the smallest
    /// ratio of the two timings' interquartile ranges, (∇f upper / f lower) / (∇f lower / f upper). Nil
    /// when either timing's quartiles were not recorded, or they are not positive and finite.
    public var ratioSpread: Double? {
        guard let derivative = quartilesNanoseconds, let function = functionQuartilesNanoseconds,
            derivative.lower > 0, function.lower > 0, derivative.upper >= derivative.lower, function.upper >= function.lower
        else { return nil }
        let spread = (derivative.upper / derivative.lower) * (function.upper / function.lower)
        return spread.isFinite ? spread : nil
    }
}

/// Everything known about one strategy (or one mutant) on one function: one row of the report.
public struct CellResult: Sendable, Codable {
    public var function: FunctionID
    public var strategy: String
    public var family: StrategyFamily
    /// `.correct`, or the mutant that was checked.
    public var variant: DerivativeVariant
    /// What is wrong with the mutant, or why the strategy is expected to fail (`@xfail`); nil otherwise.
    public var expectation: String?
    /// The verdict over all points (see ``Runner``).
    public var verdict: Verdict
    public var message: String?
    public var tolerance: Tolerance
    public var points: [PointResult]
    public var cost: CostMeasurement?
    public var timing: TimingMeasurement?

    public init(
        function: FunctionID, strategy: String, family: StrategyFamily, variant: DerivativeVariant,
        expectation: String?, verdict: Verdict, message: String?, tolerance: Tolerance, points: [PointResult],
        cost: CostMeasurement?, timing: TimingMeasurement?
    ) {
        self.function = function
        self.strategy = strategy
        self.family = family
        self.variant = variant
        self.expectation = expectation
        self.verdict = verdict
        self.message = message
        self.tolerance = tolerance
        self.points = points
        self.cost = cost
        self.timing = timing
    }

    /// Whether this cell checks a deliberately wrong derivative.
    public var isMutant: Bool { variant != .correct }

    /// The index of the point that decided the verdict (see ``PointResult/worstIndex(of:)``).
    public var worstPointIndex: Int? { PointResult.worstIndex(of: points) }
}

extension PointResult {
    /// The point that decides a cell: the most severe verdict, then the largest judged error/bound, then
    /// the first. Every report and the cell's message describe this one point.
    public static func worstIndex(of points: [PointResult]) -> Int? {
        points.indices.min { a, b in
            let (pa, pb) = (points[a], points[b])
            if pa.verdict.severity != pb.verdict.severity { return pa.verdict.severity > pb.verdict.severity }
            let (ea, eb) = (pa.worstEntry?.severity ?? -1, pb.worstEntry?.severity ?? -1)
            if ea != eb { return ea > eb }
            return a < b
        }
    }
}

/// A whole run: what was checked, how, and with what outcome.
public struct RunReport: Sendable, Codable {
    public var metadata: RunMetadata
    public var cells: [CellResult]

    /// Sweeps and the swell study, for charts; empty unless a charting format asked for them.
    public var appendix: RunAppendix

    /// The branch coverage of the functions whose branches could be observed (`.grad` suite functions),
    /// in run order; empty when not measured.
    public var coverage: [FunctionBranchCoverage]

    public init(
        metadata: RunMetadata, cells: [CellResult], appendix: RunAppendix = RunAppendix(),
        coverage: [FunctionBranchCoverage] = []
    ) {
        self.metadata = metadata
        self.cells = cells
        self.appendix = appendix
        self.coverage = coverage
    }

    /// The counts of cells by verdict.
    public var verdictCounts: [Verdict: Int] {
        cells.reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// Mutants that were checked, and how many of them were caught.
    public var mutantTally: (caught: Int, total: Int) {
        let mutants = cells.filter(\.isMutant)
        return (mutants.filter { $0.verdict == .expectedFailure }.count, mutants.count)
    }

    /// The sample points at which a correct derivative (not a mutant) passed: what the run actually verified.
    public var verifiedPoints: Int {
        cells.filter { !$0.isMutant }.reduce(0) { $0 + $1.points.filter { $0.verdict == .pass }.count }
    }

    /// What the run amounts to: a failure when any cell fails the run; otherwise verified when at least one
    /// derivative was verified at one point (or nothing was asked), and nothing verified when every check
    /// was inconclusive, disputed, unsupported, outside the domain or a caught mutant: a run that
    /// verified nothing is not a success.
    public var outcome: RunOutcome {
        if cells.contains(where: { $0.verdict.failsRun }) { return .failed }
        let correct = cells.filter { !$0.isMutant }
        return correct.isEmpty || verifiedPoints > 0 ? .verified : .nothingVerified
    }

    /// Whether the run verified what it checked (exit status 0).
    public var succeeded: Bool { outcome == .verified }
}

/// What a whole run amounts to (see ``RunReport/outcome``).
public enum RunOutcome: String, Sendable, Codable {
    /// Nothing failed and something was verified.
    case verified
    /// A derivative failed, a strategy errored, or a mutant or an `@xfail` was not caught.
    case failed
    /// Nothing failed, but not a single derivative was verified either.
    case nothingVerified = "nothing-verified"
}

/// How a run was made.
public struct RunMetadata: Sendable, Codable {
    public var seed: UInt64
    public var pointsPerFunction: Int
    /// The precision the strategies computed in, e.g. "Double".
    public var precision: String
    /// How the reference was computed, e.g. "forward mode in Float80".
    public var reference: String
    /// "release" or "debug".
    public var buildConfiguration: String
    public var timed: Bool
    /// How the timings were taken (jobs, and when each cell was timed); nil when the run was not timed,
    /// so that an untimed report is the same whatever its number of jobs, and in runs recorded before
    /// schedules were.
    public var timing: TimingSchedule?
    /// The file each suite of the run was read from, by suite name, exactly as it was given (a relative
    /// path stays relative): what a replay command must name to load that suite again. Suites of the
    /// corpus built into the library and compiled functions have no entry; a replay finds them without a
    /// path. Empty in runs recorded before suite files were.
    public var suiteSources: [String: String]
    /// The command-line options besides the seed, the points and the precision that change what a cell
    /// computes or how it is judged, as given (`["--rtol", "1e-9", "--max-iterations", "500"]`), so that a
    /// replay command repeats them. Empty when none was given, and in runs recorded before they were.
    public var replayOptions: [String]

    public init(
        seed: UInt64, pointsPerFunction: Int, precision: String, reference: String, buildConfiguration: String,
        timed: Bool, timing: TimingSchedule? = nil, suiteSources: [String: String] = [:], replayOptions: [String] = []
    ) {
        self.seed = seed
        self.pointsPerFunction = pointsPerFunction
        self.precision = precision
        self.reference = reference
        self.buildConfiguration = buildConfiguration
        self.timed = timed
        self.timing = timing
        self.suiteSources = suiteSources
        self.replayOptions = replayOptions
    }

    private enum CodingKeys: String, CodingKey {
        case seed, pointsPerFunction, precision, reference, buildConfiguration, timed, timing, suiteSources, replayOptions
    }

    /// Decodes a run's metadata; `timing`, `suiteSources` and `replayOptions` may be absent (an older run),
    /// and are then nil or empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        pointsPerFunction = try container.decode(Int.self, forKey: .pointsPerFunction)
        precision = try container.decode(String.self, forKey: .precision)
        reference = try container.decode(String.self, forKey: .reference)
        buildConfiguration = try container.decode(String.self, forKey: .buildConfiguration)
        timed = try container.decode(Bool.self, forKey: .timed)
        timing = try container.decodeIfPresent(TimingSchedule.self, forKey: .timing)
        suiteSources = try container.decodeIfPresent([String: String].self, forKey: .suiteSources) ?? [:]
        replayOptions = try container.decodeIfPresent([String].self, forKey: .replayOptions) ?? []
    }
}
