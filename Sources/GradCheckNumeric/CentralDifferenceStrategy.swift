import GradCheckCore

/// Central differences: ∂f/∂xⱼ ≈ (f(x + h·eⱼ) − f(x − h·eⱼ)) / 2h.
///
/// - Step: h = ∛ε · max(1, |xⱼ|), made exactly representable (``DifferenceStep``); x − h then is exact
///   too whenever x + h is, for the same exponent range.
/// - Error: truncation h²·|f‴|/6 plus round-off about ε·|f|/h; at h ≈ ∛ε both are O(ε^(2/3)), so about
///   two thirds of the digits are correct (≈ 10–11 in Double, ≈ 5 in Float).
/// - Cost: 2n evaluations of f for the full Jacobian.
public struct CentralDifferenceStrategy: DifferentiationStrategy {
    public let id = "central-difference"
    public let family = StrategyFamily.higherOrderDifference
    public let summary = "(f(x + h·e_j) − f(x − h·e_j)) / 2h with h = ∛ε·max(1, |x_j|), exactly representable"

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let scale = R.cbrt(R.machineEpsilon)
        var columns: [[R]] = []
        for j in point.indices {
            let h = DifferenceStep.step(at: point[j], scale: scale)
            let ahead = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
            let behind = try function.evaluate(DifferenceStep.shifted(point, index: j, by: -h))
            let twoH = h + h
            columns.append(zip(ahead, behind).map { ($0 - $1) / twoH })
        }
        let rows = columns.first?.count ?? function.outputCount
        return StrategyOutput(
            jacobian: transpose(columns, rows: rows),
            figures: StrategyFigures(functionEvaluations: 2 * point.count, passes: 2 * point.count))
    }
}
