import GradCheckCore

/// A complex number a + i·b over any ``RealNumber``, made for the complex-step derivative.
///
/// For f analytic at a real x, f(x + i·h) = f(x) − h²/2·f″(x) + i·(h·f′(x) − h³/6·f‴(x)) + …, so
///
///     Re f(x + i·h) = f(x) + O(h²),    Im f(x + i·h) / h = f′(x) + O(h²).
///
/// Nothing is subtracted from a nearly equal value, so h may be tiny (10⁻²⁰ relative in ``ComplexStepStrategy``):
/// the truncation error O(h²) then lies 20 orders below `Double` rounding and the result is exact up to
/// rounding, like forward-mode AD, yet every rule is complex arithmetic, not a derivative rule.
///
/// **Keeping the tiny part.** Every operation is written so that an imaginary part of 10⁻²⁰·|a| survives:
/// products of two imaginary parts (O(h²)) may underflow, which is harmless; no formula forms a difference
/// like cosh b − 1 or |z| − a whose value is O(h²) and then divides by h². Where the exact complex formula
/// would do that (asin, acos, erf, cbrt, hypot, atan2), the function uses the *first-order lift*
/// f(a) + i·b·f′(a), which agrees with the analytic extension to O(b²) — about 10⁻⁴⁰ relative at the
/// strategy's step. See `ComplexStepNumber+ElementaryFunctions.swift` and its siblings for each formula.
///
/// **Real values stay real.** An elementary function of a value whose imaginary part is zero is the real
/// function itself (`log(-1)` is NaN, as in the real program, not iπ), so everything the perturbed input
/// does not reach is computed exactly as the real program computes it.
///
/// **Comparisons** (`<`, `==` and all derived from them) compare the real parts, as ``DifferentiableScalar``
/// requires. When either side has a non-zero imaginary part the comparison is reported to the
/// ``PerturbedComparisonMonitor``: a branch on a perturbed value (abs, max, min, relu, `if x < …`) makes
/// the program non-analytic in the perturbed input, and ``ComplexStepStrategy`` reports it as
/// unsupported. Those checks are instrumentation and are not counted as operations.
///
/// **Scope.** This is a complex-step number, not a general complex library: the first-order lifts (and the
/// real-exponent `pow` of a base in the left half-plane) are accurate only for imaginary parts much
/// smaller than the real part, which is the only way the strategy uses the type.
public struct ComplexStepNumber<R: RealNumber>: DifferentiableScalar, CustomStringConvertible {
    /// The real part: the value of the real program (to O(h²)).
    public var real: R
    /// The imaginary part: h times the directional derivative (to O(h³)).
    public var imaginary: R

    @inlinable public init(real: R, imaginary: R = R(0)) {
        self.real = real
        self.imaginary = imaginary
    }

    /// A real constant: imaginary part zero.
    @inlinable public init(_ constant: Double) {
        self.init(real: R(constant))
    }

    /// True when the imaginary part is exactly zero: the value does not depend on the perturbed input.
    @inlinable public var isReal: Bool { imaginary == R(0) }

    public var description: String {
        let b = imaginary.doubleValue
        return "\(real.doubleValue) \(b.sign == .minus ? "-" : "+") \(b.magnitude)i"
    }

    // MARK: Field operations

    @inlinable public static func + (lhs: Self, rhs: Self) -> Self {
        Self(real: lhs.real + rhs.real, imaginary: lhs.imaginary + rhs.imaginary)
    }

    @inlinable public static func - (lhs: Self, rhs: Self) -> Self {
        Self(real: lhs.real - rhs.real, imaginary: lhs.imaginary - rhs.imaginary)
    }

    @inlinable public static prefix func - (operand: Self) -> Self {
        Self(real: -operand.real, imaginary: -operand.imaginary)
    }

    /// (a + ib)(c + id) = (ac − bd) + i(ad + bc). With tiny b and d, bd is O(h²) and may underflow
    /// harmlessly; ad + bc is the product rule, each term rounded once.
    @inlinable public static func * (lhs: Self, rhs: Self) -> Self {
        let (a, b, c, d) = (lhs.real, lhs.imaginary, rhs.real, rhs.imaginary)
        return Self(real: a * c - b * d, imaginary: a * d + b * c)
    }

    /// Smith's algorithm: divide through by the larger of |c| and |d| so that no intermediate forms
    /// c² + d² (which overflows for |c| > 10¹⁵⁴ in `Double` and underflows for tiny ones).
    ///
    /// - d = 0 (a real divisor, the common case): (a/c, b/c), each rounded once.
    /// - |d| ≤ |c|: r = d/c, (a + ib)/(c + id) = ((a + b·r) + i(b − a·r)) / (c + d·r). With tiny d, r is
    ///   tiny, d·r is O(h²) and b − a·r is the quotient rule's numerator (b·c − a·d)/c.
    /// - |d| > |c|: the mirror image with r = c/d.
    @inlinable public static func / (lhs: Self, rhs: Self) -> Self {
        let (a, b, c, d) = (lhs.real, lhs.imaginary, rhs.real, rhs.imaginary)
        if d == R(0) { return Self(real: a / c, imaginary: b / c) }
        if d.magnitude <= c.magnitude {
            let r = d / c
            let denominator = c + d * r
            return Self(real: (a + b * r) / denominator, imaginary: (b - a * r) / denominator)
        }
        let r = c / d
        let denominator = c * r + d
        return Self(real: (a * r + b) / denominator, imaginary: (b * r - a) / denominator)
    }

    // MARK: Comparisons (on the real part; perturbed ones are reported)

    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool {
        noteComparison(lhs, rhs)
        return lhs.real < rhs.real
    }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        noteComparison(lhs, rhs)
        return lhs.real == rhs.real
    }

    /// Reports a comparison with a non-zero (or NaN) imaginary part on either side. The test widens to
    /// ``ExtendedReal`` (exact, and not counted by ``Counted``): it is bookkeeping, not arithmetic.
    @inlinable static func noteComparison(_ lhs: Self, _ rhs: Self) {
        if lhs.imaginary.extendedValue != 0 || rhs.imaginary.extendedValue != 0 {
            PerturbedComparisonMonitor.recordPerturbedComparison()
        }
    }
}
