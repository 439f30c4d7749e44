import GradCheckCore

/// The first article's three tables for any function at a point, read off a tracing ``Tape``: the forward
/// primal trace (v₁₋ₙ … v₀ = the inputs, then v₁, v₂, … in evaluation order), the forward tangent trace
/// v̇ᵢ = Σₖ ∂vᵢ/∂vₖ·v̇ₖ for one input direction, and the reverse adjoint trace v̄ₖ += v̄ᵢ·∂vᵢ/∂vₖ, which
/// shows every accumulation where a value fans out.
///
/// The local partials are the ones the tape recorded, so the tangent and adjoint traces are exactly what
/// reverse mode (and forward mode over the same partials) computes.
public struct ComputationTrace: Sendable {
    /// One node of the primal trace.
    public struct Node: Sendable {
        /// The article's numbering: inputs 1 − n … 0, then 1, 2, ….
        public var label: Int
        public var operation: TapeOperation
        public var operands: [Operand]
        /// ∂(this node)/∂(operand), one per operand.
        public var partials: [Double]
        public var value: Double
    }

    /// An operand: another node, or a constant of the program.
    public enum Operand: Sendable, Equatable {
        case node(Int)
        case constant(Double)
    }

    /// One step of the tangent trace: v̇ = Σ partial·v̇(operand).
    public struct TangentStep: Sendable {
        public var label: Int
        public var terms: [(partial: Double, operand: Int, tangent: Double)]
        public var tangent: Double
    }

    /// One step of the adjoint trace: v̄(target) (+)= v̄(source)·∂source/∂target.
    public struct AdjointStep: Sendable {
        public var target: Int
        public var source: Int
        public var partial: Double
        /// v̄(source) at the time.
        public var sourceAdjoint: Double
        /// v̄(target) after the step.
        public var adjoint: Double
        /// True when the target already had a contribution: a fan-out accumulation.
        public var accumulates: Bool
    }

    public var inputNames: [String]
    public var nodes: [Node]
    /// The labels of the function's outputs (nil for an output that is a constant).
    public var outputs: [Int?]

    /// Records `function` at `point` on a tracing tape.
    public static func record(_ function: any TestFunction, at point: [Double]) throws -> ComputationTrace {
        let tape = Tape<Double>(tracing: true)
        let inputs = tape.variables(point)
        let outputs = try function.evaluate(inputs)
        let records = tape.records
        var labels: [Int: Int] = [:]
        var next = 1 - point.count
        var nodes: [Node] = []
        for record in records where record.operation != .constant {
            labels[record.index] = next
            let operands: [Operand] = record.operands.map { operand in
                let source = records[operand]
                return source.operation == .constant ? .constant(source.value ?? .nan) : .node(labels[operand] ?? 0)
            }
            nodes.append(
                Node(label: next, operation: record.operation, operands: operands, partials: record.partials,
                     value: record.value ?? .nan))
            next += 1
        }
        return ComputationTrace(
            inputNames: function.inputNames, nodes: nodes,
            outputs: outputs.map { $0.nodeIndex.flatMap { labels[$0] } })
    }

    /// The number of inputs n.
    public var inputCount: Int { inputNames.count }

    private func position(_ label: Int) -> Int { label + inputCount - 1 }

    /// The tangent trace for the direction of input `input` (v̇ of that input = 1, the others 0).
    public func tangentTrace(input: Int) -> [TangentStep] {
        var tangents = [Double](repeating: 0, count: nodes.count)
        var steps: [TangentStep] = []
        for (position, node) in nodes.enumerated() {
            if node.operation == .input {
                tangents[position] = position == input ? 1 : 0
                steps.append(TangentStep(label: node.label, terms: [], tangent: tangents[position]))
                continue
            }
            var terms: [(partial: Double, operand: Int, tangent: Double)] = []
            for (operand, partial) in zip(node.operands, node.partials) {
                guard case .node(let label) = operand else { continue }
                terms.append((partial, label, tangents[self.position(label)]))
            }
            tangents[position] = terms.reduce(0) { $0 + $1.partial * $1.tangent }
            steps.append(TangentStep(label: node.label, terms: terms, tangent: tangents[position]))
        }
        return steps
    }

    /// The adjoint trace of output `output` (its adjoint seeded with 1), in the order the reverse sweep
    /// performs the updates, and the final adjoints of the inputs (the gradient).
    public func adjointTrace(output: Int = 0) -> (steps: [AdjointStep], gradient: [Double]) {
        var adjoints = [Double](repeating: 0, count: nodes.count)
        var touched = [Bool](repeating: false, count: nodes.count)
        guard outputs.indices.contains(output), let seed = outputs[output] else {
            return ([], [Double](repeating: 0, count: inputCount))
        }
        adjoints[position(seed)] = 1
        touched[position(seed)] = true
        var steps: [AdjointStep] = []
        for node in nodes[...position(seed)].reversed() where touched[position(node.label)] {
            let source = position(node.label)
            for (operand, partial) in zip(node.operands, node.partials) {
                guard case .node(let label) = operand else { continue }
                let target = position(label)
                let accumulates = touched[target]
                adjoints[target] += adjoints[source] * partial
                touched[target] = true
                steps.append(
                    AdjointStep(target: label, source: node.label, partial: partial, sourceAdjoint: adjoints[source],
                                adjoint: adjoints[target], accumulates: accumulates))
            }
        }
        return (steps, Array(adjoints[0..<inputCount]))
    }
}
