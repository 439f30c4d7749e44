import GradCheckCore

/// The derivative rules of forward mode for the elementary functions: f(u + u̇ε) = f(u) + f′(u)·u̇ε.
///
/// Every value is computed by the same function of `Value` as the plain program computes it; the rule
/// only adds the tangent. The comments give each rule's formula and where it loses accuracy; "relative
/// accuracy of a few ulps" means the tangent is as accurate as the derivative's condition allows.
extension Dual {
    // MARK: Constants, split in two doubles so that extended precision gets them to full accuracy.

    /// ln 2 = 0.693147180559945309417… (high part + low part; the sum is exact to ~1e-33).
    @inlinable static var logOf2: Value { Value(0.6931471805599453) + Value(2.3190468138462996e-17) }
    /// ln 10 = 2.302585092994045684017…
    @inlinable static var logOf10: Value { Value(2.302585092994046) + Value(-2.1707562233822494e-16) }
    /// 2/√π = 1.128379167095512573896…
    @inlinable static var twoOverRootPi: Value { Value(1.1283791670955126) + Value(1.533545961316588e-17) }

    // MARK: Exponentials and logarithms

    /// (eᵘ)˙ = eᵘ·u̇, reusing the value. Relative accuracy of a few ulps; overflows with the value.
    @inlinable public static func exp(_ x: Dual) -> Dual {
        let e = Value.exp(x.value)
        return Dual(value: e, tangent: e * x.tangent)
    }

    /// (eᵘ − 1)˙ = eᵘ·u̇. The factor eᵘ is computed afresh rather than as value + 1, which would lose all
    /// accuracy for u ≪ 0 (where eᵘ is below the rounding error of −1).
    @inlinable public static func expm1(_ x: Dual) -> Dual {
        Dual(value: Value.expm1(x.value), tangent: Value.exp(x.value) * x.tangent)
    }

    /// (ln u)˙ = u̇/u. Exact up to one rounding; ±∞ at u = 0, NaN for u < 0 like the value.
    @inlinable public static func log(_ x: Dual) -> Dual {
        Dual(value: Value.log(x.value), tangent: x.tangent / x.value)
    }

    /// (ln(1 + u))˙ = u̇/(1 + u). The sum 1 + u is exact for u in [−½, 1] (Sterbenz) and correctly rounded
    /// elsewhere, so the tangent keeps full relative accuracy even near the pole u = −1.
    @inlinable public static func log1p(_ x: Dual) -> Dual {
        Dual(value: Value.log1p(x.value), tangent: x.tangent / (Value(1) + x.value))
    }

    /// (log₂ u)˙ = u̇/(u·ln 2).
    @inlinable public static func log2(_ x: Dual) -> Dual {
        Dual(value: Value.log2(x.value), tangent: x.tangent / (x.value * logOf2))
    }

    /// (log₁₀ u)˙ = u̇/(u·ln 10).
    @inlinable public static func log10(_ x: Dual) -> Dual {
        Dual(value: Value.log10(x.value), tangent: x.tangent / (x.value * logOf10))
    }

    // MARK: Trigonometric functions

    /// (sin u)˙ = cos u·u̇. Near a zero of cos u the tangent has large relative error (absolute error
    /// stays a few ulps of |u̇|), as for any evaluation of cos at a large or rounded argument.
    @inlinable public static func sin(_ x: Dual) -> Dual {
        Dual(value: Value.sin(x.value), tangent: Value.cos(x.value) * x.tangent)
    }

    /// (cos u)˙ = −sin u·u̇. Same caveat as `sin` near zeros of sin u.
    @inlinable public static func cos(_ x: Dual) -> Dual {
        Dual(value: Value.cos(x.value), tangent: -(Value.sin(x.value) * x.tangent))
    }

    /// (tan u)˙ = (1 + tan²u)·u̇, reusing the value. Accurate wherever tan u is; grows like 1/(u − π/2)²
    /// near the poles, where the argument's own rounding dominates.
    @inlinable public static func tan(_ x: Dual) -> Dual {
        let t = Value.tan(x.value)
        return Dual(value: t, tangent: (Value(1) + t * t) * x.tangent)
    }

    /// (arcsin u)˙ = u̇/√((1 − u)(1 + u)). The factored form avoids the cancellation of 1 − u² near
    /// |u| = 1 (1 − u is exact there), so the tangent keeps full relative accuracy up to the branch points,
    /// where it is ±∞.
    @inlinable public static func asin(_ x: Dual) -> Dual {
        let root = Value.sqrt((Value(1) - x.value) * (Value(1) + x.value))
        return Dual(value: Value.asin(x.value), tangent: x.tangent / root)
    }

    /// (arccos u)˙ = −u̇/√((1 − u)(1 + u)). As `asin`.
    @inlinable public static func acos(_ x: Dual) -> Dual {
        let root = Value.sqrt((Value(1) - x.value) * (Value(1) + x.value))
        return Dual(value: Value.acos(x.value), tangent: -(x.tangent / root))
    }

    /// (arctan u)˙ = u̇/(1 + u²). For |u| > ~1e154 (Double) u² overflows and the tangent is 0, which is
    /// the correctly rounded result anyway (the true value underflows).
    @inlinable public static func atan(_ x: Dual) -> Dual {
        Dual(value: Value.atan(x.value), tangent: x.tangent / (Value(1) + x.value * x.value))
    }

    /// atan2(v, u)˙ = (u·v̇ − v·u̇)/(u² + v²) for the angle of the point (u, v). Loses accuracy (overflow
    /// or underflow of u² + v²) only when |u| and |v| are both beyond ~1e±154 (Double); undefined (NaN) at
    /// the origin, where the angle has no derivative.
    @inlinable public static func atan2(y: Dual, x: Dual) -> Dual {
        let squaredRadius = x.value * x.value + y.value * y.value
        let tangent = (x.value * y.tangent - y.value * x.tangent) / squaredRadius
        return Dual(value: Value.atan2(y: y.value, x: x.value), tangent: tangent)
    }

    // MARK: Hyperbolic functions

    /// (sinh u)˙ = cosh u·u̇. Full relative accuracy; overflows with the value.
    @inlinable public static func sinh(_ x: Dual) -> Dual {
        Dual(value: Value.sinh(x.value), tangent: Value.cosh(x.value) * x.tangent)
    }

    /// (cosh u)˙ = sinh u·u̇. Full relative accuracy (sinh is accurate at 0, unlike cosh − 1 forms).
    @inlinable public static func cosh(_ x: Dual) -> Dual {
        Dual(value: Value.cosh(x.value), tangent: Value.sinh(x.value) * x.tangent)
    }

    /// (tanh u)˙ = u̇/cosh²u. The textbook 1 − tanh²u loses all relative accuracy for |u| beyond a few
    /// units (tanh u rounds to ±1 and the difference is pure rounding error; it is exactly 0 past |u| ≈ 19
    /// in Double, while the true derivative is 4e^(−2|u|)); dividing by cosh²u keeps full relative
    /// accuracy until cosh² overflows (|u| > ~355), where 0 is correct to rounding.
    @inlinable public static func tanh(_ x: Dual) -> Dual {
        let c = Value.cosh(x.value)
        return Dual(value: Value.tanh(x.value), tangent: x.tangent / (c * c))
    }

    // MARK: Roots and powers

    /// (√u)˙ = u̇/(2√u), reusing the value. +∞ at u = 0 (NaN if also u̇ = 0), NaN for u < 0.
    @inlinable public static func sqrt(_ x: Dual) -> Dual {
        let root = Value.sqrt(x.value)
        return Dual(value: root, tangent: x.tangent / (Value(2) * root))
    }

    /// (∛u)˙ = u̇/(3·∛u²), reusing the value; defined for negative u (the real cube root), +∞ at u = 0.
    @inlinable public static func cbrt(_ x: Dual) -> Dual {
        let root = Value.cbrt(x.value)
        return Dual(value: root, tangent: x.tangent / (Value(3) * root * root))
    }

    /// (uʷ)˙ = w·uʷ⁻¹·u̇ + uʷ·ln u·ẇ.
    ///
    /// Each term is formed only when its tangent is not exactly zero (at every nesting level), so:
    /// - a constant exponent (ẇ = 0) never touches ln u: a negative base with an integer exponent, e.g.
    ///   pow(−2, 3), gets the right tangent 3·(−2)²·u̇ = 12u̇ instead of NaN from ln(−2)·0;
    /// - a constant base (u̇ = 0) gives uʷ·ln u·ẇ even at u = 0 with w < 1, where w·uʷ⁻¹ is infinite.
    ///
    /// Where uʷ = 0 (u = 0, w > 0) the ẇ-term is 0, the limit of uʷ·ln u (instead of 0·(−∞) = NaN). The
    /// power uʷ⁻¹ is computed directly rather than as uʷ/u, which would fail at u = 0.
    @inlinable public static func pow(_ x: Dual, _ y: Dual) -> Dual {
        let power = Value.pow(x.value, y.value)
        var tangent: Value? = nil
        if !isExactlyZero(x.tangent) {
            tangent = y.value * Value.pow(x.value, y.value - Value(1)) * x.tangent
        }
        if !isExactlyZero(y.tangent), !(power == Value(0)) {
            let exponentTerm = power * Value.log(x.value) * y.tangent
            tangent = tangent.map { $0 + exponentTerm } ?? exponentTerm
        }
        return Dual(value: power, tangent: tangent ?? Value(0))
    }

    /// hypot(u, w)˙ = (u/h)·u̇ + (w/h)·ẇ with h = hypot(u, w). The ratios u/h and w/h lie in [−1, 1], so
    /// nothing overflows or underflows where h itself does not; NaN at the origin (no derivative there).
    @inlinable public static func hypot(_ x: Dual, _ y: Dual) -> Dual {
        let h = Value.hypot(x.value, y.value)
        return Dual(value: h, tangent: x.value / h * x.tangent + y.value / h * y.tangent)
    }

    // MARK: Special functions

    /// (erf u)˙ = (2/√π)·e^(−u²)·u̇. Full relative accuracy until e^(−u²) underflows (|u| > ~26.5 in
    /// Double), where 0 is the correctly rounded derivative.
    @inlinable public static func erf(_ x: Dual) -> Dual {
        let gaussian = Value.exp(-(x.value * x.value))
        return Dual(value: Value.erf(x.value), tangent: twoOverRootPi * gaussian * x.tangent)
    }
}
