import GradCheckCore

/// A program traced at one point: the closed form of each output on the path the program took there, and
/// the path conditions that delimit where that closed form holds.
public struct Trace: Sendable {
    /// The arena holding the closed forms (as traced: hash-consed, not simplified).
    public var graph: ExpressionGraph
    /// The input nodes, one per input.
    public var inputs: [NodeID]
    /// The output nodes, one per output (constant nodes for outputs that do not depend on the inputs).
    public var outputs: [NodeID]
    /// The value of each output on this run, in `Double`.
    public var values: [Double]
    /// The data-dependent decisions of the run, in the order they were first made.
    public var conditions: [PathCondition]
    /// The same decisions as node ids of ``graph``.
    var recordedConditions: [RecordedCondition]
}

/// Runs a test function over ``Traced`` numbers.
public enum Tracer {
    /// Traces `function` at `point`. Throws ``ExpressionSwell`` when the trace needs more than `nodeLimit`
    /// distinct nodes (checked at every operation, so a runaway loop stops growing memory at once),
    /// `StrategyError.failed` when the program mixes values of two different traces or returns the wrong
    /// number of outputs, and whatever the function itself throws.
    public static func trace(
        _ function: any TestFunction, at point: [Double], nodeLimit: Int = ExpressionGraph.defaultNodeLimit
    ) throws -> Trace {
        let recorder = TraceRecorder(nodeLimit: nodeLimit)
        let inputs = point.enumerated().map { i, x in
            Traced(value: x, node: recorder.input(i), recorder: recorder)
        }
        let results = try TraceRecorder.$current.withValue(recorder) { try function.evaluate(inputs) }
        var state = recorder.take()
        if state.overflowed { throw ExpressionSwell(limit: nodeLimit, measure: .dagNodes) }
        if state.mixedTraces {
            throw StrategyError.failed("the function combined values of two different symbolic traces")
        }
        guard results.count == function.outputCount else {
            throw StrategyError.failed("the function returned \(results.count) outputs, expected \(function.outputCount)")
        }
        var outputs: [NodeID] = []
        for result in results {
            if result.node >= 0 && result.recorder === recorder {
                outputs.append(NodeID(result.node))
            } else {
                outputs.append(try state.graph.constant(result.value))
            }
        }
        let inputIDs = try point.indices.map { try state.graph.input($0) }
        let conditions = state.conditions.map { recorded in
            PathCondition(
                lhs: state.graph.expression(for: recorded.lhs), relation: recorded.relation,
                rhs: state.graph.expression(for: recorded.rhs))
        }
        return Trace(
            graph: state.graph, inputs: inputIDs, outputs: outputs, values: results.map(\.value),
            conditions: conditions, recordedConditions: state.conditions)
    }
}
