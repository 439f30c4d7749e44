import GradCheckCore

/// Runs strategies over functions and points, and compares every result with the reference.
///
/// For each function: the sample points are drawn, the reference is computed once per point, then each
/// strategy (and, for `hand-coded`, each mutant) is checked at every point. A cell's verdict is its worst
/// point's verdict, except where a failure is expected (a mutant, or an `@xfail` of that strategy): then
/// the cell is `expected-failure` when the derivative fails at one point or more, `unexpected-pass` when it
/// fails at none and passes at one or more (an uncaught mutant, or a stale `@xfail`), and otherwise the
/// worst point's verdict (an error, or inconclusive where no point could decide).
public struct Runner: Sendable {
    public var reference: any ReferenceDerivative
    public var configuration: RunConfiguration

    public init(reference: any ReferenceDerivative, configuration: RunConfiguration = RunConfiguration()) {
        self.reference = reference
        self.configuration = configuration
    }

    /// Checks every strategy on every function, computing the strategies' derivatives in `precision`.
    ///
    /// With ``RunConfiguration/jobs`` above 1, functions (each with its reference and its cells) are
    /// checked on that many threads at once (``ParallelWork``), and with timings on every cell is timed
    /// afterwards, alone (``timeCellsAlone(_:functions:strategies:deadline:)``); the report is the same as
    /// with one job, timings apart.
    public func run<R: RealNumber>(
        _ functions: [any TestFunction], strategies: [any DifferentiationStrategy], precision: R.Type = Double.self
    ) -> RunReport {
        let deadline = PhaseDeadline(configuration)
        let total = functions.reduce(0) { $0 + cellCount(of: $1, strategies: strategies) }
        let progress = ProgressCounter(total: total, report: configuration.progress)
        let timesEachCheck = configuration.jobs <= 1
        var cellsByFunction = ParallelWork.map(
            functions, jobs: configuration.jobs, order: checkingOrder(functions)
        ) { function -> [CellResult] in
            progress.started(function.id)
            if deadline.hasExpired {
                let cells = strategies.flatMap { strategy in
                    variants(of: function, for: strategy).map { notStarted(function, strategy, $0, R.self) }
                }
                progress.skipped(cells.count)
                return cells
            }
            if configuration.checksDirectionally(function) {
                return directionalCells(function, strategies: strategies, deadline: deadline, in: R.self) { _ in
                    progress.finishedCell(of: function.id)
                }
            }
            if function.inputCount > configuration.maximumInputs {
                progress.skipped(strategies.count)
                return strategies.map { tooLarge(function, $0, R.self) }
            }
            // Points rounded to the working precision first, so that the reference and the strategies see the
            // same point (a Double point 1 + 10⁻⁹ is 1 in Float, which may sit on a kink).
            let points = configuration.points(of: function).map { $0.map { R($0).doubleValue } }
            let references = points.map { point in
                Result {
                    try deadline.run(phase: "the reference") {
                        try referenceWithSensitivity(function, at: point, in: R.self)
                    }
                }
            }
            let roundings = zip(points, references).map { point, reference in
                (try? deadline.run(phase: "the function") {
                    Self.observedRounding(function, at: point, reference: reference, in: R.self)
                }) ?? 0
            }
            // Where no reference could be computed, a cell costs nothing more (no strategy runs) and says why,
            // even after the run's time limit.
            let noReference = references.allSatisfy { if case .failure = $0 { true } else { false } }
            var functionCells: [CellResult] = []
            for strategy in strategies {
                for variant in variants(of: function, for: strategy) {
                    defer { progress.finishedCell(of: function.id) }
                    functionCells.append(
                        deadline.hasExpired && !noReference
                            ? notStarted(function, strategy, variant, R.self)
                            : check(
                                strategy, variant: variant, on: function, points: points, references: references,
                                roundings: roundings, deadline: deadline, timed: timesEachCheck, in: R.self))
                }
            }
            Consensus.annotate(&functionCells)
            return functionCells
        }
        if configuration.measureTimings && !timesEachCheck {
            timeCellsAlone(&cellsByFunction, functions: functions, strategies: strategies, deadline: deadline)
        }
        return RunReport(metadata: metadata(in: R.self), cells: cellsByFunction.flatMap { $0 })
    }

    /// What a run of this runner in `precision` records about itself: seed, points, precision, reference,
    /// build, whether it was timed and how.
    public func metadata<R: RealNumber>(in precision: R.Type = Double.self) -> RunMetadata {
        RunMetadata(
            seed: configuration.seed, pointsPerFunction: configuration.pointsPerFunction,
            precision: R.precisionName, reference: reference.description,
            buildConfiguration: BuildInfo.configuration, timed: configuration.measureTimings,
            timing: configuration.measureTimings ? TimingSchedule(jobs: configuration.jobs) : nil)
    }

    /// The reference at `point`, with the derivative's measured sensitivity to rounding in `R`.
    private func referenceWithSensitivity<R: RealNumber>(
        _ function: any TestFunction, at point: [Double], in _: R.Type
    ) throws -> ReferenceResult {
        var result = try reference.evaluate(function, at: point.map { ExtendedReal($0) })
        result.sensitivity = reference.roundingSensitivity(function, at: point, jacobian: result.jacobian, in: R.self)
        return result
    }

    /// The relative error of the function itself, evaluated in `R`, against the reference's value at
    /// `point`: how much this function amplifies rounding there (0 when it cannot be told).
    static func observedRounding<R: RealNumber>(
        _ function: any TestFunction, at point: [Double], reference: Result<ReferenceResult, any Error>, in _: R.Type
    ) -> Double {
        guard case .success(let reference) = reference, let value = try? function.evaluate(point.map { R($0) }),
            value.count == reference.value.count
        else { return 0 }
        let errors = zip(value, reference.value).map { computed, exact -> Double in
            guard computed.isFinite, exact.isFinite else { return 0 }
            let difference = Double((computed.extendedValue - exact).magnitude)
            let scale = Double(exact.magnitude)
            return scale > 0 ? difference / scale : 0
        }
        return errors.max() ?? 0
    }

    /// The cell of a function over the input limit: unsupported, with the reason and the way out.
    private func tooLarge<R: RealNumber>(_ function: any TestFunction, _ strategy: any DifferentiationStrategy, _: R.Type) -> CellResult {
        CellResult(
            function: function.id, strategy: strategy.id, family: strategy.family, variant: .correct, expectation: nil,
            verdict: .unsupported,
            message: "\(function.inputCount) inputs exceed the limit of \(configuration.maximumInputs) (raise it with --max-inputs)",
            tolerance: tolerance(for: strategy, on: function, R.self), points: [], cost: nil, timing: nil)
    }

    /// The cell of a function reached after the whole run's time limit: an error saying it was not started.
    private func notStarted<R: RealNumber>(
        _ function: any TestFunction, _ strategy: any DifferentiationStrategy, _ variant: DerivativeVariant, _: R.Type
    ) -> CellResult {
        CellResult(
            function: function.id, strategy: strategy.id, family: strategy.family, variant: variant, expectation: nil,
            verdict: .error,
            message: PhaseDeadline.notStartedMessage(runSeconds: configuration.runTimeLimit ?? 0),
            tolerance: tolerance(for: strategy, on: function, R.self), points: [], cost: nil, timing: nil)
    }

    /// The cell of `strategy`'s `variant` on `function` from its points: what was expected of it (a mutant's
    /// description, or an `@xfail` reason) and the verdict and message aggregated from the points.
    func judgedCell(
        _ function: any TestFunction, _ strategy: any DifferentiationStrategy, _ variant: DerivativeVariant,
        tolerance: Tolerance, points pointResults: [PointResult]
    ) -> CellResult {
        let expectation: String? = switch variant {
        case .correct: function.expectedFailures[strategy.id]
        case .mutant(let index): function.mutants[index]
        }
        var cell = CellResult(
            function: function.id, strategy: strategy.id, family: strategy.family, variant: variant,
            expectation: expectation, verdict: .pass, message: nil, tolerance: tolerance, points: pointResults,
            cost: nil, timing: nil)
        (cell.verdict, cell.message) = Self.aggregate(pointResults, expectation: expectation, isMutant: variant != .correct)
        return cell
    }

    /// The cells `run` makes for `function`: one per strategy when it has too many inputs, else one per
    /// strategy and variant.
    private func cellCount(of function: any TestFunction, strategies: [any DifferentiationStrategy]) -> Int {
        function.inputCount > configuration.maximumInputs && !configuration.checksDirectionally(function)
            ? strategies.count : strategies.reduce(0) { $0 + variants(of: function, for: $1).count }
    }

    func variants(of function: any TestFunction, for strategy: any DifferentiationStrategy) -> [DerivativeVariant] {
        guard strategy.family == .handCoded else { return [.correct] }
        return [.correct] + function.mutants.indices.map { .mutant($0) }
    }

    func tolerance<R: RealNumber>(for strategy: any DifferentiationStrategy, on function: any TestFunction, _: R.Type) -> Tolerance {
        let familyDefault = Tolerance.default(for: strategy.family, epsilon: R.machineEpsilon.doubleValue)
        var tolerance = function.toleranceOverride?.applied(to: familyDefault) ?? familyDefault
        if let rtol = configuration.rtolOverride { tolerance.rtol = rtol }
        if let atol = configuration.atolOverride { tolerance.atol = atol }
        return tolerance
    }

    /// One cell: `strategy` (with `variant`) at every point, judged against `references`; with its cost
    /// count and, when `timed` (one job), its timing.
    private func check<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, on function: any TestFunction,
        points: [[Double]], references: [Result<ReferenceResult, any Error>], roundings: [Double],
        deadline: PhaseDeadline, timed: Bool, in _: R.Type
    ) -> CellResult {
        let tolerance = tolerance(for: strategy, on: function, R.self)
        let comparison = PointComparison(function: function, tolerance: tolerance, deadline: deadline)
        let pointResults = points.indices.map { p in
            comparison.check(
                strategy, variant: variant, at: points[p], reference: references[p], observedRounding: roundings[p], in: R.self)
        }
        var cell = judgedCell(function, strategy, variant, tolerance: tolerance, points: pointResults)
        if let first = points.first, Self.isMeasured(cell) {
            if configuration.measureCosts {
                var cost = try? deadline.run(phase: "the cost count") {
                    try CostMeter.measure(strategy, variant: variant, on: function, at: first)
                }
                if !configuration.measureTimings, let figures = cost?.figures { cost?.figures = figures.withoutTimings }
                cell.cost = cost
            }
            if configuration.measureTimings && timed {
                let stopwatch = configuration.stopwatch
                cell.timing = try? deadline.run(phase: "the timing") {
                    try CostMeter.time(strategy, variant: variant, on: function, at: first, stopwatch: stopwatch)
                }
            }
        }
        return cell
    }

    /// Whether a checked cell gets a cost count and a timing: unless it is an error or unsupported, which
    /// an expected failure may be.
    static func isMeasured(_ cell: CellResult) -> Bool {
        ![.error, .unsupported].contains(cell.verdict) || cell.expectation != nil
    }

    /// The cell's verdict and message from its points' results.
    static func aggregate(_ points: [PointResult], expectation: String?, isMutant: Bool) -> (Verdict, String?) {
        guard let worst = PointResult.worstIndex(of: points).map({ points[$0] }) else {
            return (.inconclusive, "no sample points: the function has neither @points nor a domain")
        }
        guard let expectation else { return (worst.verdict, worst.message) }
        let failing = points.filter { $0.verdict == .fail }.count
        if failing > 0 {
            let what = isMutant ? "mutant caught" : "expected failure"
            return (.expectedFailure, "\(what) at \(failing)/\(points.count) points: \(expectation)")
        }
        if worst.verdict == .error { return (.error, worst.message) }
        let decided = points.filter { $0.verdict == .pass }.count
        guard decided > 0 else { return (worst.verdict, worst.message) }
        let what = isMutant ? "mutant not caught" : "expected to fail but passed"
        return (.unexpectedPass, "\(what) at \(decided)/\(points.count) points: \(expectation)")
    }
}
