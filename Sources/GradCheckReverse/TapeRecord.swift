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
    /// tape traces (``init(tracing:)``); then constants appear as `.constant` nodes as well.
    public var records: [TapeRecord<Value>] {
        let s = storage.pointee
        var result: [TapeRecord<Value>] = []
        result.reserveCapacity(s.count)
        var o = 0, p = 0
        for k in 0..<s.count {
            let code = RecordCode(rawValue: s.codes[k])
            let shape = code.shape
            let operands = (0..<shape.operandCount).map { Int(s.operands[o + $0]) }
            let partials: [Value] = switch shape {
            case .leaf: []
            case .identity: [Value(1)]
            case .negation: [Value(-1)]
            case .weighted: [s.partials[p]]
            case .sum: [Value(1), Value(1)]
            case .difference: [Value(1), Value(-1)]
            case .weightedPair: [s.partials[p], s.partials[p + 1]]
            }
            o += shape.operandCount
            p += shape.storedPartialCount
            result.append(
                TapeRecord(
                    index: k, operation: code.operation, operands: operands, partials: partials,
                    value: s.tracing ? s.values[k] : nil))
        }
        return result
    }

    /// The adjoints of the last reverse sweep, node by node (∂output/∂vₖ for k up to the swept output,
    /// zero after it): the reverse adjoint trace. Empty before the first sweep.
    public var adjoints: [Value] {
        guard sweptOutput >= 0 else { return [] }
        let s = storage.pointee
        return (0..<s.count).map { $0 <= sweptOutput ? s.adjoints[$0] : Value(0) }
    }
}
