import GradCheckCore

/// Closed-form expressions compiled for evaluation in any precision: the nodes reachable from the roots as
/// a straight-line program in topological order, each node computed once (the DAG, with its shared
/// subexpressions evaluated once).
///
/// Evaluation is generic over ``RealNumber``: constants are converted to R (`R(c)`, exact for every
/// constant in `Float80` and `Double`, rounded to nearest in `Float`), π is `ExtendedReal.pi` rounded to R,
/// and every operation uses R's own arithmetic and elementary functions. So a closed form evaluated in
/// `Float80` has `Float80` accuracy, and over ``Counted`` every operation of the evaluation is tallied
/// (one per non-leaf node: that is the strategy's measured cost).
public struct EvaluationProgram: Sendable {
    struct Instruction: Sendable {
        var operation: Operation
        var first: Int32
        var second: Int32
    }

    let instructions: [Instruction]
    let outputs: [Int32]

    /// The program computing `roots` of `graph`.
    public init(graph: ExpressionGraph, roots: [NodeID]) {
        let nodes = graph.reachable(from: roots)
        var slot: [Int32: Int32] = [:]
        slot.reserveCapacity(nodes.count)
        var instructions: [Instruction] = []
        instructions.reserveCapacity(nodes.count)
        for node in nodes {
            slot[node.index] = Int32(instructions.count)
            instructions.append(
                Instruction(
                    operation: graph.operation(node), first: graph.first(node).map { slot[$0.index]! } ?? -1,
                    second: graph.second(node).map { slot[$0.index]! } ?? -1))
        }
        self.instructions = instructions
        self.outputs = roots.map { slot[$0.index]! }
    }

    /// The number of nodes evaluated (leaves included).
    public var nodeCount: Int { instructions.count }

    /// The values of the roots at `inputs` (an input index past the end reads NaN).
    public func evaluate<R: RealNumber>(at inputs: [R]) -> [R] {
        var values: [R] = []
        values.reserveCapacity(instructions.count)
        for instruction in instructions {
            let a = instruction.first >= 0 ? values[Int(instruction.first)] : R(0)
            let b = instruction.second >= 0 ? values[Int(instruction.second)] : R(0)
            values.append(Self.apply(instruction.operation, a, b, inputs: inputs))
        }
        return outputs.map { values[Int($0)] }
    }

    /// One operation in R; `a` and `b` are the argument values (ignored by leaves).
    @inlinable static func apply<R: RealNumber>(_ operation: Operation, _ a: R, _ b: R, inputs: [R]) -> R {
        switch operation {
        case .constant(let c): return R(c)
        case .pi: return R(extended: ExtendedReal.pi)
        case .input(let i): return inputs.indices.contains(i) ? inputs[i] : R(.nan)
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .negate: return -a
        case .power(let n): return R.pow(a, n)
        case .function(let f):
            switch f {
            case .exp: return R.exp(a)
            case .expm1: return R.expm1(a)
            case .log: return R.log(a)
            case .log1p: return R.log1p(a)
            case .log2: return R.log2(a)
            case .log10: return R.log10(a)
            case .sin: return R.sin(a)
            case .cos: return R.cos(a)
            case .tan: return R.tan(a)
            case .asin: return R.asin(a)
            case .acos: return R.acos(a)
            case .atan: return R.atan(a)
            case .sinh: return R.sinh(a)
            case .cosh: return R.cosh(a)
            case .tanh: return R.tanh(a)
            case .sqrt: return R.sqrt(a)
            case .cbrt: return R.cbrt(a)
            case .erf: return R.erf(a)
            }
        case .binary(let f):
            switch f {
            case .pow: return R.pow(a, b)
            case .atan2: return R.atan2(y: a, x: b)
            case .hypot: return R.hypot(a, b)
            }
        }
    }
}

/// Evaluation of an expression as a *tree*: every occurrence of a shared subexpression is computed again,
/// as a naive evaluator of the written-out closed form would. Its cost is the tree size, which is the
/// point: the unsimplified strategy uses it, so expression swell shows in its operation count and time.
///
/// Iterative (an explicit stack), so deep expressions cannot overflow the call stack.
public enum TreeEvaluation {
    /// The value of `root` at `inputs`, visiting ``ExpressionGraph/treeSize(_:)`` nodes.
    public static func evaluate<R: RealNumber>(_ root: NodeID, in graph: ExpressionGraph, at inputs: [R]) -> R {
        var work: [(node: NodeID, expanded: Bool)] = [(root, false)]
        var values: [R] = []
        while let (node, expanded) = work.popLast() {
            let operation = graph.operation(node)
            if operation.arity == 0 {
                values.append(EvaluationProgram.apply(operation, R(0), R(0), inputs: inputs))
            } else if !expanded {
                work.append((node, true))
                if let b = graph.second(node) { work.append((b, false)) }
                work.append((graph.first(node)!, false))
            } else if operation.arity == 1 {
                let a = values.removeLast()
                values.append(EvaluationProgram.apply(operation, a, R(0), inputs: inputs))
            } else {
                let b = values.removeLast(), a = values.removeLast()
                values.append(EvaluationProgram.apply(operation, a, b, inputs: inputs))
            }
        }
        return values[0]
    }
}
