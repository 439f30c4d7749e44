import GradCheckCore

/// The reference's derivative rules for the elementary functions, each the textbook f′(u)·u′ evaluated
/// in the number's `Real` (magnitudes: |f′(u)|·m, see ``ReferenceNumber``).
extension ReferenceNumber {
    typealias E = Real

    public static func exp(_ x: Self) -> Self {
        let e = E.exp(x.value)
        return x.chained(e, derivative: e)
    }
    public static func expm1(_ x: Self) -> Self {
        x.chained(E.expm1(x.value), derivative: E.exp(x.value))
    }
    public static func log(_ x: Self) -> Self {
        x.chained(E.log(x.value), derivative: 1 / x.value)
    }
    public static func log1p(_ x: Self) -> Self {
        x.chained(E.log1p(x.value), derivative: 1 / (1 + x.value))
    }
    public static func log2(_ x: Self) -> Self {
        x.chained(E.log2(x.value), derivative: 1 / (x.value * E.log(E(2))))
    }
    public static func log10(_ x: Self) -> Self {
        x.chained(E.log10(x.value), derivative: 1 / (x.value * E.log(E(10))))
    }
    public static func sin(_ x: Self) -> Self {
        x.chained(E.sin(x.value), derivative: E.cos(x.value))
    }
    public static func cos(_ x: Self) -> Self {
        x.chained(E.cos(x.value), derivative: -E.sin(x.value))
    }
    /// tan′ = 1 + tan².
    public static func tan(_ x: Self) -> Self {
        let t = E.tan(x.value)
        return x.chained(t, derivative: 1 + t * t)
    }
    public static func asin(_ x: Self) -> Self {
        x.chained(E.asin(x.value), derivative: 1 / E.sqrt(1 - x.value * x.value))
    }
    public static func acos(_ x: Self) -> Self {
        x.chained(E.acos(x.value), derivative: -1 / E.sqrt(1 - x.value * x.value))
    }
    public static func atan(_ x: Self) -> Self {
        x.chained(E.atan(x.value), derivative: 1 / (1 + x.value * x.value))
    }
    /// ∂atan2(y, x) = (x·dy − y·dx) / (x² + y²).
    public static func atan2(y: Self, x: Self) -> Self {
        let r2 = x.value * x.value + y.value * y.value
        return combining(E.atan2(y: y.value, x: x.value), x.value / r2, y, -y.value / r2, x)
    }
    public static func sinh(_ x: Self) -> Self {
        x.chained(E.sinh(x.value), derivative: E.cosh(x.value))
    }
    public static func cosh(_ x: Self) -> Self {
        x.chained(E.cosh(x.value), derivative: E.sinh(x.value))
    }
    /// tanh′ = 1 − tanh².
    public static func tanh(_ x: Self) -> Self {
        let t = E.tanh(x.value)
        return x.chained(t, derivative: 1 - t * t)
    }
    public static func sqrt(_ x: Self) -> Self {
        let s = E.sqrt(x.value)
        return x.chained(s, derivative: 1 / (2 * s))
    }
    /// ∛′ = 1 / (3·∛x²).
    public static func cbrt(_ x: Self) -> Self {
        let c = E.cbrt(x.value)
        return x.chained(c, derivative: 1 / (3 * c * c))
    }
    /// ∂(uᵛ) = v·uᵛ⁻¹·du + uᵛ·ln u·dv; the ln u term only when v varies (so u < 0 with a constant
    /// exponent stays finite).
    public static func pow(_ x: Self, _ y: Self) -> Self {
        let p = E.pow(x.value, y.value)
        let du = y.value * E.pow(x.value, y.value - 1)
        let dv = y.partials.isEmpty ? 0 : p * E.log(x.value)
        return combining(p, du, x, dv, y)
    }
    /// ∂hypot(u, v) = (u·du + v·dv) / hypot(u, v).
    public static func hypot(_ x: Self, _ y: Self) -> Self {
        let h = E.hypot(x.value, y.value)
        return combining(h, x.value / h, x, y.value / h, y)
    }
    /// erf′ = 2/√π · e^(−x²).
    public static func erf(_ x: Self) -> Self {
        let twoOverRootPi = E(extended: 1.1283791670955125738961589031215452)
        return x.chained(E.erf(x.value), derivative: twoOverRootPi * E.exp(-x.value * x.value))
    }
}
