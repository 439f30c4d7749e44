import Synchronization

/// The arena and the path conditions of one trace: where ``Traced`` numbers record what the program does.
///
/// Every traced value that depends on an input holds a reference to its recorder, so values can be
/// combined anywhere (even after the trace returned) without global state. Operations on two constants
/// have no recorder to go to; during a trace they find it through the task-local ``current`` (so a
/// program's constant subexpressions, such as `S(1) / S(3)`, are kept as written and evaluated in the
/// working precision later); outside any trace they are simply folded in `Double`.
///
/// The arena has a node limit. Past it the recorder stops adding nodes (operations then yield plain values,
/// so the program still runs to its end at the speed of `Double` and memory stays bounded) and remembers
/// that it overflowed; ``Tracer`` turns that into ``ExpressionSwell``.
public final class TraceRecorder: Sendable {
    struct State: Sendable {
        var graph: ExpressionGraph
        var conditions: [RecordedCondition] = []
        var seenConditions: Set<RecordedCondition> = []
        var overflowed = false
        var mixedTraces = false
    }

    let state: Mutex<State>

    /// The recorder of the trace running in this task, if any.
    @TaskLocal static var current: TraceRecorder?

    init(nodeLimit: Int) {
        state = Mutex(State(graph: ExpressionGraph(nodeLimit: nodeLimit)))
    }

    /// The node of `x` in `state`'s arena: its own node, or a new constant node for a constant (or for a
    /// value of another trace, which is flagged as an error).
    private func node(of x: Traced, in state: inout State) throws -> NodeID {
        if x.node >= 0 {
            if x.recorder === self { return NodeID(x.node) }
            state.mixedTraces = true
        }
        return try state.graph.constant(x.value)
    }

    /// Records `operation(a, b)` and returns the new node's index, or −1 once the arena is full.
    func record(_ operation: Operation, _ a: Traced, _ b: Traced?) -> Int32 {
        state.withLock { state in
            guard !state.overflowed else { return -1 }
            do {
                let first = try node(of: a, in: &state)
                let second = try b.map { try node(of: $0, in: &state) }
                return try state.graph.intern(operation, first, second).index
            } catch {
                state.overflowed = true
                return -1
            }
        }
    }

    /// The node of input `i`.
    func input(_ i: Int) -> Int32 {
        state.withLock { state in
            do { return try state.graph.input(i).index } catch {
                state.overflowed = true
                return -1
            }
        }
    }

    /// Records that `lhs relation rhs` held, if either side depends on an input (see ``PathCondition``).
    func recordCondition(_ lhs: Traced, _ relation: Relation, _ rhs: Traced) {
        state.withLock { state in
            guard !state.overflowed,
                var left = try? node(of: lhs, in: &state), var right = try? node(of: rhs, in: &state)
            else { return }
            let leftVaries = state.graph.facts(left).dependsOnInput
            let rightVaries = state.graph.facts(right).dependsOnInput
            guard leftVaries || rightVaries else { return }
            var relation = relation
            if !leftVaries {
                swap(&left, &right)
                relation = relation.flipped
            }
            let condition = RecordedCondition(lhs: left, relation: relation, rhs: right)
            if state.seenConditions.insert(condition).inserted { state.conditions.append(condition) }
        }
    }

    /// The expression of a traced value's node.
    func expression(_ node: Int32) -> SymbolicExpression {
        state.withLock { $0.graph.expression(for: NodeID(node)) }
    }

    /// Takes the recorded state out (the recorder is left empty).
    func take() -> State {
        state.withLock { state in
            var taken = State(graph: ExpressionGraph(nodeLimit: 0))
            swap(&taken, &state)
            return taken
        }
    }
}
