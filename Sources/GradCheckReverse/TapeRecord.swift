import GradCheckCore

/// One recorded operation of a ``Tape``, as listed for traces: vₖ = operation(v_{operands…}).
public struct TapeRecord<Value: DifferentiableScalar>: Sendable {
    /// The node's index k on the tape (inputs first, in the order they were created).
    public var index: Int
    /// What the node computes.
    public var operation: TapeOperation
    /// The nodes the operation read, in operand order. An untraced tape does not record constant
    /// operands, so an operation with a constant lists only its tracked operand.
    public var operands: [Int]
    /// The local partial ∂vₖ/∂v for each operand, in the same order (±1 where the tape stores none).
    public var partials: [Value]
    /// The node's value; recorded only by a tracing tape (nil otherwise).
    public var value: Value?
}

extension Tape {
    /// Every recorded operation in recording order: the forward primal trace. Values are present when the
    /// tape traces (``init(tracing:maximumBytes:)``); then constants appear as `.constant` nodes as well.
    public var records: [TapeRecord<Value>] {
        let s = storage.pointee
        return s.storedRecords().enumerated().map { k, stored in
            let shape = stored.code.shape
            let partials: [Value] = switch shape {
            case .leaf: []
            case .identity: [Value(1)]
            case .negation: [Value(-1)]
            case .weighted, .weightedPair: stored.partials
            case .sum: [Value(1), Value(1)]
            case .difference: [Value(1), Value(-1)]
            }
            return TapeRecord(
                index: k, operation: stored.code.operation, operands: stored.operands.map { Int($0) },
                partials: partials, value: s.tracing ? s.values[k] : nil)
        }
    }

    /// The adjoints of the last reverse sweep, node by node (∂output/∂vₖ for k up to the swept output,
    /// zero after it): the reverse adjoint trace. Empty before the first sweep.
    public var adjoints: [Value] {
        guard sweptOutput >= 0 else { return [] }
        let s = storage.pointee
        return (0..<s.count).map { $0 <= sweptOutput ? s.adjoints[$0] : Value(0) }
    }
}
