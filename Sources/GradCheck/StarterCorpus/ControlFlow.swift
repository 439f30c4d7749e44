import GradCheckCore

/// A `for` loop: f(x1, x2) = Σₖ₌₁⁸ (x1ᵏ/k!)·cos(k·x2), the term x1ᵏ/k! built up by one multiplication and
/// one division per iteration.
///
/// ∂f/∂x1 = Σₖ x1ᵏ⁻¹/(k−1)!·cos(k·x2), ∂f/∂x2 = −Σₖ (x1ᵏ/k!)·k·sin(k·x2).
public struct TruncatedExpSeries: StarterFunction {
    public let name = "for-loop-series"
    public let summary = "A for loop accumulating x1^k/k!·cos(k·x2): derivatives through a loop-carried product."
    public let tags = ["control-flow", "loop"]
    public let inputNames = ["x1", "x2"]
    public let sampling = Sampling(explicitPoints: [[1.5, 0.3]], domain: [-2...2, -3...3])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var term: S = 1
        var sum: S = 0
        for k in 1...8 {
            term = term * x[0] / S(Double(k))
            sum += term * S.cos(S(Double(k)) * x[1])
        }
        return [sum]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        var previous: R = 1  // x1^(k−1)/(k−1)!
        var d1: R = 0, d2: R = 0
        for k in 1...8 {
            let kk = R(Double(k))
            let term = previous * x[0] / kk
            d1 += previous * R.cos(kk * x[1])
            d2 -= term * kk * R.sin(kk * x[1])
            previous = term
        }
        return [[d1, d2]]
    }
}

/// A `while` loop whose trip count depends on x: Newton's iteration y ← (y + a/y)/2 for √a, run until
/// |y² − a| ≤ 10⁻¹³·a (at most 100 steps). d√a/da = 1/(2√a); differentiating the iteration converges to it.
public struct NewtonSqrt: StarterFunction {
    public let name = "while-newton-sqrt"
    public let summary = "Newton's method for sqrt(a) to a tolerance: a while loop with a data-dependent trip count."
    public let tags = ["control-flow", "while"]
    public let inputNames = ["a"]
    public let sampling = Sampling(explicitPoints: [[2], [90]], domain: [0.5...100])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        let a = x[0]
        var y = a > 1 ? a : S(1)
        var steps = 0
        while S.abs(y * y - a) > S(1e-13) * a && steps < 100 {
            y = (y + a / y) / 2
            steps += 1
        }
        return [y]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        return [[1 / (2 * R.sqrt(x[0]))]]
    }
}

/// An `if` on data: f = x1²·x2 where x1 > x2, x1·eˣ² where x1 < −x2, else x1 + sin(x2). Each branch is
/// smooth; the derivative is the branch's own.
public struct PiecewiseBranch: StarterFunction {
    public let name = "if-branches"
    public let summary = "Data-dependent if / else if / else: each point differentiates the branch it takes."
    public let tags = ["control-flow", "branch"]
    public let inputNames = ["x1", "x2"]
    public let sampling = Sampling(explicitPoints: [[2, 1], [-2, 1], [0.2, 0.5]], domain: [-2...2, -2...2])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        if x[0] > x[1] { return [x[0] * x[0] * x[1]] }
        if x[0] < -x[1] { return [x[0] * S.exp(x[1])] }
        return [x[0] + S.sin(x[1])]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        if x[0] > x[1] { return [[2 * x[0] * x[1], x[0] * x[0]]] }
        if x[0] < -x[1] { return [[R.exp(x[1]), x[0] * R.exp(x[1])]] }
        return [[1, R.cos(x[1])]]
    }
}

/// Recursion: r₀ = x, rₖ = sin(rₖ₋₁)·y + x, f = r₆. By the chain rule through the recursion,
/// ṙₖ = cos(rₖ₋₁)·ṙₖ₋₁·y + sin(rₖ₋₁)·ẏ + ẋ.
public struct RecursiveSine: StarterFunction {
    public let name = "recursion"
    public let summary = "A recursive function six calls deep: r_k = sin(r_{k−1})·y + x."
    public let tags = ["control-flow", "recursion"]
    public let inputNames = ["x", "y"]
    public let sampling = Sampling(explicitPoints: [[0.7, 0.9]], domain: [-2...2, -1.5...1.5])
    @usableFromInline static let depth = 6

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [Self.unroll(x[0], x[1], depth: Self.depth)]
    }

    @inlinable static func unroll<S: DifferentiableScalar>(_ x: S, _ y: S, depth: Int) -> S {
        depth == 0 ? x : S.sin(unroll(x, y, depth: depth - 1)) * y + x
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        var r = x[0]
        var (dx, dy): (R, R) = (1, 0)  // ∂r/∂x, ∂r/∂y
        for _ in 0..<Self.depth {
            let (s, c) = (R.sin(r), R.cos(r))
            (dx, dy) = (c * dx * x[1] + 1, c * dy * x[1] + s)
            r = s * x[1] + x[0]
        }
        return [[dx, dy]]
    }
}
