import GradCheckCore

/// Central differences: ∂f/∂xⱼ ≈ (f(x + h·eⱼ) − f(x − h·eⱼ)) / 2h.
///
/// - Step: h = ∛ε · max(1, |xⱼ|), made exactly representable (``DifferenceStep``).
/// - Error: truncation h²·|f‴|/6 plus round-off about ε·|f|/h; at h ≈ ∛ε both are O(ε^(2/3)), so about
///   two thirds of the digits are correct (≈ 10–11 in Double, ≈ 5 in Float).
/// - Kinks: f(x) is evaluated once to learn x's branch decisions. When one side of the stencil takes
///   other branches, the second-order one-sided formula on x's side is used, (∓3f(x) ± 4f(x ± h) ∓
///   f(x ± 2h))/2h; when both sides cross, the result carries a caveat (a miss is `inconclusive`).
/// - Cost: 2n + 1 evaluations of f (one or two more per input whose stencil crosses a branch).
/// - Error estimate (on demand): max(|D(h) − D(2h)|/3, 4·|D(h) − D(h/2)|/3) + 2ε·|f(x)|/h per entry, at 4n
///   more evaluations.
public struct CentralDifferenceStrategy: ErrorEstimatingStrategy {
    public let id = "central-difference"
    public let family = StrategyFamily.higherOrderDifference
    public let summary = "(f(x + h·e_j) − f(x − h·e_j)) / 2h with h = ∛ε·max(1, |x_j|), exactly representable"

    public init() {}

    static func step<R: RealNumber>(at x: R) -> R { DifferenceStep.step(at: x, scale: R.cbrt(R.machineEpsilon)) }

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let evaluator = BranchAwareEvaluation<R>(function: function)
        let base = try evaluator.evaluate(point)
        var columns: [[R]] = []
        var evaluations = 2 * point.count + 1
        var crossings: [String] = [], beside: [String] = []
        for j in point.indices {
            let h = Self.step(at: point[j])
            let ahead = try evaluator.evaluate(point, moving: j, by: h)
            let behind = try evaluator.evaluate(point, moving: j, by: -h)
            switch (ahead.samePath(as: base), behind.samePath(as: base)) {
            case (true, true):
                columns.append(DifferenceQuotient.central(ahead.values, behind.values, h: h))
            case (let aheadIsSafe, let behindIsSafe) where aheadIsSafe || behindIsSafe:
                let (near, signedH) = aheadIsSafe ? (ahead, h) : (behind, -h)
                let far = try evaluator.evaluate(point, moving: j, by: signedH + signedH)
                evaluations += 1
                if far.samePath(as: base) { beside.append(evaluator.inputName(j)) } else { crossings.append(evaluator.inputName(j)) }
                columns.append(DifferenceQuotient.oneSidedSecondOrder(base.values, near.values, far.values, h: signedH))
            default:
                crossings.append(evaluator.inputName(j))
                columns.append(DifferenceQuotient.central(ahead.values, behind.values, h: h))
            }
        }
        return StrategyOutput(
            jacobian: transpose(columns, rows: base.values.count),
            figures: StrategyFigures(functionEvaluations: evaluations, passes: evaluations),
            caveat: crossingCaveat(crossings, oneSided: beside))
    }

    public func errorEstimate<R: RealNumber>(
        of function: any TestFunction, at point: [R], output: StrategyOutput<R>
    ) throws -> [[R]] {
        let base = try function.evaluate(point)
        var columns: [[R]] = []
        for j in point.indices {
            let h = Self.step(at: point[j])
            func at(_ k: R) throws -> [R] { try function.evaluate(DifferenceStep.shifted(point, index: j, by: k * h)) }
            let near = DifferenceQuotient.central(try at(1), try at(-1), h: h)
            let far = DifferenceQuotient.central(try at(2), try at(-2), h: h + h)
            let half = DifferenceQuotient.central(try at(0.5), try at(-0.5), h: h / 2)
            columns.append(base.indices.map { i in
                // In the asymptotic regime both terms estimate c·h²; outside it (a step too large for the
                // function's scale) they disagree, and the larger one keeps the estimate honest.
                Swift.max((near[i] - far[i]).magnitude / 3, 4 * (near[i] - half[i]).magnitude / 3)
                    + 2 * R.machineEpsilon * base[i].magnitude / h
            })
        }
        return transpose(columns, rows: base.count)
    }
}
