/// Something that creates nodes in an ``ExpressionGraph``: either literally (``RawBuilder``) or with
/// rewriting (``SimplifyingBuilder``).
///
/// The derivative rules (``DerivativeRules``) are written once against this protocol, so the textbook
/// differentiation can build raw expressions (to show expression swell) and the adjoint construction can
/// build simplified ones, with the same rules.
public protocol ExpressionBuilder {
    /// The arena the nodes are created in.
    var graph: ExpressionGraph { get set }

    mutating func add(_ a: NodeID, _ b: NodeID) throws -> NodeID
    mutating func subtract(_ a: NodeID, _ b: NodeID) throws -> NodeID
    mutating func multiply(_ a: NodeID, _ b: NodeID) throws -> NodeID
    mutating func divide(_ a: NodeID, _ b: NodeID) throws -> NodeID
    mutating func negate(_ a: NodeID) throws -> NodeID
    /// aⁿ for an integer n.
    mutating func power(_ a: NodeID, _ n: Int) throws -> NodeID
    mutating func function(_ f: ElementaryFunction, _ a: NodeID) throws -> NodeID
    mutating func binary(_ f: BinaryFunction, _ a: NodeID, _ b: NodeID) throws -> NodeID
}

extension ExpressionBuilder {
    /// The constant node `c` (constants are never rewritten).
    public mutating func constant(_ c: Double) throws -> NodeID { try graph.constant(c) }

    /// The node π.
    public mutating func pi() throws -> NodeID { try graph.intern(.pi) }

    /// aⁿ⁻¹, the power in the derivative n·aⁿ⁻¹ of aⁿ, formed without overflow: n = `Int.min` has no
    /// n − 1 in `Int`, so there it is aⁿ / a.
    public mutating func power(_ a: NodeID, oneBelow n: Int) throws -> NodeID {
        n == .min ? try divide(power(a, n), a) : try power(a, n - 1)
    }

    /// The node of input `i`.
    public mutating func input(_ i: Int) throws -> NodeID { try graph.input(i) }

    /// `operation` applied to `arguments` (as many as its arity), through this builder's constructors.
    public mutating func apply(_ operation: Operation, _ arguments: [NodeID]) throws -> NodeID {
        switch operation {
        case .constant, .pi, .input: try graph.intern(operation)
        case .add: try add(arguments[0], arguments[1])
        case .subtract: try subtract(arguments[0], arguments[1])
        case .multiply: try multiply(arguments[0], arguments[1])
        case .divide: try divide(arguments[0], arguments[1])
        case .negate: try negate(arguments[0])
        case .power(let n): try power(arguments[0], n)
        case .function(let f): try function(f, arguments[0])
        case .binary(let f): try binary(f, arguments[0], arguments[1])
        }
    }
}

/// Creates nodes exactly as asked: no folding, no identities, no reordering (only hash-consing, which
/// shares structurally equal nodes). This is what "unsimplified" means.
///
/// Optionally it enforces a limit on the *tree* size of every node it creates, checked as each node is
/// made: the unsimplified strategy evaluates its derivative as a tree, so that is the size that must stay
/// bounded there.
public struct RawBuilder: ExpressionBuilder {
    public var graph: ExpressionGraph
    /// The largest tree size a created node may have; nil for none.
    public var treeLimit: Double?

    public init(graph: ExpressionGraph, treeLimit: Double? = nil) {
        self.graph = graph
        self.treeLimit = treeLimit
    }

    private mutating func make(_ operation: Operation, _ a: NodeID, _ b: NodeID? = nil) throws -> NodeID {
        let id = try graph.intern(operation, a, b)
        if let treeLimit, graph.treeSize(id) > treeLimit {
            throw ExpressionSwell(limit: Int(treeLimit), measure: .treeNodes)
        }
        return id
    }

    public mutating func add(_ a: NodeID, _ b: NodeID) throws -> NodeID { try make(.add, a, b) }
    public mutating func subtract(_ a: NodeID, _ b: NodeID) throws -> NodeID { try make(.subtract, a, b) }
    public mutating func multiply(_ a: NodeID, _ b: NodeID) throws -> NodeID { try make(.multiply, a, b) }
    public mutating func divide(_ a: NodeID, _ b: NodeID) throws -> NodeID { try make(.divide, a, b) }
    public mutating func negate(_ a: NodeID) throws -> NodeID { try make(.negate, a) }
    public mutating func power(_ a: NodeID, _ n: Int) throws -> NodeID { try make(.power(n), a) }
    public mutating func function(_ f: ElementaryFunction, _ a: NodeID) throws -> NodeID {
        try make(.function(f), a)
    }
    public mutating func binary(_ f: BinaryFunction, _ a: NodeID, _ b: NodeID) throws -> NodeID {
        try make(.binary(f), a, b)
    }
}
