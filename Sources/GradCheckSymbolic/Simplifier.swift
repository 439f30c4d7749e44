/// Simplification of whole expressions: one bottom-up sweep that rebuilds every node reachable from the
/// roots through ``SimplifyingBuilder``, whose arguments are then already simplified.
///
/// Cost: O(DAG size × collection limit²) in the worst case, typically a few hash look-ups per node. The
/// memo is shared by all roots, so a subexpression common to several roots (the function and every entry
/// of its gradient share the primal nodes) is simplified once and stays shared: common-subexpression
/// elimination comes from the arena, which interns the rebuilt nodes.
///
/// Simplification never changes a value beyond rounding (see ``SimplifyingBuilder`` for the exact
/// guarantee and what "safe" means for cancellations).
public enum Simplifier {
    /// The simplified counterparts of `roots`, in the same arena.
    public static func simplify(_ roots: [NodeID], using builder: inout SimplifyingBuilder) throws -> [NodeID] {
        let nodes = builder.graph.reachable(from: roots)
        var simplified: [Int32: NodeID] = [:]
        simplified.reserveCapacity(nodes.count)
        var arguments: [NodeID] = []
        for node in nodes {
            arguments.removeAll(keepingCapacity: true)
            if let a = builder.graph.first(node) { arguments.append(simplified[a.index]!) }
            if let b = builder.graph.second(node) { arguments.append(simplified[b.index]!) }
            let operation = builder.graph.operation(node)
            simplified[node.index] = operation.arity == 0 ? node : try builder.apply(operation, arguments)
        }
        return roots.map { simplified[$0.index]! }
    }

    /// The simplified counterparts of `roots` in `graph`.
    public static func simplify(_ roots: [NodeID], in graph: inout ExpressionGraph) throws -> [NodeID] {
        var builder = SimplifyingBuilder(graph: graph)
        graph = ExpressionGraph(nodeLimit: 0)
        defer { graph = builder.graph }
        return try simplify(roots, using: &builder)
    }
}
