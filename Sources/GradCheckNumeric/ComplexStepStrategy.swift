import GradCheckCore

/// The complex-step derivative: ∂f/∂xⱼ = Im f(x + i·h·eⱼ) / h, one evaluation over
/// ``ComplexStepNumber`` per input.
///
/// - Step: h = 2^⌊log₂(s·max(1, |xⱼ|))⌋ with s = max(10⁻²⁰, ε²): 10⁻²⁰ relative in `Double` and
///   `Float80` (rounded down to a power of two), ε² ≈ 1.4·10⁻¹⁴ in `Float`, whose range (smallest normal
///   1.2·10⁻³⁸) leaves less room for the imaginary parts h·∂v/∂xⱼ of intermediate values. A power of two
///   makes h·∂v/∂xⱼ an exact scaling and the final division by h exact.
/// - Error: truncation O(h²·|f‴/f′|) — about 10⁻⁴⁰ relative in `Double`, 10⁻²⁸ in `Float` — plus the
///   rounding of the complex arithmetic, which is that of forward-mode AD: nothing is subtracted from a
///   nearly equal value, so the result is exact up to rounding whatever the step. Hence family
///   `automatic` (tolerance 10⁵·ε): the complex step is forward mode carried by complex arithmetic, and
///   that is the existing family whose error model (rounding only) it shares.
/// - Non-analytic programs: a comparison of a perturbed value (abs, max, min, relu, an `if` or `while`
///   on a value that depends on xⱼ) is detected by the ``PerturbedComparisonMonitor`` and the strategy
///   throws ``StrategyError/unsupported(_:)`` with ``notAnalyticReason``. Comparisons of values that do
///   not depend on xⱼ in that pass (counters, constants, other inputs) are fine.
/// - Cost: n evaluations of f over complex numbers for the m × n Jacobian; a complex multiplication is
///   4 real multiplications and 2 additions, sin z four real elementary calls, and so on.
public struct ComplexStepStrategy: DifferentiationStrategy {
    public let id = "complex-step"
    public let family = StrategyFamily.automatic
    public let summary = "Im f(x + i·h·e_j) / h with h = 1e-20·max(1, |x_j|) (a power of two); analytic programs only"

    /// Why a program that compares a perturbed value is unsupported.
    public static let notAnalyticReason =
        "not analytic: compares a perturbed value (abs, max, min, relu or a branch on x)"

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        var columns: [[R]] = []
        for j in point.indices {
            columns.append(try column(j, of: function, at: point))
        }
        let rows = columns.first?.count ?? function.outputCount
        return StrategyOutput(
            jacobian: transpose(columns, rows: rows),
            figures: StrategyFigures(functionEvaluations: point.count, passes: point.count))
    }

    /// Column `j` of the Jacobian, ∂f/∂xⱼ, from one evaluation at x + i·h·eⱼ. Throws
    /// ``StrategyError/unsupported(_:)`` when that evaluation compares a value that depends on xⱼ.
    public func column<R: RealNumber>(_ j: Int, of function: any TestFunction, at point: [R]) throws -> [R] {
        let h = Self.step(at: point[j])
        var perturbed = point.map { ComplexStepNumber(real: $0) }
        perturbed[j].imaginary = h
        let (outputs, comparisons) = try PerturbedComparisonMonitor.watch { try function.evaluate(perturbed) }
        guard comparisons == 0 else { throw StrategyError.unsupported(Self.notAnalyticReason) }
        return outputs.map { $0.imaginary / h }
    }

    /// The step for coordinate value `x`: the largest power of two ≤ max(10⁻²⁰, ε²)·max(1, |x|).
    public static func step<R: RealNumber>(at x: R) -> R {
        let epsilon = R.machineEpsilon.doubleValue
        let relative = Swift.max(1e-20, epsilon * epsilon)
        let magnitude = x.doubleValue.magnitude
        let nominal = relative * (magnitude.isFinite && magnitude > 1 ? magnitude : 1)
        return R(Double(sign: .plus, exponent: nominal.exponent, significand: 1))
    }
}
