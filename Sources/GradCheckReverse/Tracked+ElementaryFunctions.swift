import GradCheckCore

/// The local partial derivatives reverse mode records for the elementary functions.
///
/// Each function computes its value with the same function of `Value` as the plain program and records
/// ∂v/∂u (and ∂v/∂w for the binary ones), evaluated at the operands when the node is recorded; the reverse
/// sweep only multiplies them by adjoints. The comments give each partial and where it loses accuracy.
extension Tracked {
    // MARK: Constants (high + low double: full accuracy also in extended precision)

    /// 1/ln 2 = 1.442695040888963407359…
    @inlinable static var reciprocalLogOf2: Value { Value(1.4426950408889634) + Value(2.0355273740931033e-17) }
    /// 1/ln 10 = 0.434294481903251827651…
    @inlinable static var reciprocalLogOf10: Value { Value(0.4342944819032518) + Value(1.098319650216765e-17) }
    /// 2/√π = 1.128379167095512573896…
    @inlinable static var twoOverSqrtPi: Value { Value(1.1283791670955126) + Value(1.533545961316588e-17) }

    // MARK: Exponentials and logarithms

    /// ∂eᵘ/∂u = eᵘ, the value itself (no extra work). Overflows with the value.
    @inlinable public static func exp(_ x: Tracked) -> Tracked {
        let e = Value.exp(x.value)
        return unary(.exp, x, value: e) { e }
    }

    /// ∂(eᵘ − 1)/∂u = eᵘ, computed by exp: value + 1 would lose everything for u ≪ 0.
    @inlinable public static func expm1(_ x: Tracked) -> Tracked {
        unary(.expm1, x, value: Value.expm1(x.value)) { Value.exp(x.value) }
    }

    /// ∂ln u/∂u = 1/u. ±∞ at u = 0.
    @inlinable public static func log(_ x: Tracked) -> Tracked {
        unary(.log, x, value: Value.log(x.value)) { Value(1) / x.value }
    }

    /// ∂ln(1 + u)/∂u = 1/(1 + u); 1 + u is exact for u in [−½, 1], so accurate up to the pole at −1.
    @inlinable public static func log1p(_ x: Tracked) -> Tracked {
        unary(.log1p, x, value: Value.log1p(x.value)) { Value(1) / (x.value + Value(1)) }
    }

    /// ∂log₂ u/∂u = (1/ln 2)/u.
    @inlinable public static func log2(_ x: Tracked) -> Tracked {
        unary(.log2, x, value: Value.log2(x.value)) { reciprocalLogOf2 / x.value }
    }

    /// ∂log₁₀ u/∂u = (1/ln 10)/u.
    @inlinable public static func log10(_ x: Tracked) -> Tracked {
        unary(.log10, x, value: Value.log10(x.value)) { reciprocalLogOf10 / x.value }
    }

    // MARK: Trigonometric functions

    /// ∂sin u/∂u = cos u (large relative error only near zeros of cos, as for cos itself).
    @inlinable public static func sin(_ x: Tracked) -> Tracked {
        unary(.sin, x, value: Value.sin(x.value)) { Value.cos(x.value) }
    }

    /// ∂cos u/∂u = −sin u.
    @inlinable public static func cos(_ x: Tracked) -> Tracked {
        unary(.cos, x, value: Value.cos(x.value)) { -Value.sin(x.value) }
    }

    /// ∂tan u/∂u = 1/cos²u. Accurate to a few ulps wherever cos u is, i.e. except very near the poles,
    /// where the argument's own rounding dominates.
    @inlinable public static func tan(_ x: Tracked) -> Tracked {
        unary(.tan, x, value: Value.tan(x.value)) {
            let c = Value.cos(x.value)
            return Value(1) / (c * c)
        }
    }

    /// ∂arcsin u/∂u = 1/√((1 − u)(1 + u)): the factored radicand has no cancellation near |u| = 1, so the
    /// partial is accurate up to the branch points, where it is +∞.
    @inlinable public static func asin(_ x: Tracked) -> Tracked {
        unary(.asin, x, value: Value.asin(x.value)) {
            Value(1) / Value.sqrt((Value(1) - x.value) * (Value(1) + x.value))
        }
    }

    /// ∂arccos u/∂u = −1/√((1 − u)(1 + u)). As `asin`.
    @inlinable public static func acos(_ x: Tracked) -> Tracked {
        unary(.acos, x, value: Value.acos(x.value)) {
            Value(-1) / Value.sqrt((Value(1) - x.value) * (Value(1) + x.value))
        }
    }

    /// ∂arctan u/∂u = 1/(1 + u²); u² overflows past ~1e154 (Double), giving 0, the rounded true value.
    @inlinable public static func atan(_ x: Tracked) -> Tracked {
        unary(.atan, x, value: Value.atan(x.value)) { Value(1) / (Value(1) + x.value * x.value) }
    }

    /// v = atan2(w, u), the angle of (u, w): ∂v/∂w = u/(u² + w²), ∂v/∂u = −w/(u² + w²). Over- or
    /// underflow of u² + w² only when both coordinates exceed ~1e±154 (Double); NaN at the origin.
    @inlinable public static func atan2(y: Tracked, x: Tracked) -> Tracked {
        let v = Value.atan2(y: y.value, x: x.value)
        return binary(
            y, x, value: v,
            both: { storage, w, u in
                let r2 = x.value * x.value + y.value * y.value
                return storage.record(.atan2, w, u, partials: x.value / r2, -(y.value / r2), value: v)
            },
            lhsOnly: { storage, w in
                storage.record(.atan2, w, partial: x.value / (x.value * x.value + y.value * y.value), value: v)
            },
            rhsOnly: { storage, u in
                storage.record(.atan2, u, partial: -(y.value / (x.value * x.value + y.value * y.value)), value: v)
            })
    }

    // MARK: Hyperbolic functions

    /// ∂sinh u/∂u = cosh u.
    @inlinable public static func sinh(_ x: Tracked) -> Tracked {
        unary(.sinh, x, value: Value.sinh(x.value)) { Value.cosh(x.value) }
    }

    /// ∂cosh u/∂u = sinh u (accurate near 0, unlike forms built on cosh − 1).
    @inlinable public static func cosh(_ x: Tracked) -> Tracked {
        unary(.cosh, x, value: Value.cosh(x.value)) { Value.sinh(x.value) }
    }

    /// ∂tanh u/∂u = 1/cosh²u. (1 − tanh²u would be pure rounding error for |u| beyond a few units and
    /// exactly 0 past ~19 in Double; 1/cosh²u keeps full relative accuracy until cosh² overflows.)
    @inlinable public static func tanh(_ x: Tracked) -> Tracked {
        unary(.tanh, x, value: Value.tanh(x.value)) {
            let c = Value.cosh(x.value)
            return Value(1) / (c * c)
        }
    }

    // MARK: Roots and powers

    /// ∂√u/∂u = ½/√u, from the value. +∞ at u = 0.
    @inlinable public static func sqrt(_ x: Tracked) -> Tracked {
        let root = Value.sqrt(x.value)
        return unary(.sqrt, x, value: root) { Value(0.5) / root }
    }

    /// ∂∛u/∂u = 1/(3·∛u²), from the value; the real cube root, so fine for u < 0. +∞ at u = 0.
    @inlinable public static func cbrt(_ x: Tracked) -> Tracked {
        let root = Value.cbrt(x.value)
        return unary(.cbrt, x, value: root) { Value(1) / (Value(3) * (root * root)) }
    }

    /// p = uʷ: ∂p/∂u = w·uʷ⁻¹, ∂p/∂w = p·ln u.
    ///
    /// A constant exponent records only ∂p/∂u, so ln u is never formed: a negative base with an integer
    /// exponent, pow(−2, 3), gets 3·(−2)² = 12, not NaN. A constant base records only ∂p/∂w. Where p = 0
    /// (u = 0, w > 0) ∂p/∂w is 0, the limit of uʷ·ln u, rather than 0·(−∞). uʷ⁻¹ is computed directly,
    /// not as p/u, which would fail at u = 0.
    @inlinable public static func pow(_ x: Tracked, _ y: Tracked) -> Tracked {
        let p = Value.pow(x.value, y.value)
        return binary(
            x, y, value: p,
            both: { storage, u, w in
                storage.record(
                    .pow, u, w, partials: powerBasePartial(x.value, y.value), powerExponentPartial(p, x.value),
                    value: p)
            },
            lhsOnly: { $0.record(.pow, $1, partial: powerBasePartial(x.value, y.value), value: p) },
            rhsOnly: { $0.record(.pow, $1, partial: powerExponentPartial(p, x.value), value: p) })
    }

    /// ∂uʷ/∂u = w·uʷ⁻¹.
    @inlinable static func powerBasePartial(_ base: Value, _ exponent: Value) -> Value {
        exponent * Value.pow(base, exponent - Value(1))
    }

    /// ∂uʷ/∂w = uʷ·ln u, and 0 where uʷ = 0.
    @inlinable static func powerExponentPartial(_ power: Value, _ base: Value) -> Value {
        power == Value(0) ? Value(0) : power * Value.log(base)
    }

    /// h = hypot(u, w): ∂h/∂u = u/h, ∂h/∂w = w/h, both in [−1, 1] (no overflow where h has none); NaN at
    /// the origin, where h has no derivative.
    @inlinable public static func hypot(_ x: Tracked, _ y: Tracked) -> Tracked {
        let h = Value.hypot(x.value, y.value)
        return binary(
            x, y, value: h,
            both: { $0.record(.hypot, $1, $2, partials: x.value / h, y.value / h, value: h) },
            lhsOnly: { $0.record(.hypot, $1, partial: x.value / h, value: h) },
            rhsOnly: { $0.record(.hypot, $1, partial: y.value / h, value: h) })
    }

    // MARK: Special functions

    /// ∂erf u/∂u = (2/√π)·e^(−u²); underflows to 0 (the rounded truth) past |u| ≈ 26.5 in Double.
    @inlinable public static func erf(_ x: Tracked) -> Tracked {
        unary(.erf, x, value: Value.erf(x.value)) { twoOverSqrtPi * Value.exp(-(x.value * x.value)) }
    }
}
