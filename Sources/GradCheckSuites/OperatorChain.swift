/// A run of left-associative operators of one precedence level — `a + b - c + …`, `a * b / c`,
/// `p && q && r`, `p || q || r` — kept flat: the first operand and a list of (operator, operand) links.
///
/// Why flat: a sum of 20,000 terms is not nesting. Read as the binary tree `((a + b) + c) + …` it would be
/// 20,000 levels deep, and every recursive pass over the tree (the checker, the compiler, the evaluation of
/// the compiled closures, the release of the tree) would need stack in proportion. Kept as a chain, it
/// costs one level, whatever its length; only real nesting — parentheses, calls, indexing, prefix
/// operators, the right operand of `^` — adds levels.
///
/// How deep a chain counts (``depth(_:_:)``) follows how it is evaluated:
/// - a chain of at most ``nestedLimit`` operators is checked and compiled as the nested binary operations
///   it stands for (``nested(_:_:)``), exactly as before chains existed, so it counts as deep as that
///   nested tree: at most one level per operator above its deepest operand;
/// - a longer chain is checked by a loop and compiled to one node that folds its operands from left to
///   right, so it counts one level above its deepest operand.
///
/// Either way the evaluation order is the written one, left to right, `((a + b) + c) + …`, so rounding is
/// exactly that of the nested form: a chain is never re-associated. The parser bounds the depth so
/// measured by ``Parser/maximumNesting`` and the number of links by ``maximumLinks``.
struct ChainLink: Sendable {
    var op: BinaryOperator
    var operand: Expr
    /// The offset of the operator, where type errors of this step point.
    var operatorOffset: Int
}

enum OperatorChain {
    /// The longest chain checked and compiled as nested binary operations.
    static let nestedLimit = 16
    /// The most operators one chain may have (a file of 8 MiB holds about four million `+x`).
    static let maximumLinks = 1_000_000

    /// The depth of the chain `first links…`: that of its nested form for a short chain, one level above
    /// its deepest operand for a long one.
    static func depth(_ first: Expr, _ links: [ChainLink]) -> Int {
        guard links.count <= nestedLimit else { return 1 + links.reduce(first.depth) { max($0, $1.operand.depth) } }
        return links.reduce(first.depth) { 1 + max($0, $1.operand.depth) }
    }

    /// The nested binary expression a short chain stands for: `((a op₁ b) op₂ c) …`, each node at the
    /// first operand's offset, as the parser built them before chains existed. Its depth is at most
    /// ``nestedLimit`` levels above the chain's deepest operand.
    static func nested(_ first: Expr, _ links: [ChainLink]) -> Expr {
        links.reduce(first) { lhs, link in
            Expr(.binary(link.op, lhs, link.operand, operatorOffset: link.operatorOffset), at: first.offset)
        }
    }
}
