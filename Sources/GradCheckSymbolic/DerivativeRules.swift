/// The derivatives of the elementary functions, as expressions: the table both symbolic differentiators
/// (``Differentiator``, forward, and ``AdjointDifferentiator``, reverse) apply through the chain rule.
///
/// With u the argument and v = f(u) the node itself (reused where the derivative contains it):
///
/// | f | f′(u) | note |
/// |---|---|---|
/// | exp | v | |
/// | expm1 | exp(u) | |
/// | log | 1/u | |
/// | log1p | 1/(1 + u) | |
/// | log2, log10 | 1/(u·log 2), 1/(u·log 10) | log b evaluated in the working precision |
/// | sin, cos | cos u, −sin u | |
/// | tan | 1/cos(u)² | (= 1 + tan²u) |
/// | asin, acos | ±1/√(1 − u²) | |
/// | atan | 1/(1 + u²) | |
/// | sinh, cosh | cosh u, sinh u | |
/// | tanh | 1/cosh(u)² | not 1 − tanh², which cancels to 0 for \|u\| ≳ 19 |
/// | sqrt | 1/(2v) | |
/// | cbrt | 1/(3v²) | |
/// | erf | 2/√π · exp(−u²) | π in the working precision |
///
/// Two arguments, partial derivatives (v = the node):
/// - pow(a, c) = aᶜ: ∂/∂a = c·a^(c−1) (power rule), ∂/∂c = v·log a (exponential rule). When c does not
///   depend on any input only the power rule is used, and when a does not, only the exponential rule, as a
///   textbook does: the general form would multiply a zero by log a, which is NaN for a < 0 (e.g. pow(x, 3)
///   at x = −2, whose derivative 12 is perfectly defined).
/// - atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = −y/(x² + y²).
/// - hypot(x, y): ∂/∂x = x/v, ∂/∂y = y/v.
public enum DerivativeRules {
    /// f′(u), given the argument `u` and the node `v` = f(u).
    public static func derivative<B: ExpressionBuilder>(
        of f: ElementaryFunction, argument u: NodeID, value v: NodeID, using b: inout B
    ) throws -> NodeID {
        let one = try b.constant(1)
        switch f {
        case .exp:
            return v
        case .expm1:
            return try b.function(.exp, u)
        case .log:
            return try b.divide(one, u)
        case .log1p:
            return try b.divide(one, b.add(one, u))
        case .log2:
            return try b.divide(one, b.multiply(u, b.function(.log, b.constant(2))))
        case .log10:
            return try b.divide(one, b.multiply(u, b.function(.log, b.constant(10))))
        case .sin:
            return try b.function(.cos, u)
        case .cos:
            return try b.negate(b.function(.sin, u))
        case .tan:
            return try b.divide(one, b.power(b.function(.cos, u), 2))
        case .asin:
            return try b.divide(one, b.function(.sqrt, b.subtract(one, b.power(u, 2))))
        case .acos:
            return try b.negate(b.divide(one, b.function(.sqrt, b.subtract(one, b.power(u, 2)))))
        case .atan:
            return try b.divide(one, b.add(one, b.power(u, 2)))
        case .sinh:
            return try b.function(.cosh, u)
        case .cosh:
            return try b.function(.sinh, u)
        case .tanh:
            return try b.divide(one, b.power(b.function(.cosh, u), 2))
        case .sqrt:
            return try b.divide(one, b.multiply(b.constant(2), v))
        case .cbrt:
            return try b.divide(one, b.multiply(b.constant(3), b.power(v, 2)))
        case .erf:
            let scale = try b.divide(b.constant(2), b.function(.sqrt, b.pi()))
            return try b.multiply(scale, b.function(.exp, b.negate(b.power(u, 2))))
        }
    }

    /// The partial derivatives of f(a, c) with respect to its first and second arguments, given the node
    /// `v` = f(a, c); nil for a partial the rule does not use (see the type's documentation for pow).
    public static func partials<B: ExpressionBuilder>(
        of f: BinaryFunction, _ a: NodeID, _ c: NodeID, value v: NodeID, using b: inout B
    ) throws -> (first: NodeID?, second: NodeID?) {
        switch f {
        case .pow:
            let baseVaries = b.graph.facts(a).dependsOnInput
            let exponentVaries = b.graph.facts(c).dependsOnInput
            let powerRule = baseVaries || !exponentVaries
                ? try b.multiply(c, b.binary(.pow, a, b.subtract(c, b.constant(1)))) : nil
            let exponentialRule = exponentVaries ? try b.multiply(v, b.function(.log, a)) : nil
            return (powerRule, exponentialRule)
        case .atan2:
            // a = y, c = x.
            let squares = try b.add(b.power(c, 2), b.power(a, 2))
            return (try b.divide(c, squares), try b.negate(b.divide(a, squares)))
        case .hypot:
            return (try b.divide(a, v), try b.divide(c, v))
        }
    }
}
