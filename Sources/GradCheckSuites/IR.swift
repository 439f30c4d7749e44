/// The checked program: every expression typed, every name resolved to a slot of its frame, every
/// implicit conversion explicit. The compiler turns it into closures for a scalar type; it never sees a
/// name or a type error.
///
/// Slots: each function has its own frame with numbered slots per kind — reals (the scalar type S), ints
/// (Swift `Int`; Bool variables live here too, as 0 and 1), vectors (`[S]`) and matrices (`[[S]]`).

/// The types of the language. `matrix` (a list of rows) is what a `jacobian` returns and what
/// `[[…], […]]` and `zeros(m, n)` make; `unknown` stands for "not yet inferred, or already reported".
enum ValueType: String, Sendable, Equatable {
    case int = "Int"
    case real = "Real"
    case bool = "Bool"
    case vector = "Vector"
    case matrix = "Matrix"
    case unknown = "?"
}

enum ArithmeticOperator: Sendable { case add, subtract, multiply, divide }

enum IntegerOperator: Sendable { case add, subtract, multiply, divide, remainder }

enum ComparisonOperator: Sendable { case less, lessEqual, greater, greaterEqual, equal, notEqual }

/// A real function of one argument.
enum RealFunction1: String, Sendable, CaseIterable {
    case sin, cos, tan, cot, asin, acos, atan, sinh, cosh, tanh, exp, expm1, log, log1p, log2, log10, sqrt, cbrt,
        abs, sigmoid, softplus, relu, erf
}

/// A real function of two arguments (`atan2(y, x)`, `pow(x, y)`, …).
enum RealFunction2: String, Sendable, CaseIterable {
    case atan2, pow, hypot, max, min
}

indirect enum RealIR: Sendable {
    case constant(Double)
    case local(Int)
    case fromInt(IntIR)
    case negate(RealIR)
    case arithmetic(ArithmeticOperator, RealIR, RealIR)
    /// `x^n` with an Int exponent: `S.pow(x, n)`.
    case powerInt(RealIR, IntIR)
    /// `x^y` with a Real exponent: `S.pow(x, y)`.
    case powerReal(RealIR, RealIR)
    /// The location is where the call is written (the branch site of a kinked built-in such as `abs`).
    case function1(RealFunction1, RealIR, SuiteLocation)
    case function2(RealFunction2, RealIR, RealIR, SuiteLocation)
    case element(VectorIR, IntIR, SuiteLocation)
    case matrixElement(MatrixIR, IntIR, IntIR, SuiteLocation)
    case call(CallIR)
    /// A long chain of arithmetic (more than ``OperatorChain/nestedLimit`` operators): the first operand
    /// combined with each link's operand in turn, left to right — the value of the nested `arithmetic`
    /// nodes it replaces, bit for bit, at one level of depth.
    case chain(RealIR, [RealLink])
}

/// One step `op operand` of a ``RealIR/chain(_:_:)``.
struct RealLink: Sendable {
    var op: ArithmeticOperator
    var operand: RealIR
}

/// One step `op operand` of an ``IntIR/chain(_:_:)``, checked at `location` (the operator).
struct IntLink: Sendable {
    var op: IntegerOperator
    var operand: IntIR
    var location: SuiteLocation
}

indirect enum IntIR: Sendable {
    case constant(Int)
    case local(Int)
    case negate(IntIR, SuiteLocation)
    case arithmetic(IntegerOperator, IntIR, IntIR, SuiteLocation)
    case power(IntIR, IntIR, SuiteLocation)
    case abs(IntIR, SuiteLocation)
    case max(IntIR, IntIR)
    case min(IntIR, IntIR)
    case length(VectorIR)
    case rowCount(MatrixIR)
    case call(CallIR)
    /// A long chain of checked integer arithmetic, left to right (see ``RealIR/chain(_:_:)``).
    case chain(IntIR, [IntLink])
}

indirect enum BoolIR: Sendable {
    case constant(Bool)
    /// A Bool variable, stored in an int slot as 0 or 1.
    case local(Int)
    case not(BoolIR)
    case and(BoolIR, BoolIR)
    case or(BoolIR, BoolIR)
    case compareReal(ComparisonOperator, RealIR, RealIR)
    case compareInt(ComparisonOperator, IntIR, IntIR)
    /// `==` (true) or `!=` (false) of two Bools.
    case compareBool(equal: Bool, BoolIR, BoolIR)
    case call(CallIR)
    /// `p && q && …` of a long chain: true when every operand is, evaluated left to right up to the
    /// first false one (the short circuit of the nested `and` nodes it replaces).
    case all([BoolIR])
    /// `p || q || …` of a long chain: up to the first true operand.
    case any([BoolIR])
}

indirect enum VectorIR: Sendable {
    case local(Int)
    case literal([RealIR])
    case zeros(IntIR, SuiteLocation)
    case row(MatrixIR, IntIR, SuiteLocation)
    case call(CallIR)
}

indirect enum MatrixIR: Sendable {
    case local(Int)
    case literal([VectorIR])
    case zeros(IntIR, IntIR, SuiteLocation)
    case call(CallIR)
}

/// A value of any type.
enum TypedIR: Sendable {
    case real(RealIR)
    case int(IntIR)
    case bool(BoolIR)
    case vector(VectorIR)
    case matrix(MatrixIR)

    var type: ValueType {
        switch self {
        case .real: .real
        case .int: .int
        case .bool: .bool
        case .vector: .vector
        case .matrix: .matrix
        }
    }
}

/// A call of a function of the suite; arguments are already converted to the parameters' kinds (a Real
/// for a scalar parameter, a vector for a vector parameter).
struct CallIR: Sendable {
    var function: Int
    var arguments: [TypedIR]
    var location: SuiteLocation
}

indirect enum StatementIR: Sendable {
    case setReal(Int, RealIR)
    case setInt(Int, IntIR)
    case setBool(Int, BoolIR)
    /// `v = …` or `var v = …`, located at the variable's name (where a memory-limit error points).
    case setVector(Int, VectorIR, SuiteLocation)
    case setMatrix(Int, MatrixIR, SuiteLocation)
    /// `v[i] = e` or `v[i] op= e`.
    case setElement(vector: Int, index: IntIR, op: ArithmeticOperator?, value: RealIR, SuiteLocation)
    /// `m[i][j] = e` or `m[i][j] op= e`.
    case setMatrixElement(matrix: Int, row: IntIR, column: IntIR, op: ArithmeticOperator?, value: RealIR, SuiteLocation)
    /// `m[i] = v`.
    case setRow(matrix: Int, row: IntIR, value: VectorIR, SuiteLocation)
    /// Each branch with its condition's location (a branch site for coverage).
    case conditional([(BoolIR, [StatementIR], SuiteLocation)], otherwise: [StatementIR])
    /// `cost` is the static size of one iteration (body plus bounds), charged to the work budget.
    case forRange(variable: Int, lower: IntIR, upper: IntIR, inclusive: Bool, body: [StatementIR], cost: Int, SuiteLocation)
    case whileLoop(BoolIR, body: [StatementIR], cost: Int, SuiteLocation)
    case breakLoop
    case continueLoop
    /// The value is already converted to the function's result type. `offset` is the byte offset of the
    /// `return`, for load-time diagnostics about the result's length.
    case returnValue(TypedIR, offset: Int)
}

/// How a parameter is passed: a scalar into a real slot, a vector into a vector slot with its length
/// into an int slot (shared by the parameters that share a length name).
enum ParameterIR: Sendable {
    case scalar(name: String, slot: Int)
    case vector(name: String, slot: Int, lengthName: String, lengthSlot: Int)
}

/// How many slots of each kind a frame needs.
struct FrameLayout: Sendable, Equatable {
    var reals = 0
    var ints = 0
    var vectors = 0
    var matrices = 0
}

/// One function (or the body of a gradient or Jacobian) ready to compile.
struct FunctionIR: Sendable {
    var name: String
    var parameters: [ParameterIR]
    var layout: FrameLayout
    var body: [StatementIR]
    var resultType: ValueType
    /// The slot (of the result type's kind) the result is stored in.
    var resultSlot: Int
    /// The static size of the body, charged to the work budget per call.
    var cost: Int
    var location: SuiteLocation
    /// Slots of vectors and ints assigned only where they are declared, with that value: what the
    /// static length analysis may substitute.
    var definitions: StaticDefinitions
}

/// Single-assignment slots, for the static analysis of lengths.
struct StaticDefinitions: Sendable {
    var ints: [Int: IntIR] = [:]
    var vectors: [Int: VectorIR] = [:]
    var matrices: [Int: MatrixIR] = [:]
}
