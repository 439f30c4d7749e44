import GradCheckCore

/// The runner's directional checks: a function with many inputs is checked along k seeded Rademacher
/// directions per point (``DirectionalComparison``), with the reference's directional mode
/// (``ReferenceDerivative/directionalDerivatives(_:at:along:)``), whose cost does not grow with the number
/// of Jacobian entries. Wrong entries are localized and reported as the point's entries.
///
/// The reference along the k full directions is computed once per point and shared by every strategy;
/// the localization computes its own restricted directions per failing derivative. Cells of a directional
/// check record no operation counts and no timings (counting a strategy over ``Counted`` costs as much as
/// the strategy, which at this size is what the check avoids), and no full derivative or reference rows.
extension Runner {
    func directionalCells<R: RealNumber>(
        _ function: any TestFunction, strategies: [any DifferentiationStrategy], deadline: PhaseDeadline, in _: R.Type,
        cellDone: (Int) -> Void
    ) -> [CellResult] {
        let settings = configuration.directional
        let points = configuration.points(of: function).map { $0.map { R($0).doubleValue } }
        let signs = points.indices.map { p in
            settings.signs(count: function.inputCount, seed: configuration.seed, salt: "\(function.id)#\(p)")
        }
        let reference = self.reference
        let initial = points.indices.map { p in
            Result {
                try deadline.run(phase: "the reference") {
                    try reference.directionalDerivatives(
                        function, at: points[p].map { ExtendedReal($0) }, along: DirectionSet.full(signs[p]))
                }
            }
        }
        var cells: [CellResult] = []
        for strategy in strategies {
            for variant in variants(of: function, for: strategy) {
                defer { cellDone(cells.count) }
                let tolerance = tolerance(for: strategy, on: function, R.self)
                let check = DirectionalPointCheck(
                    function: function, reference: reference, tolerance: tolerance, settings: settings, deadline: deadline)
                let pointResults = points.indices.map { p in
                    check.check(strategy, variant: variant, at: points[p], signs: signs[p], initial: initial[p], in: R.self)
                }
                var cell = judgedCell(function, strategy, variant, tolerance: tolerance, points: pointResults)
                if cell.verdict == .pass, let evidence = pointResults.first?.directional {
                    cell.message = "checked \(evidence.summary) at \(points.count) \(points.count == 1 ? "point" : "points")"
                }
                cells.append(cell)
            }
        }
        return cells
    }
}

/// One strategy at one point, checked along directions: the reference's failure, the strategy's failure
/// or wrong shape decide the point as in ``PointComparison``; then ``DirectionalComparison`` compares and
/// localizes.
struct DirectionalPointCheck {
    let function: any TestFunction
    let reference: any ReferenceDerivative
    let tolerance: Tolerance
    let settings: DirectionalSettings
    let deadline: PhaseDeadline

    func check<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, at point: [Double], signs: [[Int8]],
        initial: Result<DirectionalReferenceResult, any Error>, in _: R.Type
    ) -> PointResult {
        var result = PointResult(point: point, verdict: .pass)
        let exact: DirectionalReferenceResult
        switch initial {
        case .failure(let error):
            result.verdict = .error
            result.message = error is TimeLimitExceeded ? "\(error)" : "the reference could not evaluate the function here: \(error)"
            return result
        case .success(let value):
            exact = value
        }
        guard exact.value.allSatisfy(\.isFinite), exact.derivatives.joined().allSatisfy(\.isFinite) else {
            result.verdict = .outsideDomain
            result.message = "the reference is not finite here: the point lies outside the function's domain"
            return result
        }
        let output: StrategyOutput<R>
        switch StrategyInvocation.derivative(
            strategy, variant: variant, of: function, at: point, deadline: deadline, in: R.self)
        {
        case .success(let derivative): output = derivative
        case .failure(let failure): return verdict(failure.verdict, failure.message, on: result)
        }
        let rows = output.jacobian
        guard rows.count == exact.value.count, rows.allSatisfy({ $0.count == point.count }) else {
            let got = "\(rows.count)×\(rows.map(\.count).max() ?? 0)"
            return verdict(.error, "wrong shape: expected \(exact.value.count)×\(point.count), got \(got)", on: result)
        }
        if let dispute = exact.dispute { return verdict(.disputed, dispute, on: result) }
        let comparison = DirectionalComparison(
            tolerance: tolerance, settings: settings,
            valueScale: ErrorMeasures.valueScale(value: exact.value, point: point))
        let function = self.function, reference = self.reference
        let outcome: DirectionalComparison.Outcome
        do {
            outcome = try comparison.compare(
                candidate: rows.map { $0.map(\.doubleValue) }, signs: signs, initial: exact
            ) { set in
                try deadline.run(phase: "the reference") {
                    try reference.directionalDerivatives(function, at: point.map { ExtendedReal($0) }, along: set)
                }
            }
        } catch {
            return verdict(.error, "the reference could not localize the wrong entries: \(error)", on: result)
        }
        result.directional = outcome.evidence
        result.entries = outcome.entries
        if !outcome.entries.isEmpty { result.errors = ErrorMeasures(judgements: outcome.entries) }
        guard !outcome.agrees else { return result }
        return verdict(.fail, outcome.failureSummary(for: function), on: result)
    }

    private func verdict(_ verdict: Verdict, _ message: String, on result: PointResult) -> PointResult {
        var result = result
        result.verdict = verdict
        result.message = message
        return result
    }
}
