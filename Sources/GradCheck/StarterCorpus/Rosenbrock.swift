import GradCheckCore

/// The n-dimensional Rosenbrock function as a scalar loop:
/// f(x) = Σᵢ₌₀ⁿ⁻² 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
///
/// ∂f/∂xᵢ = −400·xᵢ·(xᵢ₊₁ − xᵢ²) − 2·(1 − xᵢ) (for i < n − 1) + 200·(xᵢ − xᵢ₋₁²) (for i > 0).
/// About 9 operations per term; n inputs and one output, the case where reverse mode wins by a factor n.
public struct Rosenbrock: StarterFunction {
    public let n: Int
    public var name: String { "rosenbrock[n=\(n)]" }
    public let summary = "Rosenbrock's banana valley in n dimensions, written as a scalar loop."
    public let tags = ["classic", "loop"]
    public var inputNames: [String] { (0..<n).map { "x[\($0)]" } }
    public var sampling: Sampling { Sampling(domain: Array(repeating: -2...2, count: n)) }

    public init(n: Int) { self.n = n }

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var sum: S = 0
        for i in 0..<(x.count - 1) {
            let valley = x[i + 1] - x[i] * x[i]
            let offset = 1 - x[i]
            sum += 100 * valley * valley + offset * offset
        }
        return [sum]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        var gradient = [R](repeating: 0, count: x.count)
        for i in 0..<(x.count - 1) {
            let valley = x[i + 1] - x[i] * x[i]
            gradient[i] += -400 * x[i] * valley - 2 * (1 - x[i])
            gradient[i + 1] += 200 * valley
        }
        return [gradient]
    }
}
