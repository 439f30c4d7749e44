import GradCheckCore

/// The derivative rules of chunked forward mode: f(u)˙ₛ = f′(u)·u̇ₛ for every partial s, with f′ formed
/// once per operation. The formulas (and where they lose accuracy) are those of ``Dual``; the factor is
/// computed the same way, so each partial is bit-for-bit what a scalar ``Dual`` seeded with that
/// direction computes.
extension ChunkedDual {
    // MARK: Exponentials and logarithms

    /// (eᵘ)˙ = eᵘ·u̇, reusing the value.
    @inlinable public static func exp(_ x: ChunkedDual) -> ChunkedDual {
        let e = Value.exp(x.value)
        return x.chained(to: e, derivative: e)
    }

    /// (eᵘ − 1)˙ = eᵘ·u̇, with eᵘ computed afresh (value + 1 would lose everything for u ≪ 0).
    @inlinable public static func expm1(_ x: ChunkedDual) -> ChunkedDual {
        x.chained(to: Value.expm1(x.value), derivative: Value.exp(x.value))
    }

    /// (ln u)˙ = u̇/u. Each partial is divided (not multiplied by 1/u) so that it matches ``Dual`` exactly.
    @inlinable public static func log(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.log(x.value), by: x.value)
    }

    /// (ln(1 + u))˙ = u̇/(1 + u), accurate up to the pole at u = −1.
    @inlinable public static func log1p(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.log1p(x.value), by: Value(1) + x.value)
    }

    /// (log₂ u)˙ = u̇/(u·ln 2).
    @inlinable public static func log2(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.log2(x.value), by: x.value * Dual<Value>.logOf2)
    }

    /// (log₁₀ u)˙ = u̇/(u·ln 10).
    @inlinable public static func log10(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.log10(x.value), by: x.value * Dual<Value>.logOf10)
    }

    // MARK: Trigonometric functions

    /// (sin u)˙ = cos u·u̇.
    @inlinable public static func sin(_ x: ChunkedDual) -> ChunkedDual {
        x.chained(to: Value.sin(x.value), derivative: Value.cos(x.value))
    }

    /// (cos u)˙ = −sin u·u̇.
    @inlinable public static func cos(_ x: ChunkedDual) -> ChunkedDual {
        let s = Value.sin(x.value)
        return x.mapped(to: Value.cos(x.value)) { -(s * $0) }
    }

    /// (tan u)˙ = (1 + tan²u)·u̇, reusing the value.
    @inlinable public static func tan(_ x: ChunkedDual) -> ChunkedDual {
        let t = Value.tan(x.value)
        return x.chained(to: t, derivative: Value(1) + t * t)
    }

    /// (arcsin u)˙ = u̇/√((1 − u)(1 + u)): no cancellation near |u| = 1.
    @inlinable public static func asin(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.asin(x.value), by: Value.sqrt((Value(1) - x.value) * (Value(1) + x.value)))
    }

    /// (arccos u)˙ = −u̇/√((1 − u)(1 + u)).
    @inlinable public static func acos(_ x: ChunkedDual) -> ChunkedDual {
        let root = Value.sqrt((Value(1) - x.value) * (Value(1) + x.value))
        return x.mapped(to: Value.acos(x.value)) { -($0 / root) }
    }

    /// (arctan u)˙ = u̇/(1 + u²).
    @inlinable public static func atan(_ x: ChunkedDual) -> ChunkedDual {
        x.divided(to: Value.atan(x.value), by: Value(1) + x.value * x.value)
    }

    /// atan2(v, u)˙ = (u·v̇ − v·u̇)/(u² + v²), the angle of (u, v); NaN at the origin.
    @inlinable public static func atan2(y: ChunkedDual, x: ChunkedDual) -> ChunkedDual {
        let squaredRadius = x.value * x.value + y.value * y.value
        return merged(y, x, to: Value.atan2(y: y.value, x: x.value)) { dy, dx in
            (x.value * dy - y.value * dx) / squaredRadius
        }
    }

    // MARK: Hyperbolic functions

    /// (sinh u)˙ = cosh u·u̇.
    @inlinable public static func sinh(_ x: ChunkedDual) -> ChunkedDual {
        x.chained(to: Value.sinh(x.value), derivative: Value.cosh(x.value))
    }

    /// (cosh u)˙ = sinh u·u̇ (accurate at 0).
    @inlinable public static func cosh(_ x: ChunkedDual) -> ChunkedDual {
        x.chained(to: Value.cosh(x.value), derivative: Value.sinh(x.value))
    }

    /// (tanh u)˙ = u̇/cosh²u: full relative accuracy where 1 − tanh²u would be pure rounding error.
    @inlinable public static func tanh(_ x: ChunkedDual) -> ChunkedDual {
        let c = Value.cosh(x.value)
        return x.divided(to: Value.tanh(x.value), by: c * c)
    }

    // MARK: Roots and powers

    /// (√u)˙ = u̇/(2√u), reusing the value.
    @inlinable public static func sqrt(_ x: ChunkedDual) -> ChunkedDual {
        let root = Value.sqrt(x.value)
        return x.divided(to: root, by: Value(2) * root)
    }

    /// (∛u)˙ = u̇/(3·∛u²), reusing the value; defined for u < 0.
    @inlinable public static func cbrt(_ x: ChunkedDual) -> ChunkedDual {
        let root = Value.cbrt(x.value)
        return x.divided(to: root, by: Value(3) * root * root)
    }

    /// (uʷ)˙ₛ = w·uʷ⁻¹·u̇ₛ + uʷ·ln u·ẇₛ, decided per direction s exactly as ``Dual/pow(_:_:)-(Dual,Dual)``
    /// decides for its one tangent: each term is formed only where its own partial is not exactly zero (at
    /// every nesting level), and the ẇ-term is 0 where uʷ = 0 (the limit of uʷ·ln u).
    ///
    /// Deciding per chunk instead would let one direction's infinite local derivative reach another: for
    /// f(a, b) = a^0.5 + b at a = 0, w·uʷ⁻¹ = ∞ multiplied into the b-direction's zero partial gives
    /// ∂f/∂b = ∞·0 = NaN, where the scalar dual number, which never forms the term, gives 1.
    @inlinable public static func pow(_ x: ChunkedDual, _ y: ChunkedDual) -> ChunkedDual {
        let power = Value.pow(x.value, y.value)
        guard x.carrying || y.carrying else { return ChunkedDual(value: power, unusedStorage: x.storedPartials) }
        let baseDerivative = x.carrying ? y.value * Value.pow(x.value, y.value - Value(1)) : Value(0)
        let exponentDerivative: Value? = y.carrying && !(power == Value(0)) ? power * Value.log(x.value) : nil
        var partials = InlineArray<width, Value>(repeating: Value(0))
        for s in 0..<width {
            var partial: Value? = nil
            if x.carrying, !Dual<Value>.isExactlyZero(x.storedPartials[s]) {
                partial = baseDerivative * x.storedPartials[s]
            }
            if let exponentDerivative, !Dual<Value>.isExactlyZero(y.storedPartials[s]) {
                let term = exponentDerivative * y.storedPartials[s]
                partial = partial.map { $0 + term } ?? term
            }
            if let partial { partials[s] = partial }
        }
        return ChunkedDual(value: power, partials: partials)
    }

    /// hypot(u, w)˙ = (u/h)·u̇ + (w/h)·ẇ: the ratios lie in [−1, 1]; NaN at the origin.
    @inlinable public static func hypot(_ x: ChunkedDual, _ y: ChunkedDual) -> ChunkedDual {
        let h = Value.hypot(x.value, y.value)
        return combined(x, x.value / h, y, y.value / h, value: h)
    }

    // MARK: Special functions

    /// (erf u)˙ = (2/√π)·e^(−u²)·u̇.
    @inlinable public static func erf(_ x: ChunkedDual) -> ChunkedDual {
        let gaussian = Value.exp(-(x.value * x.value))
        return x.chained(to: Value.erf(x.value), derivative: Dual<Value>.twoOverRootPi * gaussian)
    }

    // MARK: Helpers

    /// The number with value `newValue` and every partial divided by `divisor`: u̇ₛ/d.
    @inlinable @inline(always) func divided(to newValue: Value, by divisor: Value) -> ChunkedDual {
        mapped(to: newValue) { $0 / divisor }
    }
}
