import GradCheckCore
import Foundation

/// Why a strategy's non-finite derivative entry says nothing about the strategy, when it does not: the
/// working precision `R` itself cannot hold the computation at this point, although the extended-precision
/// reference can.
///
/// A strategy that returns NaN or ±∞ where the reference is finite is normally broken (an `error`). But
/// three facts of the point, none of them the strategy's doing, make every method in `R` fail alike:
/// 1. **The derivative is beyond `R`'s range**: the reference entry rounds to ±∞ in `R`.
/// 2. **f itself is not finite in `R`**: its value computed in `R` is NaN or ±∞ (an intermediate overflowed,
///    as `exp(x)·x·x` at x = −10³⁰⁸ gives 0·∞) while its extended value is finite.
/// 3. **f leaves `R`'s range within one rounding of x**: rounding input j by ε_R changes log|fᵢ| by about
///    κ = |x_j · ∂fᵢ/∂x_j| · ε_R / |fᵢ|. When κ exceeds the headroom ln(Ω_R / |fᵢ|), where Ω_R is `R`'s
///    largest finite value, the neighbours of x in `R` overflow, and any difference stencil, complex step or
///    chain of rounded operations through them does too (`x^(−2⁶³)` at x = −1: f = 1, ∂f/∂x ≈ 9.2·10¹⁸,
///    κ ≈ 2048 in Double against a headroom of 709.8).
/// A fourth excuse is evidence rather than a fact of the point (``widerPrecisionAgreement(_:variant:function:at:entry:reference:timeLimit:in:)``):
/// the same strategy rerun in ``ExtendedReal`` agrees with the reference, so only `R`'s range failed inside it.
/// In each case the point is `inconclusive` with the reason, never `pass` and never a failure of the strategy.
/// A non-finite entry where f is finite and well inside `R`'s range stays an `error` (a `fail` for a
/// hand-written derivative). Both are asked only on that rare path, so they cost nothing on the usual one.
enum WorkingRangeExcuse {
    /// The reason entry (`row`, `column`) may be non-finite in `R` at `point`, or nil when nothing excuses it.
    ///
    /// - Parameters:
    ///   - reference: the extended-precision Jacobian at the point.
    ///   - value: the extended-precision value of f at the point.
    ///   - workingValue: f evaluated in `R` at the point (nil when the evaluation failed).
    static func reason<R: RealNumber>(
        row: Int, column: Int, point: [Double], reference: [[ExtendedReal]], value: [ExtendedReal],
        workingValue: [R]?, in _: R.Type
    ) -> String? {
        let exact = reference[row][column]
        if exact.isFinite, !R(extended: exact).isFinite {
            return "the derivative (\(NumberText.short(exact))) is beyond the range of \(R.precisionName)"
        }
        if value.allSatisfy(\.isFinite) {
            guard let workingValue, workingValue.count == value.count else {
                return "f itself cannot be evaluated in \(R.precisionName) here"
            }
            if let k = workingValue.indices.first(where: { !workingValue[$0].isFinite }) {
                return "f itself is \(NumberText.short(workingValue[k].extendedValue)) in \(R.precisionName) here while its extended "
                    + "value is \(NumberText.short(value[k])): an intermediate result leaves the working range"
            }
        }
        guard value.indices.contains(row), point.indices.contains(column) else { return nil }
        let f = value[row].magnitude
        guard f.isFinite, f > 0, exact.isFinite else { return nil }
        let kappa = (ExtendedReal(point[column]) * exact).magnitude * R.machineEpsilon.extendedValue / f
        let headroom = ExtendedReal(largestFiniteExponent(of: R.self)) * ExtendedReal(M_LN2) - ExtendedReal(Foundation.log(Double(f)))
        guard kappa > headroom else { return nil }
        return "f leaves the range of \(R.precisionName) within one rounding of the input: |x·∂f/∂x|·ε/|f| = "
            + "\(NumberText.short(kappa)) exceeds the headroom ln(max/|f|) = \(NumberText.short(headroom))"
    }

    /// The evidence of the same strategy run again in ``ExtendedReal`` at the same point, when it excuses a
    /// non-finite entry: there the entry is finite and within its allowed error of the reference, so the
    /// algorithm is right and only `R`'s range failed inside it (reverse mode's adjoint x·x = 10⁶¹⁶ times
    /// exp′(x) = 0 at x = −10³⁰⁸ is ∞·0 in Double and 0 in Float80). Nil when `R` is already the extended
    /// type, when the rerun fails or times out, or when its entry is still non-finite or disagrees: then the
    /// strategy itself is at fault.
    static func widerPrecisionAgreement<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, function: any TestFunction,
        at point: [Double], entry: EntryJudgement, reference: [[ExtendedReal]], timeLimit: Double?, in _: R.Type
    ) -> String? {
        guard R.machineEpsilon.extendedValue > ExtendedReal.machineEpsilon else { return nil }
        let input = point.map { ExtendedReal($0) }
        guard
            let output = try? TimeLimit.run(seconds: timeLimit, {
                try strategy.derivative(of: function, at: input, variant: variant)
            }),
            output.jacobian.indices.contains(entry.row), output.jacobian[entry.row].indices.contains(entry.column)
        else { return nil }
        let wide = output.jacobian[entry.row][entry.column], exact = reference[entry.row][entry.column]
        guard wide.isFinite, exact.isFinite, (wide - exact).magnitude <= ExtendedReal(entry.bound) else { return nil }
        return "the same strategy in \(ExtendedReal.precisionName) gives \(NumberText.short(wide)), within the allowed error of "
            + "the reference (\(NumberText.short(exact))): an intermediate of its computation leaves the range of \(R.precisionName)"
    }

    /// The exponent e of the largest power of two 2ᵉ that is finite in `R` (127 for Float, 1023 for Double).
    static func largestFiniteExponent<R: RealNumber>(of _: R.Type) -> Int {
        var (finite, infinite) = (0, 1 << 15)
        while infinite - finite > 1 {
            let middle = (finite + infinite) / 2
            let power = ExtendedReal(sign: .plus, exponent: ExtendedReal.Exponent(middle), significand: 1)
            if power.isFinite, R(extended: power).isFinite { finite = middle } else { infinite = middle }
        }
        return finite
    }
}
