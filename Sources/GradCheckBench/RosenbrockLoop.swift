import GradCheck

/// Rosenbrock's function as a scalar loop (the starter corpus's program, sized for benchmarking):
/// f(x) = Σᵢ₌₀ⁿ⁻² 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².
///
/// 8 operations per term (ops(f) = 8(n − 1)): a square, two differences, two products, a scaling, two
/// sums. The sum is a serial dependency chain, so the plain loop runs at about one addition latency per
/// term; a derivative's extra work competes with that.
///
/// ∂f/∂xᵢ = −400·xᵢ·(xᵢ₊₁ − xᵢ²) − 2·(1 − xᵢ) (i < n − 1) + 200·(xᵢ − xᵢ₋₁²) (i > 0).
public struct RosenbrockLoop: BenchmarkFunction {
    public static let benchmarkName = "rosenbrock"
    public static let formula = "Σ 100·(x[i+1] − x[i]²)² + (1 − x[i])², i < n − 1 (scalar loop)"
    public let inputCount: Int

    public init(size: Int) { inputCount = Swift.max(2, size) }

    @inlinable public func value<S: DifferentiableScalar>(_ x: [S]) -> S {
        var sum: S = 0
        for i in 0..<(x.count - 1) {
            let valley = x[i + 1] - x[i] * x[i]
            let offset = 1 - x[i]
            sum += 100 * valley * valley + offset * offset
        }
        return sum
    }

    @inlinable public func handGradient<R: RealNumber>(at x: [R], into gradient: inout [R]) {
        for i in gradient.indices { gradient[i] = R(0) }
        for i in 0..<(x.count - 1) {
            let valley = x[i + 1] - x[i] * x[i]
            gradient[i] += -400 * x[i] * valley - 2 * (1 - x[i])
            gradient[i + 1] += 200 * valley
        }
    }

    /// xᵢ = 0.5 + 0.4·sin(1.3·i): in the valley's neighbourhood, no two terms alike.
    public func benchmarkPoint() -> [Double] {
        (0..<inputCount).map { 0.5 + 0.4 * Double.sin(1.3 * Double($0)) }
    }
}
