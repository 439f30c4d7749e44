import GradCheckCore

/// The functions whose exact complex formulas cancel catastrophically at a tiny imaginary part, computed
/// by the first-order lift
///
///     f(a + ib) ≈ f(a) + i·b·f′(a),
///
/// which is the analytic extension's Taylor series cut after the b term. The neglected terms are
/// −b²/2·f″(a) in the real part and −b³/6·f‴(a) in the imaginary part: relative O(b²), about 10⁻⁴⁰ at the
/// strategy's step, far below rounding. So these results are as exact as the complex formulas would be in
/// exact arithmetic — but each embeds its derivative f′, a hand-written rule like forward mode's.
///
/// Why not the complex formulas: asin z = −i·ln(iz + √(1 − z²)) forms 1 − z² = (1 − a²) + b² − 2iab and
/// then a logarithm whose real part is ln(1 + O(b²)); acos likewise; erf of a complex argument has no
/// elementary form (its series or continued fraction costs dozens of terms and would bring its own
/// truncation error); the principal complex cube root of a negative real is not the real cube root
/// (∛−8 = 1 + i√3), so ∛ needs the lift for a < 0 anyway; hypot(z, w) = √(z² + w²) and atan2(z, w) of two
/// complex arguments have no single principal-branch formula that reduces to the real functions; an
/// integer power zⁿ by repeated squaring multiplies the relative size b/a of the imaginary part by |n|,
/// so for |n| near 2⁶³ the O((n·b/a)²) terms the complex step neglects reach the result's leading digits,
/// and the squares overflow into ∞·0 = NaN long before the real power underflows.
/// Each function of real arguments is the real function itself.
extension ComplexStepNumber {
    /// asin(a + ib) ≈ asin a + i·b/√((1 − a)(1 + a)); the product form keeps 1 − a² accurate near |a| = 1.
    @inlinable public static func asin(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.asin(z.real)) }
        let a = z.real
        return Self(real: R.asin(a), imaginary: z.imaginary / R.sqrt((R(1) - a) * (R(1) + a)))
    }

    /// acos(a + ib) ≈ acos a − i·b/√((1 − a)(1 + a)).
    @inlinable public static func acos(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.acos(z.real)) }
        let a = z.real
        return Self(real: R.acos(a), imaginary: -z.imaginary / R.sqrt((R(1) - a) * (R(1) + a)))
    }

    /// erf(a + ib) ≈ erf a + i·b·(2/√π)·e^(−a²).
    @inlinable public static func erf(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.erf(z.real)) }
        let a = z.real
        return Self(real: R.erf(a), imaginary: twoOverRootPi * R.exp(-(a * a)) * z.imaginary)
    }

    /// ∛(a + ib) ≈ ∛a + i·b/(3·∛a²), the real cube root (defined for a < 0, as the real program's).
    @inlinable public static func cbrt(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.cbrt(z.real)) }
        let root = R.cbrt(z.real)
        return Self(real: root, imaginary: z.imaginary / (R(3) * root * root))
    }

    /// hypot(a + ib, c + id) ≈ r + i·((a/r)·b + (c/r)·d), r = hypot(a, c); the quotients keep a·b and c·d
    /// from overflowing where r itself does not.
    @inlinable public static func hypot(_ x: Self, _ y: Self) -> Self {
        let (a, b, c, d) = (x.real, x.imaginary, y.real, y.imaginary)
        let r = R.hypot(a, c)
        if b == R(0) && d == R(0) { return Self(real: r) }
        return Self(real: r, imaginary: a / r * b + c / r * d)
    }

    /// atan2(a + ib, c + id) ≈ atan2(a, c) + i·(c·b − a·d)/(a² + c²), computed as
    /// ((c/r)·b − (a/r)·d)/r with r = hypot(a, c) so that a² + c² is never formed.
    @inlinable public static func atan2(y: Self, x: Self) -> Self {
        let (a, b, c, d) = (y.real, y.imaginary, x.real, x.imaginary)
        let angle = R.atan2(y: a, x: c)
        if b == R(0) && d == R(0) { return Self(real: angle) }
        let r = R.hypot(a, c)
        return Self(real: angle, imaginary: (c / r * b - a / r * d) / r)
    }

    /// (a + ib)ⁿ ≈ aⁿ + i·b·n·aⁿ⁻¹ for every `Int` n, `Int.min` included; z⁰ = 1 exactly.
    ///
    /// Both powers come from `R.pow(_:_:)` with an integer exponent, so the real part is the real
    /// program's value bit for bit (a negative base included) and the imaginary part is b times the
    /// derivative forward mode computes: aⁿ⁻¹ is formed as aⁿ/a for n = `Int.min` (n − 1 does not exist),
    /// and n is converted to R once (exactly for |n| ≤ 2⁵³, to the nearest R beyond). Where aⁿ overflows
    /// or underflows, so does the derivative, with the real program's sign: at a = 1.5, n = −2⁶³ both are
    /// 0; at a = −1, n = −2⁶³ the value is 1 and the derivative n·(−1)ⁿ⁻¹ = 2⁶³.
    @inlinable public static func pow(_ z: Self, _ n: Int) -> Self {
        if n == 0 { return Self(real: R(1)) }
        let power = R.pow(z.real, n)
        if z.isReal { return Self(real: power) }
        if n == 1 { return z }
        return Self(real: power, imaginary: z.imaginary * R(Double(n)) * R.pow(z.real, oneBelow: n))
    }

    /// 2/√π, rounded once from extended precision into R.
    @inlinable static var twoOverRootPi: R { R(extended: 1.12837916709551257389615890312154517) }
}
