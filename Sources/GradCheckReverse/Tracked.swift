import GradCheckCore

/// A number whose operations are recorded on a ``Tape``: the number type of reverse-mode automatic
/// differentiation.
///
/// A tracked number is its value plus, unless it is a constant, the index of the tape node that
/// produced it and a pointer to that tape's storage. Every operation computes its value exactly as the
/// plain `Value` would (so branches take the same path), and, when an operand is on a tape, appends one
/// record holding the operand indices and the local partial derivatives that its reverse sweep needs.
/// Operations on constants only (literals, ``init(_:)``, ``init(constant:)``) record nothing and need no
/// tape; an operation between a tracked number and a constant records a one-operand node, so no adjoint
/// is ever propagated into a constant.
///
/// Comparisons (`<`, `==`, …) compare the values only.
///
/// ## Confinement
/// The tape pointer is unowned and unsafe: a tracked number is valid while its tape lives and until the
/// tape is reset, and it must be used by the task that owns the tape (a tape is not thread-safe). This is
/// what the reverse-mode strategy does: a program runs synchronously on one tape from start to finish.
/// The conformance to `Sendable` (which ``DifferentiableScalar`` requires) is therefore unchecked; it holds
/// because a tracked number never outlives, nor leaves the task of, the recording it belongs to.
public struct Tracked<Value: DifferentiableScalar>: DifferentiableScalar, @unchecked Sendable {
    /// The primal value.
    public let value: Value
    /// The tape node that produced the value (meaningless for a constant).
    @usableFromInline let index: UInt32
    /// The storage of the tape recording this number; nil for a constant.
    @usableFromInline let storage: UnsafeMutablePointer<TapeStorage<Value>>?

    @inlinable @inline(__always) init(value: Value, index: UInt32, storage: UnsafeMutablePointer<TapeStorage<Value>>) {
        self.value = value
        self.index = index
        self.storage = storage
    }

    /// A constant with value `value`: on no tape, derivative zero.
    @inlinable @inline(__always) public init(constant value: Value) {
        self.value = value
        index = 0
        storage = nil
    }

    /// A constant: the value `constant`, on no tape.
    @inlinable @inline(__always) public init(_ constant: Double) {
        self.init(constant: Value(constant))
    }

    /// Whether this number is a constant (recorded on no tape).
    @inlinable public var isConstant: Bool { storage == nil }

    /// The index of the tape node that produced this number, or nil for a constant.
    @inlinable public var nodeIndex: Int? { storage == nil ? nil : Int(index) }
}

// MARK: - Recording helpers

extension Tracked {
    /// The result of a one-operand operation: `value`, recorded with local partial `partial()` (evaluated
    /// only when `x` is tracked: a constant's derivative costs nothing).
    @inlinable @inline(__always) static func unary(
        _ operation: TapeOperation, _ x: Tracked, value: Value, partial: () -> Value
    ) -> Tracked {
        guard let storage = x.storage else { return Tracked(constant: value) }
        let node = storage.pointee.record(operation, x.index, partial: partial(), value: value)
        return Tracked(value: value, index: node, storage: storage)
    }

    /// The result of a two-operand operation: records `both` when both operands are tracked, and the
    /// one-operand form `lhsOnly` or `rhsOnly` when the other is a constant. A tracing tape records the
    /// constant as a node and uses `both`, so that a listing shows every operand.
    @inlinable @inline(__always) static func binary(
        _ lhs: Tracked, _ rhs: Tracked, value: Value,
        both: (inout TapeStorage<Value>, UInt32, UInt32) -> UInt32,
        lhsOnly: (inout TapeStorage<Value>, UInt32) -> UInt32,
        rhsOnly: (inout TapeStorage<Value>, UInt32) -> UInt32
    ) -> Tracked {
        if let storage = lhs.storage {
            let node: UInt32
            if let other = rhs.storage {
                precondition(storage == other, "Tracked numbers from different tapes were combined")
                node = both(&storage.pointee, lhs.index, rhs.index)
            } else if _slowPath(storage.pointee.tracing) {
                let constant = storage.pointee.record(.constant, value: rhs.value)
                node = both(&storage.pointee, lhs.index, constant)
            } else {
                node = lhsOnly(&storage.pointee, lhs.index)
            }
            return Tracked(value: value, index: node, storage: storage)
        }
        if let storage = rhs.storage {
            let node: UInt32
            if _slowPath(storage.pointee.tracing) {
                let constant = storage.pointee.record(.constant, value: lhs.value)
                node = both(&storage.pointee, constant, rhs.index)
            } else {
                node = rhsOnly(&storage.pointee, rhs.index)
            }
            return Tracked(value: value, index: node, storage: storage)
        }
        return Tracked(constant: value)
    }
}

// MARK: - Field operations

extension Tracked {
    /// v = u + w; ∂v/∂u = ∂v/∂w = 1 (no partial stored).
    @inlinable @inline(__always) public static func + (lhs: Tracked, rhs: Tracked) -> Tracked {
        let v = lhs.value + rhs.value
        return binary(
            lhs, rhs, value: v,
            both: { $0.record(.add, .sum, $1, $2, value: v) },
            lhsOnly: { $0.record(.add, .identity, $1, value: v) },
            rhsOnly: { $0.record(.add, .identity, $1, value: v) })
    }

    /// v = u − w; ∂v/∂u = 1, ∂v/∂w = −1 (no partial stored).
    @inlinable @inline(__always) public static func - (lhs: Tracked, rhs: Tracked) -> Tracked {
        let v = lhs.value - rhs.value
        return binary(
            lhs, rhs, value: v,
            both: { $0.record(.subtract, .difference, $1, $2, value: v) },
            lhsOnly: { $0.record(.subtract, .identity, $1, value: v) },
            rhsOnly: { $0.record(.subtract, .negation, $1, value: v) })
    }

    /// v = −u; ∂v/∂u = −1 (no partial stored).
    @inlinable @inline(__always) public static prefix func - (operand: Tracked) -> Tracked {
        let v = -operand.value
        guard let storage = operand.storage else { return Tracked(constant: v) }
        let node = storage.pointee.record(.negate, .negation, operand.index, value: v)
        return Tracked(value: v, index: node, storage: storage)
    }

    /// v = u·w; ∂v/∂u = w, ∂v/∂w = u (the operands' values, no arithmetic).
    ///
    /// A square u·u of one node (both operands the same tracked number) is recorded as one operand with
    /// the partial 2u (exact: a doubling), 13 bytes instead of 25 for `Double`, and its reverse step is one
    /// multiply-add instead of two. Tracing tapes do the same, so that tracing never changes a gradient
    /// (ā·2u added once rounds differently from ā·u added twice); a listing shows the square as one
    /// operand with partial 2u.
    @inlinable @inline(__always) public static func * (lhs: Tracked, rhs: Tracked) -> Tracked {
        let v = lhs.value * rhs.value
        return binary(
            lhs, rhs, value: v,
            both: { storage, u, w in
                if u == w {
                    return storage.record(.multiply, u, partial: lhs.value + lhs.value, value: v)
                }
                return storage.record(.multiply, u, w, partials: rhs.value, lhs.value, value: v)
            },
            lhsOnly: { $0.record(.multiply, $1, partial: rhs.value, value: v) },
            rhsOnly: { $0.record(.multiply, $1, partial: lhs.value, value: v) })
    }

    /// q = u/w; ∂q/∂u = 1/w, ∂q/∂w = −q/w (from the quotient, so no w² is formed: nothing overflows that q
    /// does not). ±∞ or NaN at w = 0, like q.
    @inlinable @inline(__always) public static func / (lhs: Tracked, rhs: Tracked) -> Tracked {
        let q = lhs.value / rhs.value
        return binary(
            lhs, rhs, value: q,
            both: { storage, u, w in
                let reciprocal = Value(1) / rhs.value
                return storage.record(.divide, u, w, partials: reciprocal, -(q * reciprocal), value: q)
            },
            lhsOnly: { $0.record(.divide, $1, partial: Value(1) / rhs.value, value: q) },
            rhsOnly: { $0.record(.divide, $1, partial: -(q / rhs.value), value: q) })
    }

    /// v = uⁿ for an integer n; ∂v/∂u = n·uⁿ⁻¹ (u⁰ is the constant 1; u¹ stores no partial).
    ///
    /// The value and uⁿ⁻¹ come from `Value.pow(_:_:)` with an integer exponent, so a negative base is
    /// fine. A tracing tape records the exponent as a constant node (partial 0).
    @inlinable public static func pow(_ x: Tracked, _ n: Int) -> Tracked {
        if n == 0 { return Tracked(constant: Value(1)) }
        let v = Value.pow(x.value, n)
        guard let storage = x.storage else { return Tracked(constant: v) }
        let node: UInt32
        if _slowPath(storage.pointee.tracing) {
            let exponent = storage.pointee.record(.constant, value: Value(Double(n)))
            let partial = n == 1 ? Value(1) : Value(Double(n)) * Value.pow(x.value, oneBelow: n)
            node = storage.pointee.record(.integerPower, x.index, exponent, partials: partial, Value(0), value: v)
        } else if n == 1 {
            node = storage.pointee.record(.integerPower, .identity, x.index, value: v)
        } else {
            let partial = Value(Double(n)) * Value.pow(x.value, oneBelow: n)
            node = storage.pointee.record(.integerPower, x.index, partial: partial, value: v)
        }
        return Tracked(value: v, index: node, storage: storage)
    }
}

// MARK: - Comparisons (values only)

extension Tracked {
    /// Compares the values; whether either is tracked plays no part.
    @inlinable public static func < (lhs: Tracked, rhs: Tracked) -> Bool { lhs.value < rhs.value }

    /// Compares the values; whether either is tracked plays no part.
    @inlinable public static func == (lhs: Tracked, rhs: Tracked) -> Bool { lhs.value == rhs.value }
}

extension Tracked: CustomStringConvertible {
    /// `v3 = 1.5` for a tracked number, `1.5` for a constant.
    public var description: String {
        guard let nodeIndex else { return "\(value)" }
        return "v\(nodeIndex) = \(value)"
    }
}
