import GradCheckCore

/// A closed-form expression: a tree of constants, inputs and operations, with value semantics.
///
/// (Named `SymbolicExpression` rather than `Expression`, which Foundation already declares.)
///
/// A value is immutable; building a larger expression from smaller ones shares them rather than copying,
/// so an expression that uses a subexpression many times costs memory once — but it *means* the tree in
/// which the subexpression is written out every time, and ``treeSize`` counts it that way (computed when
/// the node is made, in `Double`, so it is cheap even when it is astronomically large). ``dagSize`` counts
/// the distinct subexpressions instead, the size of the hash-consed ``ExpressionGraph`` view.
///
/// The operators and static functions build raw nodes (no simplification); ``simplified()`` and
/// ``derivative(withRespectTo:simplified:)`` go through the graph.
public struct SymbolicExpression: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
{
    /// A node of the tree. Immutable once made (hence `@unchecked Sendable`); only `deinit` empties
    /// `arguments`, to release long chains iteratively instead of by recursion that could exhaust the stack.
    final class Node: @unchecked Sendable {
        let operation: Operation
        private(set) var arguments: [SymbolicExpression]
        let treeSize: Double
        let structuralHash: Int

        init(_ operation: Operation, _ arguments: [SymbolicExpression]) {
            self.operation = operation
            self.arguments = arguments
            treeSize = arguments.reduce(1) { $0 + $1.treeSize }
            var hasher = Hasher()
            hasher.combine(operation)
            for argument in arguments { hasher.combine(argument.node.structuralHash) }
            structuralHash = hasher.finalize()
        }

        deinit {
            guard !arguments.isEmpty else { return }
            var pending = arguments.map(\.node)
            arguments = []
            while var node = pending.popLast() {
                guard isKnownUniquelyReferenced(&node) else { continue }
                pending.append(contentsOf: node.arguments.map(\.node))
                node.arguments = []
            }
        }
    }

    let node: Node

    /// `operation` applied to `arguments` (exactly its arity of them).
    public init(_ operation: Operation, _ arguments: [SymbolicExpression] = []) {
        precondition(arguments.count == operation.arity, "\(operation) takes \(operation.arity) argument(s)")
        node = Node(operation, arguments)
    }

    public init(integerLiteral value: Int) { self.init(.constant(Double(value))) }
    public init(floatLiteral value: Double) { self.init(.constant(value)) }

    /// What the root does.
    public var operation: Operation { node.operation }
    /// The root's arguments, in order.
    public var arguments: [SymbolicExpression] { node.arguments }
    /// Nodes of the expression written out as a tree (a shared subexpression counted at every occurrence).
    public var treeSize: Double { node.treeSize }

    /// Distinct subexpressions: the node count of the hash-consed DAG.
    public var dagSize: Int {
        var graph = ExpressionGraph(nodeLimit: .max)
        guard let root = try? graph.add(self) else { return 0 }
        return graph.dagSize(of: [root])
    }

    // MARK: Leaves

    /// The constant `c`.
    public static func constant(_ c: Double) -> SymbolicExpression { SymbolicExpression(.constant(c)) }
    /// Input `i` (0-based).
    public static func input(_ i: Int) -> SymbolicExpression { SymbolicExpression(.input(i)) }
    /// π.
    public static var pi: SymbolicExpression { SymbolicExpression(.pi) }

    // MARK: Operations (raw)

    public static func + (a: SymbolicExpression, b: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(.add, [a, b])
    }
    public static func - (a: SymbolicExpression, b: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(.subtract, [a, b])
    }
    public static func * (a: SymbolicExpression, b: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(.multiply, [a, b])
    }
    public static func / (a: SymbolicExpression, b: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(.divide, [a, b])
    }
    public static prefix func - (a: SymbolicExpression) -> SymbolicExpression { SymbolicExpression(.negate, [a]) }
    /// aⁿ for an integer n.
    public static func pow(_ a: SymbolicExpression, _ n: Int) -> SymbolicExpression {
        SymbolicExpression(.power(n), [a])
    }
    /// f(a) for an elementary function of one argument.
    public static func apply(_ f: ElementaryFunction, _ a: SymbolicExpression) -> SymbolicExpression {
        SymbolicExpression(.function(f), [a])
    }
    /// f(a, b) for pow, atan2 (a = y, b = x) and hypot.
    public static func apply(_ f: BinaryFunction, _ a: SymbolicExpression, _ b: SymbolicExpression)
        -> SymbolicExpression
    {
        SymbolicExpression(.binary(f), [a, b])
    }

    public static func exp(_ a: SymbolicExpression) -> SymbolicExpression { apply(.exp, a) }
    public static func log(_ a: SymbolicExpression) -> SymbolicExpression { apply(.log, a) }
    public static func sin(_ a: SymbolicExpression) -> SymbolicExpression { apply(.sin, a) }
    public static func cos(_ a: SymbolicExpression) -> SymbolicExpression { apply(.cos, a) }
    public static func sqrt(_ a: SymbolicExpression) -> SymbolicExpression { apply(.sqrt, a) }
    public static func pow(_ a: SymbolicExpression, _ b: SymbolicExpression) -> SymbolicExpression {
        apply(.pow, a, b)
    }

    // MARK: Symbolic operations

    /// The expression with the rewrites of ``SimplifyingBuilder`` applied.
    public func simplified(nodeLimit: Int = ExpressionGraph.defaultNodeLimit) throws -> SymbolicExpression {
        var graph = ExpressionGraph(nodeLimit: nodeLimit)
        let root = try graph.add(self)
        let result = try Simplifier.simplify([root], in: &graph)
        return graph.expression(for: result[0])
    }

    /// ∂/∂x_`input` by the textbook rules (``Differentiator``), simplified or not.
    public func derivative(
        withRespectTo input: Int, simplified: Bool = true, nodeLimit: Int = ExpressionGraph.defaultNodeLimit
    ) throws -> SymbolicExpression {
        var builder = RawBuilder(graph: ExpressionGraph(nodeLimit: nodeLimit))
        let root = try builder.graph.add(self)
        var result = try Differentiator.derivatives(of: [root], withRespectTo: input, using: &builder)
        if simplified { result = try Simplifier.simplify(result, in: &builder.graph) }
        return builder.graph.expression(for: result[0])
    }

    /// The value at `inputs`, computed in R (each distinct subexpression once).
    public func evaluate<R: RealNumber>(at inputs: [R]) -> R {
        var graph = ExpressionGraph(nodeLimit: .max)
        guard let root = try? graph.add(self) else { return R(.nan) }
        return EvaluationProgram(graph: graph, roots: [root]).evaluate(at: inputs)[0]
    }

    /// Infix text with inputs named from `inputNames` (see ``ExpressionPrinter``).
    public func string(inputNames: [String] = []) -> String {
        ExpressionPrinter(inputNames: inputNames).string(for: self)
    }

    public var description: String { string() }

    // MARK: Equality

    /// Structural equality: the same tree. Decided in time linear in the distinct subexpressions (both are
    /// interned into one arena and their ids compared), never by walking the possibly huge trees.
    public static func == (lhs: SymbolicExpression, rhs: SymbolicExpression) -> Bool {
        if lhs.node === rhs.node { return true }
        guard lhs.node.structuralHash == rhs.node.structuralHash, lhs.treeSize == rhs.treeSize else { return false }
        var graph = ExpressionGraph(nodeLimit: .max)
        guard let a = try? graph.add(lhs), let b = try? graph.add(rhs) else { return false }
        return a == b
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(node.structuralHash) }
}

extension ExpressionGraph {
    /// Interns `expression` (and every subexpression) and returns the id of its root. Linear in the number
    /// of distinct node objects; iterative, so deep expressions are fine.
    public mutating func add(_ expression: SymbolicExpression) throws -> NodeID {
        var done: [ObjectIdentifier: NodeID] = [:]
        var work: [(SymbolicExpression, Bool)] = [(expression, false)]
        while let (e, expanded) = work.popLast() {
            let key = ObjectIdentifier(e.node)
            if done[key] != nil { continue }
            let pending = e.arguments.filter { done[ObjectIdentifier($0.node)] == nil }
            if !expanded && !pending.isEmpty {
                work.append((e, true))
                for argument in pending.reversed() { work.append((argument, false)) }
                continue
            }
            let ids = e.arguments.map { done[ObjectIdentifier($0.node)]! }
            done[key] = try intern(e.operation, ids.first, ids.count > 1 ? ids[1] : nil)
        }
        return done[ObjectIdentifier(expression.node)]!
    }

    /// The expression rooted at `id`, sharing the node objects of repeated subexpressions.
    public func expression(for id: NodeID) -> SymbolicExpression { expressions(for: [id])[0] }

    /// The expressions rooted at `roots`, sharing node objects between them.
    public func expressions(for roots: [NodeID]) -> [SymbolicExpression] {
        var built: [Int32: SymbolicExpression] = [:]
        for node in reachable(from: roots) {
            let arguments = self.arguments(node).map { built[$0.index]! }
            built[node.index] = SymbolicExpression(operation(node), arguments)
        }
        return roots.map { built[$0.index]! }
    }
}
