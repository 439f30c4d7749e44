import GradCheckCore

/// Leaf operands fused into their parent's closure.
///
/// The closure tree's cost is one indirect call per node. The commonest leaves — a constant, a local, an
/// entry `x[i]` or `x[i ± k]` of a vector with a local index — are instead loaded inline by the parent:
/// the parent is built by a generic function over the two operand kinds and the operator, which the
/// optimiser specialises per combination, so `100 * (x[i+1] - x[i]^2)` costs three closure calls instead
/// of seven.
protocol RealLoad<Scalar>: Sendable {
    associatedtype Scalar: DifferentiableScalar
    func load(_ frame: Frame<Scalar>) throws -> Scalar
}

struct ConstantLoad<Scalar: DifferentiableScalar>: RealLoad {
    let value: Scalar
    @inline(__always) func load(_ frame: Frame<Scalar>) -> Scalar { value }
}

struct LocalLoad<Scalar: DifferentiableScalar>: RealLoad {
    let slot: Int
    @inline(__always) func load(_ frame: Frame<Scalar>) -> Scalar { frame.reals[slot] }
}

/// `v[i + offset]` with `v` a local vector and `i` a local Int.
struct ElementLoad<Scalar: DifferentiableScalar>: RealLoad {
    let vector: Int
    let index: Int
    let offset: Int
    let location: SuiteLocation

    @inline(__always) func load(_ frame: Frame<Scalar>) throws -> Scalar {
        let (i, overflow) = frame.ints[index].addingReportingOverflow(offset)
        let count = frame.vectors[vector].count
        guard !overflow, i >= 0, i < count else {
            throw RuntimeErrors.index(i, count: count, overflow: overflow, at: location)
        }
        return frame.vectors[vector][i]
    }
}

struct CodeLoad<Scalar: DifferentiableScalar>: RealLoad {
    let code: RealCode<Scalar>
    @inline(__always) func load(_ frame: Frame<Scalar>) throws -> Scalar { try code(frame) }
}

/// A real operand, classified for fusion.
enum Operand<S: DifferentiableScalar> {
    case constant(S)
    case local(Int)
    case element(vector: Int, index: Int, offset: Int, SuiteLocation)
    case code(RealCode<S>)
}

/// The four arithmetic operators as types, so that fused closures are specialised per operator.
protocol ArithmeticOperation: Sendable {
    static func apply<S: DifferentiableScalar>(_ a: S, _ b: S) -> S
}

enum AddOperation: ArithmeticOperation {
    @inline(__always) static func apply<S: DifferentiableScalar>(_ a: S, _ b: S) -> S { a + b }
}

enum SubtractOperation: ArithmeticOperation {
    @inline(__always) static func apply<S: DifferentiableScalar>(_ a: S, _ b: S) -> S { a - b }
}

enum MultiplyOperation: ArithmeticOperation {
    @inline(__always) static func apply<S: DifferentiableScalar>(_ a: S, _ b: S) -> S { a * b }
}

enum DivideOperation: ArithmeticOperation {
    @inline(__always) static func apply<S: DifferentiableScalar>(_ a: S, _ b: S) -> S { a / b }
}

extension Compiler {
    /// Classifies `expr` as a fusable leaf or compiled code.
    func operand(_ expr: RealIR) -> Operand<S> {
        switch expr {
        case .constant(let value): return .constant(S(value))
        case .local(let slot): return .local(slot)
        case .element(let vector, let index, let location):
            if let leaf = elementLeaf(vector, index) {
                return .element(vector: leaf.vector, index: leaf.index, offset: leaf.offset, location)
            }
        default: break
        }
        return .code(real(expr))
    }

    /// `v[i]`, `v[i + k]`, `v[k + i]`, `v[i - k]` with `v` a local vector and `i` a local Int.
    func elementLeaf(_ vector: VectorIR, _ index: IntIR) -> (vector: Int, index: Int, offset: Int)? {
        guard case .local(let vectorSlot) = vector else { return nil }
        switch index {
        case .local(let slot):
            return (vectorSlot, slot, 0)
        case .arithmetic(.add, .local(let slot), .constant(let k), _), .arithmetic(.add, .constant(let k), .local(let slot), _):
            return (vectorSlot, slot, k)
        case .arithmetic(.subtract, .local(let slot), .constant(let k), _) where k != .min:
            return (vectorSlot, slot, -k)
        default:
            return nil
        }
    }

    /// `a op b` with both operands fused where possible.
    func arithmetic(_ op: ArithmeticOperator, _ lhs: RealIR, _ rhs: RealIR) -> RealCode<S> {
        let (a, b) = (operand(lhs), operand(rhs))
        switch op {
        case .add: return fuse(AddOperation.self, a, b)
        case .subtract: return fuse(SubtractOperation.self, a, b)
        case .multiply: return fuse(MultiplyOperation.self, a, b)
        case .divide: return fuse(DivideOperation.self, a, b)
        }
    }

    func fuse<Op: ArithmeticOperation>(_ op: Op.Type, _ a: Operand<S>, _ b: Operand<S>) -> RealCode<S> {
        switch a {
        case .constant(let value): return fuse(op, ConstantLoad(value: value), b)
        case .local(let slot): return fuse(op, LocalLoad<S>(slot: slot), b)
        case .element(let vector, let index, let offset, let location):
            return fuse(op, ElementLoad<S>(vector: vector, index: index, offset: offset, location: location), b)
        case .code(let code): return fuse(op, CodeLoad(code: code), b)
        }
    }

    func fuse<Op: ArithmeticOperation, A: RealLoad<S>>(_ op: Op.Type, _ a: A, _ b: Operand<S>) -> RealCode<S> {
        switch b {
        case .constant(let value): return Self.make(op, a, ConstantLoad(value: value))
        case .local(let slot): return Self.make(op, a, LocalLoad<S>(slot: slot))
        case .element(let vector, let index, let offset, let location):
            return Self.make(op, a, ElementLoad<S>(vector: vector, index: index, offset: offset, location: location))
        case .code(let code): return Self.make(op, a, CodeLoad(code: code))
        }
    }

    static func make<Op: ArithmeticOperation, A: RealLoad<S>, B: RealLoad<S>>(_: Op.Type, _ a: A, _ b: B) -> RealCode<S> {
        { frame in Op.apply(try a.load(frame), try b.load(frame)) }
    }

    /// A unary operation of a fused operand.
    func unary(_ operand: Operand<S>, _ apply: UnaryKind) -> RealCode<S> {
        switch operand {
        case .constant(let value): return Self.make(ConstantLoad(value: value), apply)
        case .local(let slot): return Self.make(LocalLoad<S>(slot: slot), apply)
        case .element(let vector, let index, let offset, let location):
            return Self.make(ElementLoad<S>(vector: vector, index: index, offset: offset, location: location), apply)
        case .code(let code): return Self.make(CodeLoad(code: code), apply)
        }
    }

    /// The unary operations that are fused with their operand.
    enum UnaryKind {
        case negate
        /// `x^2`: `S.pow(x, 2)`, or `x * x` when S is `Double` (the correctly rounded square, which is what
        /// `pow(x, 2.0)` computes, without a library call).
        case square
    }

    static func make<A: RealLoad<S>>(_ a: A, _ kind: UnaryKind) -> RealCode<S> {
        switch kind {
        case .negate:
            return { frame in -(try a.load(frame)) }
        case .square:
            if S.self == Double.self {
                return { frame in
                    let x = try a.load(frame)
                    return x * x
                }
            }
            return { frame in S.pow(try a.load(frame), 2) }
        }
    }
}
