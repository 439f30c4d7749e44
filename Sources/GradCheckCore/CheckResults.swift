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
    /// The entries outside the tolerance, row-major.
    public var outsideTolerance: [EntryIndex]?
    /// On a failure: which other strategies agree with the reference, and which with this result.
    public var consensus: String?
    /// The floor φ the tolerance used at this point (see ``Tolerance``), when the point was judged.
    public var floor: Double?
    /// The relative tolerance used at this point when it differs from the cell's (an exact method's
    /// tolerance widened for an ill-conditioned function), else nil.
    public var rtol: Double?

    public init(
        point: [Double], verdict: Verdict, message: String? = nil, derivative: [[Double]]? = nil,
        reference: [[Double]]? = nil, errors: ErrorMeasures? = nil, errorEstimate: [[Double]]? = nil,
        outsideTolerance: [EntryIndex]? = nil, consensus: String? = nil, floor: Double? = nil, rtol: Double? = nil
    ) {
        self.floor = floor
        self.rtol = rtol
        self.point = point
        self.verdict = verdict
        self.message = message
        self.derivative = derivative
        self.reference = reference
        self.errors = errors
        self.errorEstimate = errorEstimate
        self.outsideTolerance = outsideTolerance
        self.consensus = consensus
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

/// Timings of one strategy on one function at the first point, against the plain function in `Double`.
public struct TimingMeasurement: Sendable, Codable {
    /// Median nanoseconds per derivative.
    public var medianNanoseconds: Double
    /// Median nanoseconds per plain `Double` evaluation of the function, measured in the same run.
    public var functionMedianNanoseconds: Double
    /// How many derivative calls were timed.
    public var calls: Int

    public init(medianNanoseconds: Double, functionMedianNanoseconds: Double, calls: Int) {
        self.medianNanoseconds = medianNanoseconds
        self.functionMedianNanoseconds = functionMedianNanoseconds
        self.calls = calls
    }

    /// time(∇f) / time(f).
    public var ratio: Double { medianNanoseconds / functionMedianNanoseconds }
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

    /// The index of the point that decided the verdict: the most severe, then the largest error.
    public var worstPointIndex: Int? {
        points.indices.max { a, b in
            let (pa, pb) = (points[a], points[b])
            if pa.verdict.severity != pb.verdict.severity { return pa.verdict.severity < pb.verdict.severity }
            let ea = pa.errors?.maxRelative ?? -1, eb = pb.errors?.maxRelative ?? -1
            return (ea.isNaN ? .infinity : ea) < (eb.isNaN ? .infinity : eb)
        }
    }
}

/// A whole run: what was checked, how, and with what outcome.
public struct RunReport: Sendable, Codable {
    public var metadata: RunMetadata
    public var cells: [CellResult]

    /// Sweeps and the swell study, for charts; empty unless a charting format asked for them.
    public var appendix: RunAppendix

    public init(metadata: RunMetadata, cells: [CellResult], appendix: RunAppendix = RunAppendix()) {
        self.metadata = metadata
        self.cells = cells
        self.appendix = appendix
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

    /// Whether the run verified everything (exit status 0).
    public var succeeded: Bool { !cells.contains { $0.verdict.failsRun } }
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
        timed: Bool, suiteSources: [String: String] = [:], replayOptions: [String] = []
    ) {
        self.seed = seed
        self.pointsPerFunction = pointsPerFunction
        self.precision = precision
        self.reference = reference
        self.buildConfiguration = buildConfiguration
        self.timed = timed
        self.suiteSources = suiteSources
        self.replayOptions = replayOptions
    }

    private enum CodingKeys: String, CodingKey {
        case seed, pointsPerFunction, precision, reference, buildConfiguration, timed, suiteSources, replayOptions
    }

    /// Decodes a run's metadata; `suiteSources` and `replayOptions` may be absent (an older run), and are
    /// then empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        pointsPerFunction = try container.decode(Int.self, forKey: .pointsPerFunction)
        precision = try container.decode(String.self, forKey: .precision)
        reference = try container.decode(String.self, forKey: .reference)
        buildConfiguration = try container.decode(String.self, forKey: .buildConfiguration)
        timed = try container.decode(Bool.self, forKey: .timed)
        suiteSources = try container.decodeIfPresent([String: String].self, forKey: .suiteSources) ?? [:]
        replayOptions = try container.decodeIfPresent([String].self, forKey: .replayOptions) ?? []
    }
}
