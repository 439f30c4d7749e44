/// The elementary functions every scalar of GradCheck provides, as static requirements.
///
/// The set is the one the `.grad` language exposes (see `Docs/suite-language.md`), minus the functions that are
/// compositions of these (`cot`, `abs`, `max`, `min`, `relu`, `sigmoid`, `softplus`), which
/// ``DifferentiableScalar`` supplies from the primitives so that every number type gets them for free.
///
/// Conformers implement each function with their own rules: the plain reals call the C library, a dual
/// number applies the derivative of the function to its tangent, a tape records a node, a symbolic
/// tracer builds an expression. Domain errors follow IEEE 754 (`log(-1)` is NaN, `log(0)` is −∞): they are
/// values, never traps.
public protocol ScalarElementaryFunctions {
    /// eˣ.
    static func exp(_ x: Self) -> Self
    /// eˣ − 1, accurate for small |x|.
    static func expm1(_ x: Self) -> Self
    /// The natural logarithm ln x.
    static func log(_ x: Self) -> Self
    /// ln(1 + x), accurate for small |x|.
    static func log1p(_ x: Self) -> Self
    /// log₂ x.
    static func log2(_ x: Self) -> Self
    /// log₁₀ x.
    static func log10(_ x: Self) -> Self
    /// sin x (radians).
    static func sin(_ x: Self) -> Self
    /// cos x (radians).
    static func cos(_ x: Self) -> Self
    /// tan x (radians).
    static func tan(_ x: Self) -> Self
    /// arcsin x, in [−π/2, π/2].
    static func asin(_ x: Self) -> Self
    /// arccos x, in [0, π].
    static func acos(_ x: Self) -> Self
    /// arctan x, in (−π/2, π/2).
    static func atan(_ x: Self) -> Self
    /// The angle of the point (x, y), in (−π, π].
    static func atan2(y: Self, x: Self) -> Self
    /// sinh x.
    static func sinh(_ x: Self) -> Self
    /// cosh x.
    static func cosh(_ x: Self) -> Self
    /// tanh x.
    static func tanh(_ x: Self) -> Self
    /// √x.
    static func sqrt(_ x: Self) -> Self
    /// ∛x (real cube root, defined for negative x).
    static func cbrt(_ x: Self) -> Self
    /// xʸ for real exponents.
    static func pow(_ x: Self, _ y: Self) -> Self
    /// √(x² + y²) without undue overflow or underflow.
    static func hypot(_ x: Self, _ y: Self) -> Self
    /// The error function erf x = (2/√π)∫₀ˣ e^(−t²) dt.
    static func erf(_ x: Self) -> Self
}
