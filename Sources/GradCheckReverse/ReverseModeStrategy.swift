import GradCheckCore

/// Reverse-mode automatic differentiation on a ``Tape``: one forward sweep, one reverse sweep per output.
///
/// The forward sweep runs the function once on ``Tracked`` numbers, recording the program (the Wengert
/// list); reverse sweep i seeds the adjoint of output i with 1 and accumulates adjoints back to the inputs,
/// whose adjoints are row i of the Jacobian. The cost is O(m·ops(f)): for a scalar function the whole
/// gradient costs a small constant times the function, whatever the number of inputs.
///
/// Tapes are pooled per value type and reused: after the first derivative of a function, later ones
/// allocate no tape memory.
///
/// Figures: `passes` = 1 + m, `functionEvaluations` = 1, `tapeEntries` and `tapeBytes` of the recording.
public struct ReverseModeStrategy: DifferentiationStrategy {
    public var id: String { "reverse" }
    public var family: StrategyFamily { .automatic }
    public var summary: String { "reverse-mode AD on a tape: one forward sweep, one reverse sweep per output" }

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        try TapePool.shared.withTape(of: R.self) { tape in
            try Self.derivative(of: function, at: point, on: tape)
        }
    }

    /// The Jacobian of `function` at `point` recorded on `tape` (which is reset first and keeps the
    /// recording afterwards, for inspection).
    public static func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], on tape: Tape<R>
    ) throws -> StrategyOutput<R> {
        tape.reset()
        let inputs = tape.variables(point)
        let outputs = try function.evaluate(inputs)
        if tape.isExhausted {
            throw StrategyError.unsupported(
                "the program records more than the tape's limit of \(tape.maximumBytes) bytes")
        }
        let jacobian = outputs.map { output in
            tape.gradient(of: output, withRespectTo: inputs)
        }
        let figures = StrategyFigures(
            functionEvaluations: 1, passes: 1 + outputs.count, tapeEntries: tape.entryCount,
            tapeBytes: tape.byteCount)
        return StrategyOutput(jacobian: jacobian, figures: figures)
    }

    /// Frees the tapes kept for reuse between derivatives.
    public static func discardCachedTapes() {
        TapePool.shared.removeAll()
    }
}
