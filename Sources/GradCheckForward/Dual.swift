import GradCheckCore

/// A dual number v + v̇ε with ε² = 0: a value and its tangent (directional derivative), the number type of
/// forward-mode automatic differentiation.
///
/// Running a program on dual numbers runs the forward primal trace and the forward tangent trace together:
/// every operation computes its value exactly as the plain type would (`value` is bit-for-bit the result of
/// the same operation on `Value`, so branches take the same path) and applies its own derivative rule to the
/// tangents, v̇ = f′(u)·u̇ for a unary f, v̇ = ∂f/∂u·u̇ + ∂f/∂w·ẇ for a binary one. Seeding the inputs with
/// the tangent eⱼ gives ∂f/∂xⱼ in the outputs' tangents: one column of the Jacobian per pass.
///
/// Comparisons (`<`, `==`, …) compare the primal values only; the tangents are ignored.
///
/// ## Nesting
/// `Value` is any ``DifferentiableScalar``, dual numbers included: `Dual<Dual<Double>>` carries a second,
/// independent perturbation and gives second derivatives (seed the inner level with the tangent of one
/// direction and the outer level with another; the outer tangent's inner tangent is the mixed second
/// derivative). Perturbation confusion cannot happen between levels: each nesting level is a distinct
/// type, a value of an enclosing computation enters an inner one only through an explicit, visible
/// conversion (`Dual(value: x)`, tangent zero at the new level), and a rule only ever combines tangents of
/// its own level.
public struct Dual<Value: DifferentiableScalar>: DifferentiableScalar {
    /// The primal value v.
    public var value: Value
    /// The tangent v̇: the derivative of `value` along the seeded direction.
    public var tangent: Value

    /// A dual number with the given value and tangent (zero by default: a constant at this level).
    @inlinable public init(value: Value, tangent: Value = 0) {
        self.value = value
        self.tangent = tangent
    }

    /// A constant: the value `constant`, tangent zero.
    @inlinable public init(_ constant: Double) {
        value = Value(constant)
        tangent = Value(0)
    }

    /// An independent variable: the value `value` with tangent one (the seed of its own direction).
    @inlinable public static func variable(_ value: Value) -> Dual {
        Dual(value: value, tangent: Value(1))
    }
}

// MARK: - Field operations

extension Dual {
    /// (u + w)˙ = u̇ + ẇ. Exact up to the rounding of the one addition.
    @inlinable public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value + rhs.value, tangent: lhs.tangent + rhs.tangent)
    }

    /// (u − w)˙ = u̇ − ẇ. Suffers the same cancellation as the values when u̇ ≈ ẇ.
    @inlinable public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value - rhs.value, tangent: lhs.tangent - rhs.tangent)
    }

    /// (−u)˙ = −u̇. Exact.
    @inlinable public static prefix func - (operand: Dual) -> Dual {
        Dual(value: -operand.value, tangent: -operand.tangent)
    }

    /// (u·w)˙ = u̇·w + u·ẇ (product rule).
    @inlinable public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value * rhs.value, tangent: lhs.tangent * rhs.value + lhs.value * rhs.tangent)
    }

    /// (u/w)˙ = (u̇ − q·ẇ)/w with q = u/w (quotient rule, reusing the quotient so that no w² is formed:
    /// no overflow or underflow of w² for large or tiny w). At w = 0 the tangent is ±∞ or NaN, like q.
    @inlinable public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let quotient = lhs.value / rhs.value
        return Dual(value: quotient, tangent: (lhs.tangent - quotient * rhs.tangent) / rhs.value)
    }

    /// (uⁿ)˙ = n·uⁿ⁻¹·u̇ for an integer n; (u⁰)˙ = 0 exactly, also at u = 0.
    ///
    /// Both powers are computed by `Value.pow(_:_:)` with an integer exponent (the value exactly as the
    /// plain type computes it), so a negative base is fine. At u = 0 the tangent is 0 for n ≥ 2, u̇ for
    /// n = 1 and ±∞ for n < 0 (a pole).
    @inlinable public static func pow(_ x: Dual, _ n: Int) -> Dual {
        if n == 0 { return Dual(value: Value(1), tangent: Value(0)) }
        let power = Value.pow(x.value, n)
        if n == 1 { return Dual(value: power, tangent: x.tangent) }
        return Dual(value: power, tangent: Value(Double(n)) * Value.pow(x.value, oneBelow: n) * x.tangent)
    }
}

// MARK: - Comparisons (primal values only)

extension Dual {
    /// Compares the primal values; the tangents play no part (control flow follows the plain program).
    @inlinable public static func < (lhs: Dual, rhs: Dual) -> Bool { lhs.value < rhs.value }

    /// Compares the primal values; the tangents play no part.
    @inlinable public static func == (lhs: Dual, rhs: Dual) -> Bool { lhs.value == rhs.value }
}

extension Dual: CustomStringConvertible {
    /// `value + tangent·ε`.
    public var description: String { "\(value) + \(tangent)ε" }
}

// MARK: - Structural zeros

/// A scalar that can tell whether it is zero in every component (a dual number: value and tangent, at every
/// nesting level), not only in its primal value.
@usableFromInline protocol ExactZeroTestable {
    var isExactlyZero: Bool { get }
}

extension Dual: ExactZeroTestable {
    @usableFromInline var isExactlyZero: Bool {
        Self.isExactlyZero(value) && Self.isExactlyZero(tangent)
    }

    /// Whether `x` is zero in every component. A plain real compares with 0; a nested dual number checks
    /// its value and tangent, because `==` compares primal values only and a tangent whose value is 0 may
    /// still carry a nonzero higher-order part.
    @inlinable static func isExactlyZero(_ x: Value) -> Bool {
        if let nested = x as? any ExactZeroTestable { return nested.isExactlyZero }
        return x == Value(0)
    }
}
