import GradCheckCore

/// The logistic map l₁ = x, lₖ₊₁ = 4·lₖ·(1 − lₖ), applied `steps` times: f(x) = l_(steps+1).
///
/// The classic example of expression swell (Baydin et al., "Automatic differentiation in machine learning:
/// a survey", table 1): lₙ uses lₙ₋₁ twice, so written out as a tree it doubles at every step
/// (6·2ᵏ − 5 nodes after k steps) while its DAG grows by 3 nodes per step, and its textbook derivative,
/// whose product rule copies both factors, grows like k·2ᵏ as a tree. `LogisticMap(steps: 9)` is l₁₀,
/// whose derivative SymPy counts at 34,048 operations.
///
/// Hand-coded derivative (by the chain rule through the recurrence): d₁ = 1, dₖ₊₁ = 4·dₖ·(1 − 2lₖ).
public struct LogisticMap: TestFunction {
    /// Applications of the map.
    public var steps: Int

    public init(steps: Int) { self.steps = steps }

    public var id: FunctionID { FunctionID(suite: "symbolic-study", name: "logistic-l\(steps + 1)") }
    public var summary: String {
        "l\(steps + 1) of the logistic map l(k+1) = 4*l(k)*(1 - l(k)), l1 = x: exponential expression swell"
    }
    public var tags: [String] { ["swell", "control-flow"] }
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public var sampling: Sampling { Sampling(explicitPoints: [[0.3]], domain: [0.05...0.95]) }
    public var hasHandCodedDerivative: Bool { true }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var l = x[0]
        for _ in 0..<steps { l = 4 * l * (1 - l) }
        return [l]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw StrategyError.unsupported("no mutants") }
        var l = x[0], d = R(1)
        for _ in 0..<steps {
            d = 4 * d * (1 - 2 * l)
            l = 4 * l * (1 - l)
        }
        return [[d]]
    }
}

/// f(x) = ∏ᵢ₌₁ⁿ (xᵢ² + 1), accumulated left to right: p ← p·(xᵢ·xᵢ + 1).
///
/// The gradient has n entries ∂f/∂xⱼ = 2xⱼ·∏_{i≠j}(xᵢ² + 1); differentiated input by input each entry needs
/// its own product of n − 1 factors (O(n²) nodes in all), while reverse accumulation shares the partial
/// products (O(n)): the cost argument of forward against reverse mode, visible in closed forms.
/// ops(f) = 3n − 1 (n squares, n additions, n − 1 products).
///
/// Hand-coded gradient: ∂f/∂xⱼ = 2xⱼ·f/(xⱼ² + 1) (the divisor is ≥ 1).
public struct ProductOfSquaresPlusOne: TestFunction {
    /// The number of inputs n.
    public var n: Int

    public init(n: Int) { self.n = n }

    public var id: FunctionID { FunctionID(suite: "symbolic-study", name: "product-squares-plus-one-\(n)") }
    public var summary: String { "prod over i of (x_i^2 + 1) for \(n) inputs: forward O(n^2) against reverse O(n)" }
    public var tags: [String] { ["swell", "scaling"] }
    public var inputNames: [String] { (1...n).map { "x\($0)" } }
    public var outputCount: Int { 1 }
    public var sampling: Sampling {
        Sampling(
            explicitPoints: [(1...n).map { 0.5 + 0.5 * Double($0) / Double(n) }],
            domain: Array(repeating: -1.0...1.0, count: n))
    }
    public var hasHandCodedDerivative: Bool { true }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var p = x[0] * x[0] + 1
        for i in 1..<n { p = p * (x[i] * x[i] + 1) }
        return [p]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw StrategyError.unsupported("no mutants") }
        let f = try evaluate(x)[0]
        return [x.map { xj in 2 * xj * f / (xj * xj + 1) }]
    }
}

/// f(x) = sin(sin(…sin(x)…)), `depth` times.
///
/// The function's tree and DAG are both linear in the depth, but the textbook derivative
/// cos(uₖ₋₁)·d(uₖ₋₁) repeats every inner argument, so the derivative's tree grows quadratically.
///
/// Hand-coded derivative: ∏ₖ cos(uₖ) over the arguments u₀ = x, uₖ₊₁ = sin uₖ.
public struct NestedSine: TestFunction {
    public var depth: Int

    public init(depth: Int) { self.depth = depth }

    public var id: FunctionID { FunctionID(suite: "symbolic-study", name: "nested-sine-\(depth)") }
    public var summary: String { "sin applied \(depth) times: quadratic swell of the derivative's tree" }
    public var tags: [String] { ["swell"] }
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public var sampling: Sampling { Sampling(explicitPoints: [[0.7]], domain: [-2.0...2.0]) }
    public var hasHandCodedDerivative: Bool { true }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var u = x[0]
        for _ in 0..<depth { u = S.sin(u) }
        return [u]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw StrategyError.unsupported("no mutants") }
        var u = x[0], d = R(1)
        for _ in 0..<depth {
            d = d * R.cos(u)
            u = R.sin(u)
        }
        return [[d]]
    }
}

/// f(x) = x^(2ᵏ) by k squarings v ← v·v.
///
/// The DAG has k + 1 nodes and the tree 2ᵏ⁺¹ − 1; the product rule d(v·v) = dv·v + v·dv doubles the
/// derivative's tree at every step, which simplification collects back to 2·(v·dv).
///
/// Hand-coded derivative: 2ᵏ·x^(2ᵏ − 1), accumulated as d ← 2·v·d along the squarings.
public struct RepeatedSquaring: TestFunction {
    public var squarings: Int

    public init(squarings: Int) { self.squarings = squarings }

    public var id: FunctionID { FunctionID(suite: "symbolic-study", name: "repeated-squaring-\(squarings)") }
    public var summary: String { "x squared \(squarings) times: doubling trees, linear DAGs" }
    public var tags: [String] { ["swell"] }
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public var sampling: Sampling { Sampling(explicitPoints: [[1.01]], domain: [0.95...1.05]) }
    public var hasHandCodedDerivative: Bool { true }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var v = x[0]
        for _ in 0..<squarings { v = v * v }
        return [v]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw StrategyError.unsupported("no mutants") }
        var v = x[0], d = R(1)
        for _ in 0..<squarings {
            d = 2 * v * d
            v = v * v
        }
        return [[d]]
    }
}
