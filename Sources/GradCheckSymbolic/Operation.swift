/// What one node of a closed-form expression does: a leaf (constant, π, input) or an operation on one or
/// two arguments.
///
/// The set mirrors ``DifferentiableScalar``: the field operations, negation, integer powers xⁿ, every
/// function of `ScalarElementaryFunctions` of one argument (``ElementaryFunction``) and the three of two
/// arguments (``BinaryFunction``). The composites of the scalar protocol (cot, abs, max, min, relu,
/// sigmoid, softplus) need no node of their own: a traced program reaches them through the primitives and
/// comparisons.
///
/// Constants compare and hash by bit pattern, so `0.0` and `-0.0` are different nodes (they give different
/// results under division) and a NaN constant equals itself (so hash-consing stays a function).
public enum Operation: Sendable, Hashable, CustomStringConvertible {
    /// A real constant, exactly as the program wrote it (or as exact constant folding produced it).
    case constant(Double)
    /// π, evaluated in each precision as that precision's own π (`ExtendedReal.pi` rounded to it).
    case pi
    /// The input with this 0-based index.
    case input(Int)
    /// a + b.
    case add
    /// a − b.
    case subtract
    /// a · b.
    case multiply
    /// a / b.
    case divide
    /// −a.
    case negate
    /// aⁿ for an integer n.
    case power(Int)
    /// f(a) for an elementary function of one argument.
    case function(ElementaryFunction)
    /// f(a, b) for pow, atan2 and hypot.
    case binary(BinaryFunction)

    /// The number of arguments: 0 for leaves, 1 for negation, powers and functions, 2 otherwise.
    public var arity: Int {
        switch self {
        case .constant, .pi, .input: 0
        case .negate, .power, .function: 1
        case .add, .subtract, .multiply, .divide, .binary: 2
        }
    }

    /// True for constants and π: leaves whose value does not depend on any input.
    public var isConstantLeaf: Bool {
        switch self {
        case .constant, .pi: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .constant(let c): "constant(\(c))"
        case .pi: "pi"
        case .input(let i): "input(\(i))"
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        case .negate: "neg"
        case .power(let n): "^\(n)"
        case .function(let f): f.rawValue
        case .binary(let f): f.rawValue
        }
    }

    public static func == (lhs: Operation, rhs: Operation) -> Bool {
        switch (lhs, rhs) {
        case (.constant(let a), .constant(let b)): a.bitPattern == b.bitPattern
        case (.pi, .pi), (.add, .add), (.subtract, .subtract), (.multiply, .multiply), (.divide, .divide),
            (.negate, .negate):
            true
        case (.input(let a), .input(let b)): a == b
        case (.power(let a), .power(let b)): a == b
        case (.function(let a), .function(let b)): a == b
        case (.binary(let a), .binary(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .constant(let c):
            hasher.combine(0)
            hasher.combine(c.bitPattern)
        case .pi: hasher.combine(1)
        case .input(let i):
            hasher.combine(2)
            hasher.combine(i)
        case .add: hasher.combine(3)
        case .subtract: hasher.combine(4)
        case .multiply: hasher.combine(5)
        case .divide: hasher.combine(6)
        case .negate: hasher.combine(7)
        case .power(let n):
            hasher.combine(8)
            hasher.combine(n)
        case .function(let f):
            hasher.combine(9)
            hasher.combine(f)
        case .binary(let f):
            hasher.combine(10)
            hasher.combine(f)
        }
    }
}

/// The elementary functions of one argument, named as in `ScalarElementaryFunctions`.
public enum ElementaryFunction: String, Sendable, Hashable, CaseIterable {
    case exp, expm1, log, log1p, log2, log10
    case sin, cos, tan, asin, acos, atan
    case sinh, cosh, tanh
    case sqrt, cbrt, erf
}

/// The elementary functions of two arguments: xʸ, atan2(y, x) (first argument y) and hypot(x, y).
public enum BinaryFunction: String, Sendable, Hashable, CaseIterable {
    case pow, atan2, hypot
}
