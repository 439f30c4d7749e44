/// Symbolic differentiation by the textbook rules, one input at a time (forward accumulation over the
/// expression DAG, producing expressions rather than numbers).
///
/// For every node reachable from the roots, in ascending (topological) order, d(node) = ∂node/∂xⱼ is built
/// from the derivatives of its arguments:
///
/// | node | derivative |
/// |---|---|
/// | c, π | 0 |
/// | xᵢ | 1 if i = j, else 0 |
/// | u ± v | du ± dv |
/// | −u | −du |
/// | u·v | du·v + u·dv (product rule) |
/// | u/v | (du·v − u·dv)/v² (quotient rule) |
/// | uⁿ | n·u^(n−1)·du (0 for n = 0) |
/// | f(u) | f′(u)·du (chain rule, f′ from ``DerivativeRules``) |
/// | f(u, v) | ∂₁f·du + ∂₂f·dv |
///
/// The rules are applied literally: with a ``RawBuilder`` the result is exactly what a mechanical
/// differentiator writes down (zeros, ones and all), which is what makes expression swell visible: every
/// product rule copies both factors, so a derivative written as a tree can be exponentially larger than
/// the function. Each d(node) is built once (memoised per node), so the *DAG* of the derivative grows only
/// linearly with the DAG of the function.
public enum Differentiator {
    /// ∂root/∂x_`input` for each of `roots`, built with `builder`.
    public static func derivatives<B: ExpressionBuilder>(
        of roots: [NodeID], withRespectTo input: Int, using builder: inout B
    ) throws -> [NodeID] {
        let nodes = builder.graph.reachable(from: roots)
        var derivative: [Int32: NodeID] = [:]
        derivative.reserveCapacity(nodes.count)
        let zero = try builder.constant(0)
        let one = try builder.constant(1)
        for node in nodes {
            // Read through `builder.graph` (never a local copy of the graph, which would make every
            // following insertion copy the whole arena).
            let a = builder.graph.first(node), b = builder.graph.second(node)
            let da = a.map { derivative[$0.index]! }, db = b.map { derivative[$0.index]! }
            let result: NodeID
            switch builder.graph.operation(node) {
            case .constant, .pi:
                result = zero
            case .input(let i):
                result = i == input ? one : zero
            case .add:
                result = try builder.add(da!, db!)
            case .subtract:
                result = try builder.subtract(da!, db!)
            case .negate:
                result = try builder.negate(da!)
            case .multiply:
                result = try builder.add(builder.multiply(da!, b!), builder.multiply(a!, db!))
            case .divide:
                let numerator = try builder.subtract(builder.multiply(da!, b!), builder.multiply(a!, db!))
                result = try builder.divide(numerator, builder.power(b!, 2))
            case .power(let n):
                if n == 0 {
                    result = zero
                } else {
                    let outer = try builder.multiply(builder.constant(Double(n)), builder.power(a!, oneBelow: n))
                    result = try builder.multiply(outer, da!)
                }
            case .function(let f):
                let outer = try DerivativeRules.derivative(of: f, argument: a!, value: node, using: &builder)
                result = try builder.multiply(outer, da!)
            case .binary(let f):
                let (p, q) = try DerivativeRules.partials(of: f, a!, b!, value: node, using: &builder)
                let first = try p.map { try builder.multiply($0, da!) }
                let second = try q.map { try builder.multiply($0, db!) }
                switch (first, second) {
                case let (first?, second?): result = try builder.add(first, second)
                case let (first?, nil): result = first
                case let (nil, second?): result = second
                case (nil, nil): result = zero
                }
            }
            derivative[node.index] = result
        }
        return roots.map { derivative[$0.index]! }
    }
}
