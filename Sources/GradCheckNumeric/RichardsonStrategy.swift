import GradCheckCore

/// Central differences extrapolated to h → 0 (``RichardsonExtrapolation``), with an error estimate per
/// entry.
///
/// - Kinks: steps whose stencil takes other branches than x are skipped; if no two central steps stay on
///   x's path, one-sided quotients on x's side are extrapolated instead (error in powers of h); if neither
///   side works, the entry carries a caveat.
/// - Cost: about 2 evaluations per step per input, typically 12–30 per input.
public struct RichardsonStrategy: DifferentiationStrategy {
    public let id = "richardson"
    public let family = StrategyFamily.higherOrderDifference
    public let summary = "central differences extrapolated over a geometric sequence of steps, with error estimates"
    public var extrapolation = RichardsonExtrapolation()

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let differentiation = try ExtrapolatedDifferentiation(function: function, point: point, extrapolation: extrapolation)
        var columns: [[R]] = [], errors: [[R]] = []
        var crossings: [String] = []
        for j in point.indices {
            if let estimate = try differentiation.column(j) {
                columns.append(estimate.values)
                errors.append(estimate.errors)
            } else {
                crossings.append(differentiation.evaluator.inputName(j))
                let h = DifferenceStep.step(at: point[j], scale: R.cbrt(R.machineEpsilon))
                let ahead = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
                let behind = try function.evaluate(DifferenceStep.shifted(point, index: j, by: -h))
                columns.append(DifferenceQuotient.central(ahead, behind, h: h))
                errors.append(ahead.map { _ in R(Double.infinity) })
            }
        }
        let rows = differentiation.base.values.count
        return StrategyOutput(
            jacobian: transpose(columns, rows: rows),
            figures: StrategyFigures(functionEvaluations: differentiation.evaluations, passes: differentiation.evaluations),
            errorEstimate: transpose(errors, rows: rows),
            caveat: crossingCaveat(crossings))
    }
}

/// The per-input work of ``RichardsonStrategy``: central extrapolation on x's branch, one-sided if need be.
public final class ExtrapolatedDifferentiation<R: RealNumber> {
    let evaluator: BranchAwareEvaluation<R>
    let point: [R]
    let base: Evaluation<R>
    let extrapolation: RichardsonExtrapolation
    private(set) var evaluations = 1

    public init(function: any TestFunction, point: [R], extrapolation: RichardsonExtrapolation) throws {
        evaluator = BranchAwareEvaluation(function: function)
        self.point = point
        self.extrapolation = extrapolation
        base = try evaluator.evaluate(point)
    }

    /// The extrapolated column j, or nil when no stencil stays on x's branch.
    public func column(_ j: Int) throws -> RichardsonExtrapolation.Estimate<R>? {
        let starts = extrapolation.initialSteps(at: point[j])
        let central = try extrapolation.bestExtrapolation(from: starts, errorExponentStep: 2) { h in
            guard let ahead = try onPath(j, h), let behind = try onPath(j, -h) else { return nil }
            return DifferenceSample.central(ahead, behind, h: h)
        }
        if let central { return central }
        for side in [R(1), R(-1)] {
            let oneSided = try extrapolation.bestExtrapolation(from: starts, errorExponentStep: 1) { h in
                guard let moved = try onPath(j, side * h) else { return nil }
                return DifferenceSample.oneSided(base.values, moved, h: side * h)
            }
            if let oneSided { return oneSided }
        }
        return nil
    }

    /// f at x + delta·eⱼ when it takes x's branches and is finite, else nil.
    private func onPath(_ j: Int, _ delta: R) throws -> [R]? {
        evaluations += 1
        let moved = try evaluator.evaluate(point, moving: j, by: delta)
        return moved.samePath(as: base) && moved.values.allSatisfy(\.isFinite) ? moved.values : nil
    }
}
