/// The identity of a node in an ``ExpressionGraph``: its index in the arena.
///
/// Nodes are only ever created after their arguments, so ids are a topological order: every argument of a
/// node has a smaller id than the node. Evaluation, differentiation and simplification rely on this to
/// work in one ascending (or, for adjoints, descending) sweep, without recursion.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The index in the arena.
    public let index: Int32

    @inlinable init(_ index: Int32) { self.index = index }
    @inlinable init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
    public var description: String { "#\(index)" }
}

/// The hash-consed DAG view of closed-form expressions: an arena of unique nodes.
///
/// Interning a node returns the id of an existing node with the same operation and the same argument ids
/// when there is one, so structurally equal subexpressions are stored (and later evaluated) once: this is
/// common-subexpression elimination by construction. Interning never rewrites anything; the rewriting
/// builders (``SimplifyingBuilder``) sit on top of it.
///
/// Per node the arena keeps:
/// - its tree size (nodes of the expression written out as a tree, counting a shared subexpression every
///   time it occurs): 1 + Σ tree sizes of the arguments, in `Double`, so that it is computed in O(1) per node
///   even when it is astronomically large (exact below 2⁵³, then rounded, ∞ beyond ~10³⁰⁸);
/// - ``NodeFacts``: whether it depends on an input, and what is provable about its sign.
///
/// The arena holds at most ``nodeLimit`` nodes; interning past it throws ``ExpressionSwell``, so runaway
/// growth stops while it is being built, long before memory runs out.
public struct ExpressionGraph: Sendable {
    @usableFromInline struct Key: Hashable, Sendable {
        var operation: Operation
        var first: Int32
        var second: Int32
    }

    public private(set) var operations: [Operation] = []
    @usableFromInline var firstArguments: [Int32] = []
    @usableFromInline var secondArguments: [Int32] = []
    @usableFromInline var treeSizes: [Double] = []
    @usableFromInline var nodeFacts: [NodeFacts] = []
    @usableFromInline var index: [Key: Int32] = [:]

    /// The most nodes the arena may hold.
    public var nodeLimit: Int

    /// The default limit on nodes: one million.
    public static let defaultNodeLimit = 1_000_000

    /// An empty arena that holds at most `nodeLimit` nodes.
    public init(nodeLimit: Int = ExpressionGraph.defaultNodeLimit) {
        self.nodeLimit = nodeLimit
    }

    /// The number of nodes in the arena (reachable from anything or not).
    public var count: Int { operations.count }

    /// Every id in the arena, in topological (ascending) order.
    public var ids: [NodeID] { (0..<operations.count).map { NodeID($0) } }

    // MARK: Interning

    /// The id of the node `operation(first, second)`, created if it does not exist yet. Pass the argument
    /// ids for the operation's arity (none for leaves).
    public mutating func intern(_ operation: Operation, _ first: NodeID? = nil, _ second: NodeID? = nil) throws
        -> NodeID
    {
        precondition(
            (first != nil ? 1 : 0) + (second != nil ? 1 : 0) == operation.arity,
            "\(operation) takes \(operation.arity) argument(s)")
        let a = first?.index ?? -1, b = second?.index ?? -1
        precondition(a < Int32(count) && b < Int32(count), "argument ids must already exist")
        let key = Key(operation: operation, first: a, second: b)
        if let existing = index[key] { return NodeID(existing) }
        guard count < nodeLimit else { throw ExpressionSwell(limit: nodeLimit, measure: .dagNodes) }
        let id = Int32(count)
        operations.append(operation)
        firstArguments.append(a)
        secondArguments.append(b)
        var size = 1.0
        if a >= 0 { size += treeSizes[Int(a)] }
        if b >= 0 { size += treeSizes[Int(b)] }
        treeSizes.append(size)
        nodeFacts.append(
            NodeFacts(
                operation: operation, first: a >= 0 ? nodeFacts[Int(a)] : nil,
                second: b >= 0 ? nodeFacts[Int(b)] : nil, sameArguments: a >= 0 && a == b))
        index[key] = id
        return NodeID(id)
    }

    /// The constant node `c`.
    public mutating func constant(_ c: Double) throws -> NodeID { try intern(.constant(c)) }

    /// The node of input `i` (0-based).
    public mutating func input(_ i: Int) throws -> NodeID { try intern(.input(i)) }

    // MARK: Reading

    /// The operation of node `id`.
    @inlinable public func operation(_ id: NodeID) -> Operation { operations[Int(id.index)] }

    /// The first argument of `id`, if its operation has one.
    @inlinable public func first(_ id: NodeID) -> NodeID? {
        let a = firstArguments[Int(id.index)]
        return a >= 0 ? NodeID(a) : nil
    }

    /// The second argument of `id`, if its operation has two.
    @inlinable public func second(_ id: NodeID) -> NodeID? {
        let b = secondArguments[Int(id.index)]
        return b >= 0 ? NodeID(b) : nil
    }

    /// The arguments of `id`, in order.
    public func arguments(_ id: NodeID) -> [NodeID] {
        [first(id), second(id)].compactMap { $0 }
    }

    /// The value of `id` when it is a constant node.
    @inlinable public func constantValue(_ id: NodeID) -> Double? {
        if case .constant(let c) = operations[Int(id.index)] { return c }
        return nil
    }

    /// What is known about the value of `id` (input dependence, sign).
    @inlinable public func facts(_ id: NodeID) -> NodeFacts { nodeFacts[Int(id.index)] }

    /// The size of the expression rooted at `id` written out as a tree (see the type's documentation).
    @inlinable public func treeSize(_ id: NodeID) -> Double { treeSizes[Int(id.index)] }

    // MARK: Sizes of sets of roots

    /// The nodes reachable from `roots` (the roots included), in ascending (topological) order.
    public func reachable(from roots: [NodeID]) -> [NodeID] {
        var seen = [Bool](repeating: false, count: count)
        var stack = roots.map(\.index)
        while let top = stack.popLast() {
            let i = Int(top)
            if seen[i] { continue }
            seen[i] = true
            let a = firstArguments[i], b = secondArguments[i]
            if a >= 0 && !seen[Int(a)] { stack.append(a) }
            if b >= 0 && !seen[Int(b)] { stack.append(b) }
        }
        var result: [NodeID] = []
        for i in seen.indices where seen[i] { result.append(NodeID(i)) }
        return result
    }

    /// The number of distinct nodes needed by `roots`: the size of their joint DAG.
    public func dagSize(of roots: [NodeID]) -> Int { reachable(from: roots).count }

    /// The size of `roots` written out as separate trees: Σ tree sizes (each root counted on its own, and
    /// each shared subexpression every time it occurs).
    public func treeSize(of roots: [NodeID]) -> Double { roots.reduce(0) { $0 + treeSize($1) } }
}

/// Growth of an expression past the node limit: reported by the strategies as
/// `unsupported("expression swell beyond N nodes")`.
public struct ExpressionSwell: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which size went past the limit.
    public enum Measure: String, Sendable {
        /// The distinct nodes of the arena (the DAG that is built).
        case dagNodes = "DAG nodes"
        /// The nodes of an expression written out as a tree (what an unsimplified evaluation visits).
        case treeNodes = "tree nodes"
    }

    /// The limit that was exceeded.
    public var limit: Int
    /// Which size exceeded it.
    public var measure: Measure

    public init(limit: Int, measure: Measure) {
        self.limit = limit
        self.measure = measure
    }

    public var description: String { "expression swell beyond \(limit) nodes (\(measure.rawValue))" }
}

