import GradCheckCore

/// One-sided (forward) differences: ∂f/∂xⱼ ≈ (f(x + h·eⱼ) − f(x)) / h.
///
/// - Step: h = √ε · max(1, |xⱼ|), made exactly representable (``DifferenceStep``).
/// - Error: truncation ½·h·|f″| plus round-off about 2ε·|f|/h; at h ≈ √ε both are O(√ε), so about half
///   the working precision's digits are correct (≈ 8 in Double, ≈ 4 in Float).
/// - Cost: n + 1 evaluations of f for the full Jacobian (one shared base evaluation).
public struct ForwardDifferenceStrategy: DifferentiationStrategy {
    public let id = "forward-difference"
    public let family = StrategyFamily.firstOrderDifference
    public let summary = "(f(x + h·e_j) − f(x)) / h with h = √ε·max(1, |x_j|), exactly representable"

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let base = try function.evaluate(point)
        let scale = R.sqrt(R.machineEpsilon)
        var columns: [[R]] = []
        for j in point.indices {
            let h = DifferenceStep.step(at: point[j], scale: scale)
            let moved = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
            columns.append(zip(moved, base).map { ($0 - $1) / h })
        }
        return StrategyOutput(
            jacobian: transpose(columns, rows: base.count),
            figures: StrategyFigures(functionEvaluations: point.count + 1, passes: point.count + 1))
    }
}

/// Rows from columns: `columns[j][i]` becomes `rows[i][j]`.
func transpose<R>(_ columns: [[R]], rows: Int) -> [[R]] {
    (0..<rows).map { i in columns.map { $0[i] } }
}
