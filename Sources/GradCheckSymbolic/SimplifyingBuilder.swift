import Foundation

/// Creates nodes with rewriting: constant folding, algebraic identities, collection of like terms and
/// powers, a canonical order for commutative operations, and (through the arena's hash-consing)
/// common-subexpression elimination.
///
/// ## What "safe" means
/// A rewrite is applied only when, for every value of the inputs at which every subexpression of the
/// original is finite, the rewritten expression has the same value in exact arithmetic; evaluated in
/// floating point the two then differ by rounding only (reassociating a collected sum can change which
/// roundings happen, bounded by ε·Σ|terms|). On top of that, a rewrite that *removes a division* — x/x → 1,
/// x²/x → x, x/x² → 1/x, 0/x → 0 — requires the divisor to be provably nonzero: by its form
/// (``NodeFacts/isNonzero``: a nonzero constant, exp, cosh, x² + 1, …) or, when a derivative is simplified,
/// because the function itself is only defined where it is nonzero (``assumeDefined(_:)``: it divides or is
/// logged in f). So a pole of the expression inside the function's domain (0/0, where it is undefined) is
/// never filled in with a finite value. x·0 → 0 and x − x → 0 are applied unconditionally: they can only
/// hide a subexpression that is already ∞ or NaN.
///
/// ## The rewrites
/// - **Folding** (exact only, see ``ExactArithmetic``): c₁ ∘ c₂ for + − · ÷, cⁿ, and the elementary
///   functions at the points where they are exact (exp 0 = 1, log 1 = 0, sin 0 = 0, √4 = 2, …).
/// - **Identities**: x + 0, 0 + x, x − 0 → x; 0 − x → −x; x·1, 1·x, x/1 → x; x·0, 0·x → 0; x·(−1), x/(−1) → −x;
///   −(−x) → x; −(x − y) → y − x; −(c·x) → (−c)·x; x − x → 0; x/x → 1 (x ≠ 0); x⁰ → 1; x¹ → x;
///   (xᵐ)ⁿ → x^(mn); (−x)²ᵏ → x²ᵏ; pow(x, n) → xⁿ for a small integer constant n; pow(1, y) → 1.
/// - **Like terms**: a sum is viewed as c₀ + Σ cᵢ·mᵢ (through +, −, negation and constant multiples, up to
///   ``collectionLimit`` terms); when two operands share a monomial mᵢ, or both carry a constant, the
///   coefficients are added (exactly) and the sum is rebuilt: x + 2x → 3x, (x + 1) − (x − 2) → 3.
/// - **Powers**: a product is viewed as c·Π bᵢ^eᵢ (through ·, /, negation and integer powers); when two
///   operands share a base (with exponents of the same sign, or a nonzero base) or carry coefficients, the
///   exponents and coefficients are combined and the product rebuilt: x·x → x², 2x·3x → 6x², (4·d)·(−l) → −4·(d·l).
/// - **Order**: plain sums and products put their operands in id order (constants first in products, last
///   in sums), so u·v and v·u are one node; collected forms are rebuilt in id order as well.
///
/// When nothing can be collected the node is built as written (with simplified arguments), which keeps the
/// program's own sharing: a running product p·q stays a chain of binary products that later expressions
/// reuse, instead of being flattened and rebuilt.
public struct SimplifyingBuilder: ExpressionBuilder {
    public var graph: ExpressionGraph
    /// The most terms (of a sum) or factors (of a product) looked at when collecting; larger sums and
    /// products are left as they are. Bounds the work per node to O(limit²).
    public var collectionLimit: Int
    /// Nodes treated as nonzero because the expressions are only claimed where they are (see
    /// ``assumeDefined(_:)``).
    public var assumedNonzero: Set<NodeID> = []
    /// Sums known to have more than ``collectionLimit`` distinct monomials (see ``linearForm(_:)``): a sum
    /// of n terms built term by term then walks O(limit) nodes per term, not its whole prefix (O(n²) in all).
    var oversizedSums: Set<NodeID> = []

    public init(graph: ExpressionGraph, collectionLimit: Int = 24) {
        self.graph = graph
        self.collectionLimit = collectionLimit
    }

    // MARK: Small helpers

    func value(_ id: NodeID) -> Double? { graph.constantValue(id) }
    func isZero(_ id: NodeID) -> Bool { value(id) == 0 }
    func isOne(_ id: NodeID) -> Bool { value(id) == 1 }

    mutating func make(_ operation: Operation, _ a: NodeID, _ b: NodeID? = nil) throws -> NodeID {
        try graph.intern(operation, a, b)
    }

    // MARK: Sums

    public mutating func add(_ a: NodeID, _ b: NodeID) throws -> NodeID {
        if let x = value(a), let y = value(b) {
            if let s = ExactArithmetic.add(x, y) { return try constant(s) }
            return try plainSum(a, b, sign: 1)
        }
        if isZero(a) { return b }
        if isZero(b) { return a }
        return try collectSum(a, b, sign: 1)
    }

    public mutating func subtract(_ a: NodeID, _ b: NodeID) throws -> NodeID {
        if let x = value(a), let y = value(b) {
            if let s = ExactArithmetic.subtract(x, y) { return try constant(s) }
            return try plainSum(a, b, sign: -1)
        }
        if isZero(b) { return a }
        if isZero(a) { return try negate(b) }
        if a == b { return try constant(0) }
        return try collectSum(a, b, sign: -1)
    }

    public mutating func negate(_ a: NodeID) throws -> NodeID {
        if let c = value(a) { return try constant(-c) }
        switch graph.operation(a) {
        case .negate:
            return graph.first(a)!
        case .subtract:
            return try make(.subtract, graph.second(a)!, graph.first(a)!)
        case .multiply:
            if let c = value(graph.first(a)!) { return try make(.multiply, constant(-c), graph.second(a)!) }
        default:
            break
        }
        return try make(.negate, a)
    }

    /// a + b (sign > 0) or a − b (sign < 0) as one node, in canonical operand order, with a negated or
    /// negatively scaled right operand turned into the opposite operation.
    mutating func plainSum(_ a: NodeID, _ b: NodeID, sign: Int) throws -> NodeID {
        var left = a, right = b, sign = sign
        if case .negate = graph.operation(right) {
            right = graph.first(right)!
            sign = -sign
        } else if case .multiply = graph.operation(right), let c = value(graph.first(right)!), c < 0 {
            right = try make(.multiply, constant(-c), graph.second(right)!)
            sign = -sign
        } else if let c = value(right), c < 0, value(left) == nil {
            right = try constant(-c)
            sign = -sign
        }
        guard sign > 0 else { return try make(.subtract, left, right) }
        if case .negate = graph.operation(left) { return try make(.subtract, right, graph.first(left)!) }
        if value(left) != nil || (value(right) == nil && right < left) { swap(&left, &right) }
        return try make(.add, left, right)
    }

    // MARK: Products

    public mutating func multiply(_ a: NodeID, _ b: NodeID) throws -> NodeID {
        if let x = value(a), let y = value(b) {
            if let p = ExactArithmetic.multiply(x, y) { return try constant(p) }
            return try plainProduct(a, b)
        }
        if isZero(a) || isZero(b) { return try constant(0) }
        if isOne(a) { return b }
        if isOne(b) { return a }
        if value(a) == -1 { return try negate(b) }
        if value(b) == -1 { return try negate(a) }
        return try collectProduct(a, b, divide: false)
    }

    public mutating func divide(_ a: NodeID, _ b: NodeID) throws -> NodeID {
        if let x = value(a), let y = value(b) {
            if let q = ExactArithmetic.divide(x, y) { return try constant(q) }
            return try make(.divide, a, b)
        }
        if isOne(b) { return a }
        if value(b) == -1 { return try negate(a) }
        if isZero(a) && isNonzero(b) { return try constant(0) }
        if a == b && isNonzero(a) { return try constant(1) }
        return try collectProduct(a, b, divide: true)
    }

    /// a · b as one node: a constant operand first, otherwise the operands in id order.
    mutating func plainProduct(_ a: NodeID, _ b: NodeID) throws -> NodeID {
        var left = a, right = b
        if value(right) != nil && value(left) == nil || (value(left) == nil && value(right) == nil && right < left) {
            swap(&left, &right)
        }
        return try make(.multiply, left, right)
    }

    public mutating func power(_ a: NodeID, _ n: Int) throws -> NodeID {
        if n == 0 { return try constant(1) }
        if n == 1 { return a }
        if let c = value(a) {
            if let p = ExactArithmetic.power(c, n) { return try constant(p) }
            return try make(.power(n), a)
        }
        switch graph.operation(a) {
        case .power(let m):
            let (product, overflow) = m.multipliedReportingOverflow(by: n)
            if !overflow { return try power(graph.first(a)!, product) }
        case .negate where n % 2 == 0:
            return try power(graph.first(a)!, n)
        default:
            break
        }
        return try make(.power(n), a)
    }

    // MARK: Functions

    public mutating func function(_ f: ElementaryFunction, _ a: NodeID) throws -> NodeID {
        if let c = value(a), let folded = Self.exactValue(of: f, at: c) { return try constant(folded) }
        return try make(.function(f), a)
    }

    public mutating func binary(_ f: BinaryFunction, _ a: NodeID, _ b: NodeID) throws -> NodeID {
        if f == .pow {
            if isOne(a) { return a }
            if let y = value(b), y.rounded() == y, y.magnitude <= 64 { return try power(a, Int(y)) }
        }
        return try make(.binary(f), a, b)
    }

    /// f(c) where it is exactly representable: the functions at 0 (and 1 for the logarithms and cosine's
    /// friends), square roots of exact squares and cube roots of integer cubes. Zero keeps its sign for odd functions.
    static func exactValue(of f: ElementaryFunction, at c: Double) -> Double? {
        switch f {
        case .exp, .cosh: return c == 0 ? 1 : nil
        case .cos: return c == 0 ? 1 : nil
        case .log, .log2, .log10: return c == 1 ? 0 : nil
        case .acos: return c == 1 ? 0 : nil
        case .expm1, .log1p, .sin, .tan, .asin, .atan, .sinh, .tanh, .erf: return c == 0 ? c : nil
        case .sqrt:
            guard c >= 0 else { return nil }
            let s = c.squareRoot()
            return (-c).addingProduct(s, s) == 0 ? s : nil
        case .cbrt:
            let r = Foundation.cbrt(c).rounded()
            return r.magnitude < 0x1p17 && r * r * r == c ? r : nil
        }
    }
}
