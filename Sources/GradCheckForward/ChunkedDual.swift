import GradCheckCore

/// A dual number carrying `width` partial derivatives at once: v + Σₛ v̇ₛ·εₛ with εₛ·εₜ = 0, the number
/// type of chunked (vector) forward mode.
///
/// One run of a program on chunked duals seeded with `width` unit directions computes `width` columns of
/// the Jacobian: a full gradient costs ⌈n/width⌉ passes instead of n. The partials live inline in an
/// `InlineArray<width, Value>` (no heap allocation, no reference counting); for `Double` and width 16 a
/// number is 137 bytes (144 in an array), and every rule is a loop of fixed trip count over the partials
/// that the compiler unrolls and vectorises once the type is concrete.
///
/// Per operation the partials cost what a scalar tangent costs, times `width`: a sum adds `width`
/// partials, a product forms u̇ₛ·w + u·ẇₛ (2·width multiplications, `width` additions), a unary function
/// scales by f′(u) (`width` multiplications, plus f′ once). The value is computed exactly as the plain
/// `Value` computes it, so branches take the same path; comparisons look at the value only.
///
/// The field operations are always inlined: a call would pass the 136-byte numbers through memory, which
/// measured 4× slower than the inlined loops.
///
/// ## Structural zeros
/// A number also knows whether it *carries* partials (``carriesPartials``): a number that is known to
/// have every partial exactly zero — a constant, an input not seeded in this pass, or the result of
/// operations on such numbers only — skips the partials' arithmetic entirely and costs what a plain
/// `Value` operation costs; a sum, difference or product with one such operand reads the other's
/// partials only. In a full gradient most of each pass is like that: a pass seeds `width` of
/// the n inputs, and every part of the program that does not depend on them carries nothing (on a loop
/// whose terms each read a few inputs, most of every pass). Skipping changes no partial's value: a
/// skipped term is an exact zero (the sign of a zero result may differ), except that the rule would
/// have formed 0·∞ = NaN from an infinite local derivative at a constant, where a skipped term is 0 (the
/// derivative of a constant is 0).
///
/// A number that carries nothing does not keep zeros either: its stored partials are whatever its left
/// operand's were, and are never read (``partials`` reports zeros). Writing `width` zeros per operation
/// would cost as much as the arithmetic it skips; this way an accumulator such as `sum += term` passes
/// its storage along untouched for as long as nothing carries. Seeding a number that carries nothing
/// clears its storage first (``seed(direction:)``); unseeding is O(1) (``removePartials()``).
///
/// Rules and their accuracy are those of ``Dual`` (see `Dual+ElementaryFunctions.swift`), applied to each
/// partial.
public struct ChunkedDual<let width: Int, Value: DifferentiableScalar>: DifferentiableScalar {
    /// The stored partials when ``carriesPartials`` is true. When it is false every partial is zero
    /// whatever is stored here (an operation that carries nothing keeps its left operand's storage rather
    /// than writing `width` zeros), so only code that has checked `carrying` reads this.
    @usableFromInline var storedPartials: InlineArray<width, Value>
    /// The primal value v. (Stored after the partials, so that they start the number's storage and pairs
    /// of them load and store as aligned vectors.)
    public var value: Value
    /// False only when every partial is known to be exactly zero (at every nesting level): operations
    /// then skip the partials' arithmetic. True means a partial may be nonzero.
    @usableFromInline var carrying: Bool

    /// Whether this number may have a nonzero partial; false when every partial is known to be exactly
    /// zero, and operations on it then skip the partials' arithmetic.
    @inlinable public var carriesPartials: Bool { carrying }

    /// The partials v̇₀ … v̇_{width−1}: the derivatives of `value` along the seeded directions. Setting them
    /// marks the number as carrying partials (whatever their values: testing them for zero would cost
    /// more than it saves); start from ``init(value:)`` or ``variable(_:seeding:)`` for a number known
    /// to carry none.
    @inlinable public var partials: InlineArray<width, Value> {
        get { carrying ? storedPartials : InlineArray(repeating: Value(0)) }
        set {
            storedPartials = newValue
            carrying = true
        }
    }

    /// A number with the given value and partials, marked as carrying partials.
    @inlinable @inline(always) public init(value: Value, partials: InlineArray<width, Value>) {
        self.value = value
        storedPartials = partials
        carrying = true
    }

    /// A number with the given value and all partials zero (a constant at this level).
    @inlinable @inline(always) public init(value: Value) {
        self.value = value
        storedPartials = InlineArray(repeating: Value(0))
        carrying = false
    }

    /// A number carrying no partials, with value `value`, that keeps `storage` as its (unread) stored
    /// partials: the result of an operation on numbers that carry none. Reusing an operand's storage
    /// costs nothing where writing zeros would cost `width` stores; in a loop that accumulates
    /// `sum = sum + term`, the accumulator's storage then passes through untouched while nothing carries.
    @inlinable @inline(always) init(value: Value, unusedStorage storage: InlineArray<width, Value>) {
        self.value = value
        storedPartials = storage
        carrying = false
    }

    /// A constant: the value `constant`, partials zero.
    @inlinable @inline(always) public init(_ constant: Double) {
        self.init(value: Value(constant))
    }

    /// An input seeded with direction `slot`: partial 1 there, 0 elsewhere (`slot` outside 0..<width seeds
    /// nothing: the input is a constant of this pass).
    @inlinable @inline(always) public static func variable(_ value: Value, seeding slot: Int) -> ChunkedDual {
        var number = ChunkedDual(value: value)
        number.seed(direction: slot)
        return number
    }

    /// Seeds direction `slot` in place: partial `slot` becomes 1 and the number carries partials; the
    /// other partials keep their values. A `slot` outside 0..<width changes nothing.
    ///
    /// With ``removePartials()``, this lets a full gradient reuse one array of inputs for every pass
    /// (seed a chunk, evaluate, unseed it) instead of building new numbers: an element of an array
    /// updated in place is a store of one partial, where assigning a new number copies all of them.
    @inlinable @inline(always) public mutating func seed(direction slot: Int) {
        guard slot >= 0 && slot < width else { return }
        if !carrying { storedPartials = InlineArray(repeating: Value(0)) }
        storedPartials[slot] = Value(1)
        carrying = true
    }

    /// Makes the number a constant of this level again, keeping its value: every partial zero, and it
    /// carries none (operations on it skip the partials' arithmetic). O(1): the stored partials are
    /// left as they are and no longer read.
    @inlinable @inline(always) public mutating func removePartials() {
        carrying = false
    }

    /// The number with value `newValue` and every partial mapped by `rule` (a unary function's chain rule),
    /// or a constant when this number carries no partials.
    @inlinable @inline(always) func mapped(to newValue: Value, _ rule: (Value) -> Value) -> ChunkedDual {
        guard carrying else { return ChunkedDual(value: newValue, unusedStorage: storedPartials) }
        var result = ChunkedDual(value: newValue, partials: storedPartials)
        for s in 0..<width { result.storedPartials[s] = rule(storedPartials[s]) }
        return result
    }

    /// The number with value `newValue` and partials `rule(u̇ₛ, ẇₛ)` (a binary operation's rule, with
    /// rule(0, 0) = 0 up to sign), a non-carrying operand's partials entering as zeros; a constant when
    /// neither operand carries partials.
    @inlinable @inline(always) static func merged(
        _ u: ChunkedDual, _ w: ChunkedDual, to newValue: Value, _ rule: (Value, Value) -> Value
    ) -> ChunkedDual {
        merged(u, w, to: newValue, both: rule, lhsOnly: { rule($0, Value(0)) }, rhsOnly: { rule(Value(0), $0) })
    }

    /// As ``merged(_:_:to:_:)``, with the rule for one carrying operand given separately: `lhsOnly(u̇ₛ)`
    /// when only `u` carries partials and `rhsOnly(ẇₛ)` when only `w` does, so that the other operand's
    /// zeros are neither read nor multiplied. Each one-sided rule must equal `both` with a zero in the other
    /// place (up to the sign of a zero result).
    @inlinable @inline(always) static func merged(
        _ u: ChunkedDual, _ w: ChunkedDual, to newValue: Value, both: (Value, Value) -> Value,
        lhsOnly: (Value) -> Value, rhsOnly: (Value) -> Value
    ) -> ChunkedDual {
        switch (u.carrying, w.carrying) {
        case (true, true):
            var result = ChunkedDual(value: newValue, partials: u.storedPartials)
            for s in 0..<width { result.storedPartials[s] = both(u.storedPartials[s], w.storedPartials[s]) }
            return result
        case (true, false): return u.mapped(to: newValue, lhsOnly)
        case (false, true): return w.mapped(to: newValue, rhsOnly)
        case (false, false): return ChunkedDual(value: newValue, unusedStorage: u.storedPartials)
        }
    }

    /// The number with the same value and every partial multiplied by `factor`: the chain rule
    /// f(u)˙ = f′(u)·u̇ of a unary function with derivative `factor`, given its value `newValue`.
    @inlinable @inline(always) func chained(to newValue: Value, derivative factor: Value) -> ChunkedDual {
        mapped(to: newValue) { factor * $0 }
    }

    /// Σ-combination of two numbers' partials, ∂/∂u·u̇ + ∂/∂w·ẇ, for a binary function with value
    /// `newValue` and local partials `du`, `dw`.
    @inlinable @inline(always) static func combined(
        _ u: ChunkedDual, _ du: Value, _ w: ChunkedDual, _ dw: Value, value newValue: Value
    ) -> ChunkedDual {
        merged(u, w, to: newValue, both: { du * $0 + dw * $1 }, lhsOnly: { du * $0 }, rhsOnly: { dw * $0 })
    }

    /// Whether every partial is exactly zero (at every nesting level).
    @inlinable var partialsAreExactlyZero: Bool {
        !carrying || Self.areExactlyZero(storedPartials)
    }

    /// Whether every entry of `partials` is exactly zero (at every nesting level).
    @inlinable static func areExactlyZero(_ partials: InlineArray<width, Value>) -> Bool {
        for s in 0..<width where !Dual<Value>.isExactlyZero(partials[s]) { return false }
        return true
    }
}

// MARK: - Field operations

extension ChunkedDual {
    /// (u + w)˙ₛ = u̇ₛ + ẇₛ.
    @inlinable @inline(always) public static func + (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        merged(lhs, rhs, to: lhs.value + rhs.value, both: { $0 + $1 }, lhsOnly: { $0 }, rhsOnly: { $0 })
    }

    /// (u − w)˙ₛ = u̇ₛ − ẇₛ.
    @inlinable @inline(always) public static func - (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        merged(lhs, rhs, to: lhs.value - rhs.value, both: { $0 - $1 }, lhsOnly: { $0 }, rhsOnly: { -$0 })
    }

    /// (−u)˙ₛ = −u̇ₛ. Exact.
    @inlinable @inline(always) public static prefix func - (operand: ChunkedDual) -> ChunkedDual {
        operand.mapped(to: -operand.value) { -$0 }
    }

    /// (u·w)˙ₛ = u̇ₛ·w + u·ẇₛ (product rule).
    @inlinable @inline(always) public static func * (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        merged(
            lhs, rhs, to: lhs.value * rhs.value, both: { $0 * rhs.value + lhs.value * $1 },
            lhsOnly: { $0 * rhs.value }, rhsOnly: { lhs.value * $0 })
    }

    /// (u/w)˙ₛ = (u̇ₛ − q·ẇₛ)/w with q = u/w: no w² is formed (no overflow or underflow of w² for large or
    /// tiny w). At w = 0 the partials are ±∞ or NaN, like q.
    @inlinable @inline(always) public static func / (lhs: ChunkedDual, rhs: ChunkedDual) -> ChunkedDual {
        let quotient = lhs.value / rhs.value
        return merged(lhs, rhs, to: quotient) { ($0 - quotient * $1) / rhs.value }
    }

    /// (uⁿ)˙ₛ = n·uⁿ⁻¹·u̇ₛ for an integer n, both powers by `Value.pow(_:_:)` (a negative base is fine);
    /// u⁰ is the constant 1, u¹ copies the partials.
    @inlinable public static func pow(_ x: ChunkedDual, _ n: Int) -> ChunkedDual {
        if n == 0 { return ChunkedDual(value: Value(1)) }
        let power = Value.pow(x.value, n)
        if n == 1 { return x.mapped(to: power) { $0 } }
        return x.chained(to: power, derivative: Value(Double(n)) * Value.pow(x.value, oneBelow: n))
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
        let partials = partials
        return "\(value) + [" + (0..<width).map { "\(partials[$0])" }.joined(separator: ", ") + "]ε"
    }
}

extension ChunkedDual: ExactZeroTestable {
    /// Zero in the value and in every partial, at every nesting level.
    @usableFromInline var isExactlyZero: Bool {
        Dual<Value>.isExactlyZero(value) && partialsAreExactlyZero
    }
}
