import GradCheckCore

/// The scalar a program runs over to be traced: a concrete `Double` value (which decides every comparison,
/// so loops, branches and recursion take the path the plain program takes) and the node of its closed form
/// in a ``TraceRecorder``'s arena.
///
/// Running a ``TestFunction`` over `Traced` therefore yields the closed form *of the path it took*, and
/// each comparison of a value that depends on an input is recorded as a ``PathCondition``: the region on
/// which that closed form is the function. Comparisons use the relation the program wrote (`<`, `<=`, `>`,
/// `>=`, `==`), so `abs`, `max`, `relu` and friends record `x1 >= 0`, `x2 > x1`, …
///
/// The value is computed with `Double`'s own operations, exactly as the plain program computes it.
/// `Traced` is `Sendable`: a `Double`, an index and a reference to a thread-safe recorder.
public struct Traced: DifferentiableScalar, CustomStringConvertible {
    /// The value on this run, in `Double`.
    public let value: Double
    /// The node in the recorder's arena; −1 for a constant without a node.
    let node: Int32
    let recorder: TraceRecorder?

    /// A constant (no node until it meets a traced value).
    public init(_ constant: Double) {
        value = constant
        node = -1
        recorder = nil
    }

    init(value: Double, node: Int32, recorder: TraceRecorder?) {
        self.value = value
        self.node = node
        self.recorder = node >= 0 ? recorder : nil
    }

    /// True when the value has no node: a constant of the program (or a value made after the trace's node
    /// limit was reached).
    public var isConstant: Bool { node < 0 }

    /// The closed form of this value (a constant expression for a constant).
    public var expression: SymbolicExpression {
        guard let recorder, node >= 0 else { return .constant(value) }
        return recorder.expression(node)
    }

    public var description: String { "\(value) = \(expression)" }

    // MARK: Recording

    static func make(_ operation: Operation, _ a: Traced, _ b: Traced? = nil, value: Double) -> Traced {
        guard let recorder = a.recorder ?? b?.recorder ?? TraceRecorder.current else { return Traced(value) }
        return Traced(value: value, node: recorder.record(operation, a, b), recorder: recorder)
    }

    static func compare(_ a: Traced, _ relation: Relation, _ b: Traced, _ outcome: Bool) -> Bool {
        if let recorder = a.recorder ?? b.recorder {
            recorder.recordCondition(a, outcome ? relation : relation.negated, b)
        }
        return outcome
    }

    // MARK: Arithmetic

    public static func + (a: Traced, b: Traced) -> Traced { make(.add, a, b, value: a.value + b.value) }
    public static func - (a: Traced, b: Traced) -> Traced { make(.subtract, a, b, value: a.value - b.value) }
    public static func * (a: Traced, b: Traced) -> Traced { make(.multiply, a, b, value: a.value * b.value) }
    public static func / (a: Traced, b: Traced) -> Traced { make(.divide, a, b, value: a.value / b.value) }
    public static prefix func - (a: Traced) -> Traced { make(.negate, a, value: -a.value) }
    public static func pow(_ x: Traced, _ n: Int) -> Traced { make(.power(n), x, value: Double.pow(x.value, n)) }

    // MARK: Comparisons (recorded as path conditions)

    public static func < (a: Traced, b: Traced) -> Bool { compare(a, .less, b, a.value < b.value) }
    public static func <= (a: Traced, b: Traced) -> Bool { compare(a, .lessOrEqual, b, a.value <= b.value) }
    public static func > (a: Traced, b: Traced) -> Bool { compare(a, .greater, b, a.value > b.value) }
    public static func >= (a: Traced, b: Traced) -> Bool { compare(a, .greaterOrEqual, b, a.value >= b.value) }
    public static func == (a: Traced, b: Traced) -> Bool { compare(a, .equal, b, a.value == b.value) }

    // MARK: Elementary functions

    static func unary(_ f: ElementaryFunction, _ x: Traced, _ value: Double) -> Traced {
        make(.function(f), x, value: value)
    }

    public static func exp(_ x: Traced) -> Traced { unary(.exp, x, Double.exp(x.value)) }
    public static func expm1(_ x: Traced) -> Traced { unary(.expm1, x, Double.expm1(x.value)) }
    public static func log(_ x: Traced) -> Traced { unary(.log, x, Double.log(x.value)) }
    public static func log1p(_ x: Traced) -> Traced { unary(.log1p, x, Double.log1p(x.value)) }
    public static func log2(_ x: Traced) -> Traced { unary(.log2, x, Double.log2(x.value)) }
    public static func log10(_ x: Traced) -> Traced { unary(.log10, x, Double.log10(x.value)) }
    public static func sin(_ x: Traced) -> Traced { unary(.sin, x, Double.sin(x.value)) }
    public static func cos(_ x: Traced) -> Traced { unary(.cos, x, Double.cos(x.value)) }
    public static func tan(_ x: Traced) -> Traced { unary(.tan, x, Double.tan(x.value)) }
    public static func asin(_ x: Traced) -> Traced { unary(.asin, x, Double.asin(x.value)) }
    public static func acos(_ x: Traced) -> Traced { unary(.acos, x, Double.acos(x.value)) }
    public static func atan(_ x: Traced) -> Traced { unary(.atan, x, Double.atan(x.value)) }
    public static func sinh(_ x: Traced) -> Traced { unary(.sinh, x, Double.sinh(x.value)) }
    public static func cosh(_ x: Traced) -> Traced { unary(.cosh, x, Double.cosh(x.value)) }
    public static func tanh(_ x: Traced) -> Traced { unary(.tanh, x, Double.tanh(x.value)) }
    public static func sqrt(_ x: Traced) -> Traced { unary(.sqrt, x, Double.sqrt(x.value)) }
    public static func cbrt(_ x: Traced) -> Traced { unary(.cbrt, x, Double.cbrt(x.value)) }
    public static func erf(_ x: Traced) -> Traced { unary(.erf, x, Double.erf(x.value)) }

    public static func atan2(y: Traced, x: Traced) -> Traced {
        make(.binary(.atan2), y, x, value: Double.atan2(y: y.value, x: x.value))
    }
    public static func pow(_ x: Traced, _ y: Traced) -> Traced {
        make(.binary(.pow), x, y, value: Double.pow(x.value, y.value))
    }
    public static func hypot(_ x: Traced, _ y: Traced) -> Traced {
        make(.binary(.hypot), x, y, value: Double.hypot(x.value, y.value))
    }
}
