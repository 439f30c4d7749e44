/// What a tape record computed: the operation kind of one node of the Wengert list.
///
/// Stored in the upper five bits of each record's one-byte code; the lower three bits hold the record's
/// ``RecordShape``, which is all the reverse sweep needs. The kind is kept for listings and traces.
public enum TapeOperation: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// An independent variable (an input of the function).
    case input
    /// A constant operand, recorded as a node only by a tracing tape.
    case constant
    case add, subtract, negate, multiply, divide
    /// xⁿ with an integer exponent n.
    case integerPower
    case exp, expm1, log, log1p, log2, log10
    case sin, cos, tan, asin, acos, atan, atan2
    case sinh, cosh, tanh
    case sqrt, cbrt, pow, hypot, erf

    /// The operation's name as the elementary functions spell it (`+`, `×`, `sin`, …).
    public var description: String {
        switch self {
        case .input: "input"
        case .constant: "constant"
        case .add: "+"
        case .subtract: "−"
        case .negate: "neg"
        case .multiply: "×"
        case .divide: "/"
        case .integerPower: "^"
        case .exp: "exp"
        case .expm1: "expm1"
        case .log: "log"
        case .log1p: "log1p"
        case .log2: "log2"
        case .log10: "log10"
        case .sin: "sin"
        case .cos: "cos"
        case .tan: "tan"
        case .asin: "asin"
        case .acos: "acos"
        case .atan: "atan"
        case .atan2: "atan2"
        case .sinh: "sinh"
        case .cosh: "cosh"
        case .tanh: "tanh"
        case .sqrt: "sqrt"
        case .cbrt: "cbrt"
        case .pow: "pow"
        case .hypot: "hypot"
        case .erf: "erf"
        }
    }
}

/// How a record's adjoint flows to its operands: the number of operand indices and stored partials that
/// follow the record's code, and what the reverse sweep does with them (ā is the record's adjoint).
///
/// Storing only what a shape needs keeps records small: a sum stores no partials (they are 1), a unary
/// function one partial, only a product or a binary function two.
@usableFromInline enum RecordShape: UInt8, Sendable {
    /// No operands (an input or a constant): nothing to propagate.
    case leaf = 0
    /// One operand, partial +1 (x + c, x − c): ā₀ += ā.
    case identity = 1
    /// One operand, partial −1 (−x, c − x): ā₀ −= ā.
    case negation = 2
    /// One operand, one stored partial p (unary functions, x·c, x/c, c/x): ā₀ += ā·p.
    case weighted = 3
    /// Two operands, partials +1, +1 (x + y): ā₀ += ā, ā₁ += ā.
    case sum = 4
    /// Two operands, partials +1, −1 (x − y): ā₀ += ā, ā₁ −= ā.
    case difference = 5
    /// Two operands, two stored partials p₀, p₁ (x·y, x/y, binary functions): ā₀ += ā·p₀, ā₁ += ā·p₁.
    case weightedPair = 6

    /// Operand indices a record of this shape stores.
    @inlinable var operandCount: Int {
        switch self {
        case .leaf: 0
        case .identity, .negation, .weighted: 1
        case .sum, .difference, .weightedPair: 2
        }
    }

    /// Partials a record of this shape stores.
    @inlinable var storedPartialCount: Int {
        switch self {
        case .leaf, .identity, .negation, .sum, .difference: 0
        case .weighted: 1
        case .weightedPair: 2
        }
    }
}

/// A record's one-byte code: the operation kind in the upper five bits, the shape in the lower three.
@usableFromInline struct RecordCode: Sendable {
    @usableFromInline let rawValue: UInt8

    @inlinable init(_ operation: TapeOperation, _ shape: RecordShape) {
        rawValue = operation.rawValue << 3 | shape.rawValue
    }

    @inlinable init(rawValue: UInt8) { self.rawValue = rawValue }

    @inlinable var shape: RecordShape { RecordShape(rawValue: rawValue & 7).unsafelyUnwrapped }
    @inlinable var operation: TapeOperation { TapeOperation(rawValue: rawValue >> 3).unsafelyUnwrapped }
}
