import GradCheckCore

/// One-sided (forward) differences: ∂f/∂xⱼ ≈ (f(x + h·eⱼ) − f(x)) / h.
///
/// - Step: h = √ε · max(1, |xⱼ|), made exactly representable (``DifferenceStep``).
/// - Error: truncation ½·h·|f″| plus round-off about 2ε·|f|/h; at h ≈ √ε both are O(√ε), so about half
///   the working precision's digits are correct (≈ 8 in Double, ≈ 4 in Float).
/// - Kinks: when x + h takes other branches than x (abs, max, relu, an `if` on data), the backward
///   difference (f(x) − f(x − h))/h is used if x − h stays on x's side; when both sides cross, the result
///   carries a caveat, and a miss is `inconclusive`, not `fail`.
/// - Cost: n + 1 evaluations of f (n more where a stencil crosses a branch).
/// - Error estimate (on demand): max(|D(h) − D(2h)|, 2·|D(h) − D(h/2)|) + 2ε·(|f(x)| + |f(x + h)|)/h per
///   entry, at 2n more evaluations.
public struct ForwardDifferenceStrategy: ErrorEstimatingStrategy {
    public let id = "forward-difference"
    public let family = StrategyFamily.firstOrderDifference
    public let summary = "(f(x + h·e_j) − f(x)) / h with h = √ε·max(1, |x_j|), exactly representable"

    public init() {}

    static func step<R: RealNumber>(at x: R) -> R { DifferenceStep.step(at: x, scale: R.sqrt(R.machineEpsilon)) }

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let evaluator = BranchAwareEvaluation<R>(function: function)
        let base = try evaluator.evaluate(point)
        var columns: [[R]] = []
        var evaluations = point.count + 1
        var crossings: [String] = [], beside: [String] = []
        for j in point.indices {
            let h = Self.step(at: point[j])
            let ahead = try evaluator.evaluate(point, moving: j, by: h)
            if ahead.samePath(as: base) {
                columns.append(DifferenceQuotient.forward(base.values, ahead.values, h: h))
                continue
            }
            evaluations += 1
            let behind = try evaluator.evaluate(point, moving: j, by: -h)
            if behind.samePath(as: base) { beside.append(evaluator.inputName(j)) } else { crossings.append(evaluator.inputName(j)) }
            columns.append(
                behind.samePath(as: base)
                    ? DifferenceQuotient.forward(behind.values, base.values, h: h)
                    : DifferenceQuotient.forward(base.values, ahead.values, h: h))
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
            let f1 = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
            let f2 = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h + h))
            let fHalf = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h / 2))
            let near = DifferenceQuotient.forward(base, f1, h: h)
            let far = DifferenceQuotient.forward(base, f2, h: h + h)
            let half = DifferenceQuotient.forward(base, fHalf, h: h / 2)
            columns.append(base.indices.map { i in
                Swift.max((near[i] - far[i]).magnitude, 2 * (near[i] - half[i]).magnitude)
                    + 2 * R.machineEpsilon * (base[i].magnitude + f1[i].magnitude) / h
            })
        }
        return transpose(columns, rows: base.count)
    }
}

/// Rows from columns: `columns[j][i]` becomes `rows[i][j]`.
func transpose<R>(_ columns: [[R]], rows: Int) -> [[R]] {
    (0..<rows).map { i in columns.map { $0[i] } }
}

/// The caveat for stencils that crossed a branch: on both sides of x at `inputs`, or on one side at
/// `oneSided` (a kink within a step of x: the one-sided quotient that replaced the stencil is not within its
/// error model there, so a miss is not a failure). Nil when no stencil crossed.
func crossingCaveat(_ inputs: [String], oneSided: [String] = []) -> String? {
    var parts: [String] = []
    if !inputs.isEmpty { parts.append("stencil crosses a branch on both sides at " + inputs.joined(separator: ", ")) }
    if !oneSided.isEmpty {
        parts.append("a branch lies within a step of x at " + oneSided.joined(separator: ", ") + " (one-sided quotient used)")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
}
