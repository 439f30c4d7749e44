import GradCheckCore

/// A dual number carrying `width` partial derivatives at once: v + Σₛ v̇ₛ·εₛ with εₛ·εₜ = 0, the number
/// type of chunked (vector) forward mode.
///
/// One run of a program on chunked duals seeded with `width` unit directions computes `width` columns of
/// the Jacobian: a full gradient costs ⌈n/width⌉ passes instead of n. The partials live inline in an
/// `InlineArray<width, Value>` (no heap allocation, no reference counting); for `Double` and width 16 a
/// number is 136 bytes, and every rule is a loop of fixed trip count over the partials that the compiler
/// unrolls and vectorises once the type is concrete.
///
/// Per operation the partials cost what a scalar tangent costs, times `width`: a sum adds `width`
/// partials, a product forms u̇ₛ·w + u·ẇₛ (2·width multiplications, `width` additions), a unary function
/// scales by f′(u) (`width` multiplications, plus f′ once). The value is computed exactly as the plain
/// `Value` computes it, so branches take the same path; comparisons look at the value only.
///
/// The field operations are always inlined: a call would pass the 136-byte numbers through memory, which
/// measured 4× slower than the inlined loops.
///
/// Rules and their accuracy are those of ``Dual`` (see `Dual+ElementaryFunctions.swift`), applied to each
/// partial.
public struct ChunkedDual<let width: Int, Value: DifferentiableScalar>: DifferentiableScalar {
    /// The primal value v.
    public var value: Value
    /// The partials v̇₀ … v̇_{width−1}: the derivatives of `value` along the seeded directions.
    public var partials: InlineArray<width, Value>

    /// A number with the given value and partials.
    @inlinable @inline(always) public init(value: Value, partials: InlineArray<width, Value>) {
        self.value = value
        self.partials = partials
    }

    /// A number with the given value and all partials zero (a constant at this level).
    @inlinable @inline(always) public init(value: Value) {
        self.value = value
        partials = InlineArray(repeating: Value(0))
    }

    /// A constant: the value `constant`, partials zero.
    @inlinable @inline(always) public init(_ constant: Double) {
        self.init(value: Value(constant))
    }

    /// An input seeded with direction `slot`: partial 1 there, 0 elsewhere (`slot` outside 0..<width seeds
    /// nothing: the input is a constant of this pass).
    @inlinable public static func variable(_ value: Value, seeding slot: Int) -> ChunkedDual {
        var number = ChunkedDual(value: value)
        if slot >= 0 && slot < width { number.partials[slot] = Value(1) }
        return number
    }

    /// The number with the same value and every partial multiplied by `factor`: the chain rule
    /// f(u)˙ = f′(u)·u̇ of a unary function with derivative `factor`, given its value `newValue`.
    @inlinable @inline(always) func chained(to newValue: Value, derivative factor: Value) -> ChunkedDual {
        var result = ChunkedDual(value: newValue, partials: partials)
        for s in 0..<width { result.partials[s] = factor * partials[s] }
        return result
    }

    /// Σ-combination of two numbers' partials, ∂/∂u·u̇ + ∂/∂w·ẇ, for a binary function with value
    /// `newValue` and local partials `du`, `dw`.
    @inlinable @inline(always) static func combined(
        _ u: ChunkedDual, _ du: Value, _ w: ChunkedDual, _ dw: Value, value newValue: Value
    ) -> ChunkedDual {
        var result = ChunkedDual(value: newValue, partials: u.partials)
        for s in 0..<width { result.partials[s] = du * u.partials[s] + dw * w.partials[s] }
        return result
    }

    /// Whether every partial is exactly zero (at every nesting level).
    @inlinable var partialsAreExactlyZero: Bool {
        for s in 0..<width where !Dual<Value>.isExactlyZero(partials[s]) { return false }
        return true
    }
}

// MARK: - Field operations

extension ChunkedDual {
    /// (u + w)˙ₛ = u̇ₛ + ẇₛ.
    @inlinable @inline(always) public static func + (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        var result = ChunkedDual(value: lhs.value + rhs.value, partials: lhs.partials)
        for s in 0..<width { result.partials[s] = lhs.partials[s] + rhs.partials[s] }
        return result
    }

    /// (u − w)˙ₛ = u̇ₛ − ẇₛ.
    @inlinable @inline(always) public static func - (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        var result = ChunkedDual(value: lhs.value - rhs.value, partials: lhs.partials)
        for s in 0..<width { result.partials[s] = lhs.partials[s] - rhs.partials[s] }
        return result
    }

    /// (−u)˙ₛ = −u̇ₛ. Exact.
    @inlinable @inline(always) public static prefix func - (operand: ChunkedDual) -> ChunkedDual {
        var result = ChunkedDual(value: -operand.value, partials: operand.partials)
        for s in 0..<width { result.partials[s] = -operand.partials[s] }
        return result
    }

    /// (u·w)˙ₛ = u̇ₛ·w + u·ẇₛ (product rule).
    @inlinable @inline(always) public static func * (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        var result = ChunkedDual(value: lhs.value * rhs.value, partials: lhs.partials)
        for s in 0..<width { result.partials[s] = lhs.partials[s] * rhs.value + lhs.value * rhs.partials[s] }
        return result
    }

    /// (u/w)˙ₛ = (u̇ₛ − q·ẇₛ)/w with q = u/w: no w² is formed (no overflow or underflow of w² for large or
    /// tiny w). At w = 0 the partials are ±∞ or NaN, like q.
    @inlinable @inline(always) public static func / (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        let quotient = lhs.value / rhs.value
        var result = ChunkedDual(value: quotient, partials: lhs.partials)
        for s in 0..<width { result.partials[s] = (lhs.partials[s] - quotient * rhs.partials[s]) / rhs.value }
        return result
    }

    /// (uⁿ)˙ₛ = n·uⁿ⁻¹·u̇ₛ for an integer n, both powers by `Value.pow(_:_:)` (a negative base is fine);
    /// u⁰ is the constant 1, u¹ copies the partials.
    @inlinable public static func pow(_ x: ChunkedDual, _ n: Int) -> ChunkedDual {
        if n == 0 { return ChunkedDual(value: Value(1)) }
        let power = Value.pow(x.value, n)
        if n == 1 { return ChunkedDual(value: power, partials: x.partials) }
        return x.chained(to: power, derivative: Value(Double(n)) * Value.pow(x.value, n - 1))
    }
}

// MARK: - Comparisons (values only)

extension ChunkedDual {
    /// Compares the values; the partials play no part (control flow follows the plain program).
    @inlinable public static func < (lhs: ChunkedDual, rhs: ChunkedDual) -> Bool { lhs.value < rhs.value }

    /// Compares the values; the partials play no part.
    @inlinable public static func == (lhs: ChunkedDual, rhs: ChunkedDual) -> Bool { lhs.value == rhs.value }
}

extension ChunkedDual: CustomStringConvertible {
    /// `value + [p₀, p₁, …]ε`.
    public var description: String {
        "\(value) + [" + (0..<width).map { "\(partials[$0])" }.joined(separator: ", ") + "]ε"
    }
}

extension ChunkedDual: ExactZeroTestable {
    /// Zero in the value and in every partial, at every nesting level.
    @usableFromInline var isExactlyZero: Bool {
        Dual<Value>.isExactlyZero(value) && partialsAreExactlyZero
    }
}
