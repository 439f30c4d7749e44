/// Nonzero facts that hold wherever a function is defined, for simplifying its derivative.
///
/// A derivative is only claimed where the function itself is defined (finite). If f contains a/b, then
/// b ≠ 0 there; if it contains log u (or log₂, log₁₀), then u > 0; if it contains u⁻ⁿ, then u ≠ 0. So when
/// simplifying f′ these nodes may be treated as nonzero, and with them the factors they are made of
/// (a·b ≠ 0 ⇒ a, b ≠ 0; a/b ≠ 0 ⇒ a ≠ 0; uⁿ ≠ 0 ⇒ u ≠ 0; −u ≠ 0 ⇒ u ≠ 0). This lets the simplifier cancel
/// what a person cancels in x₁·√(log(x₁/sin x₂²)): x₁ and sin x₂² divide and are logged in f, so
/// x₁·sin²/(x₁·sin²) in the raw derivative is 1.
///
/// Singularities of f′ inside f's domain are kept: f = √u is defined at u = 0, its derivative 1/(2√u) is
/// not, and nothing in f says √u ≠ 0, so that division is never cancelled.
extension SimplifyingBuilder {
    /// Treats as nonzero every node that must be nonzero for `roots` to be finite (see the type
    /// documentation); call it with the (simplified) function before simplifying its derivative.
    public mutating func assumeDefined(_ roots: [NodeID]) {
        var work: [NodeID] = []
        for node in graph.reachable(from: roots) {
            switch graph.operation(node) {
            case .divide: work.append(graph.second(node)!)
            case .power(let n) where n < 0: work.append(graph.first(node)!)
            case .function(.log), .function(.log2), .function(.log10): work.append(graph.first(node)!)
            default: break
            }
        }
        while let node = work.popLast() {
            guard graph.facts(node).dependsOnInput, assumedNonzero.insert(node).inserted else { continue }
            switch graph.operation(node) {
            case .multiply: work.append(contentsOf: [graph.first(node)!, graph.second(node)!])
            case .divide, .power, .negate: work.append(graph.first(node)!)
            default: break
            }
        }
    }

    /// Whether `id` is nonzero wherever the expressions being simplified are defined: by its form
    /// (``NodeFacts``), by an assumption, or as a product, quotient, power or negation of such nodes (looked
    /// through to a small depth).
    func isNonzero(_ id: NodeID, depth: Int = 0) -> Bool {
        if graph.facts(id).isNonzero || assumedNonzero.contains(id) { return true }
        guard depth < 8 else { return false }
        switch graph.operation(id) {
        case .multiply, .divide:
            return isNonzero(graph.first(id)!, depth: depth + 1) && isNonzero(graph.second(id)!, depth: depth + 1)
        case .power, .negate:
            return isNonzero(graph.first(id)!, depth: depth + 1)
        default:
            return false
        }
    }
}
