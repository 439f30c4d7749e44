import GradCheckCore

/// Reverse mode in one screen: the readable specification of what ``Tape`` computes.
///
/// A tape is a list of nodes in the order the program computed them. Node k holds the nodes it read
/// (its operands) and, for each, the local partial derivative ∂vₖ/∂v_operand, taken when vₖ was
/// computed; inputs and constants are nodes with no operands. The gradient of an output node y is one
/// backward loop over the nodes from y down to the first, applying the chain rule as accumulation:
///
///     v̄_y = 1;   for k = y, y − 1, …, 0:   v̄_operand += v̄ₖ · ∂vₖ/∂v_operand   for each operand of k
///
/// after which v̄ₓ = ∂y/∂x for every input x. A node read by several later nodes (a fan-out) receives one
/// contribution from each. Every node is visited once, so a gradient costs a small constant times the
/// cost of the program, whatever the number of inputs.
///
/// ``Tape`` does exactly this over a packed byte stream (operand indices and partials stored inline,
/// ±1 partials implied by the record's shape, one buffer reused across sweeps). This type keeps the
/// algorithm apart from that layout: it is built from a packed tape's ``Tape/records``, and the tests
/// check that both give the same adjoints bit for bit.
public struct ReadableTape<Value: DifferentiableScalar> {
    /// One node: the operands it read and ∂(node)/∂(operand) for each.
    public struct Node {
        public var operands: [Int]
        public var partials: [Value]
    }

    /// The nodes, in the order they were computed.
    public private(set) var nodes: [Node] = []

    public init() {}

    /// The nodes of a packed tape's recording, with the same indices.
    public init(records: [TapeRecord<Value>]) {
        nodes = records.map { Node(operands: $0.operands, partials: $0.partials) }
    }

    /// Appends a node and returns its index: an input or a constant when `operands` is empty.
    public mutating func record(operands: [Int] = [], partials: [Value] = []) -> Int {
        precondition(operands.count == partials.count, "one local partial per operand")
        nodes.append(Node(operands: operands, partials: partials))
        return nodes.count - 1
    }

    /// The adjoint of every node after one backward loop from `output` (seeded with `seed`): ∂output/∂vₖ,
    /// and 0 for a node after `output`.
    public func adjoints(from output: Int, seed: Value = Value(1)) -> [Value] {
        var adjoint = [Value](repeating: Value(0), count: nodes.count)
        adjoint[output] = seed
        for k in stride(from: output, through: 0, by: -1) {
            for (operand, partial) in zip(nodes[k].operands, nodes[k].partials) {
                adjoint[operand] += adjoint[k] * partial
            }
        }
        return adjoint
    }

    /// ∂output/∂x for each node x of `inputs`.
    public func gradient(of output: Int, withRespectTo inputs: [Int]) -> [Value] {
        let adjoint = adjoints(from: output)
        return inputs.map { adjoint[$0] }
    }
}
