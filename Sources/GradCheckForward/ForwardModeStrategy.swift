import GradCheckCore

/// Forward-mode automatic differentiation with ``Dual`` numbers: one pass per input direction.
///
/// Pass j runs the function once on dual numbers seeded with the unit tangent eⱼ (input j has tangent 1,
/// the others 0); the outputs' tangents are ∂fᵢ/∂xⱼ, column j of the Jacobian. The cost is n passes of
/// about 2–4 times the function's own operations each: O(n·ops(f)), the cheap direction for functions
/// with few inputs and many outputs.
///
/// Figures: `passes` = `functionEvaluations` = n.
public struct ForwardModeStrategy: DifferentiationStrategy {
    public var id: String { "forward" }
    public var family: StrategyFamily { .automatic }
    public var summary: String { "forward-mode AD with dual numbers, one pass per input (n passes)" }

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let n = point.count
        var jacobian: [[R]] = []
        var inputs = point.map { Dual<R>(value: $0) }
        for j in 0..<n {
            inputs[j].tangent = R(1)
            let outputs = try function.evaluate(inputs)
            inputs[j].tangent = R(0)
            if j == 0 {
                jacobian = Array(repeating: Array(repeating: R(0), count: n), count: outputs.count)
            } else if outputs.count != jacobian.count {
                throw StrategyError.failed(
                    "the function returned \(outputs.count) outputs in pass \(j + 1) but \(jacobian.count) before")
            }
            for (i, output) in outputs.enumerated() { jacobian[i][j] = output.tangent }
        }
        var evaluations = n
        if n == 0 {
            // No direction to seed: one plain evaluation only tells the number of (empty) rows.
            jacobian = Array(repeating: [], count: try function.evaluate(inputs).count)
            evaluations = 1
        }
        return StrategyOutput(
            jacobian: jacobian, figures: StrategyFigures(functionEvaluations: evaluations, passes: n))
    }
}
