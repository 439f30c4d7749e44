import GradCheck

/// The logistic map iterated on each input and summed: f(x) = Σᵢ Lᵐ(xᵢ) with L(l) = 4·l·(1 − l) and
/// m = ``steps`` = 5.
///
/// Written as `l = 4 * l * (1 - l)`: 3 operations per step (a scaling, a difference, a product), so
/// ops(f) = (3m + 1)·n. For xᵢ in (0, 1) every iterate stays in [0, 1]; L is chaotic at r = 4, and
/// ∂f/∂xᵢ = Πₖ L′(lₖ) = Πₖ 4·(1 − 2lₖ) grows like 2ᵐ on average, so the derivative is a real test of
/// accumulated rounding as well as of speed.
public struct LogisticMap: BenchmarkFunction {
    public static let benchmarkName = "logistic"
    public static let formula = "Σ L⁵(x[i]), L(l) = 4·l·(1 − l) iterated five times on each input"
    /// Iterations of the map per input.
    public static let steps = 5
    public let inputCount: Int

    public init(size: Int) { inputCount = Swift.max(1, size) }

    @inlinable public func value<S: DifferentiableScalar>(_ x: [S]) -> S {
        var sum: S = 0
        for i in 0..<x.count {
            var l = x[i]
            for _ in 0..<Self.steps { l = 4 * l * (1 - l) }
            sum += l
        }
        return sum
    }

    @inlinable public func handGradient<R: RealNumber>(at x: [R], into gradient: inout [R]) {
        for i in 0..<x.count {
            var l = x[i]
            var derivative = R(1)
            for _ in 0..<Self.steps {
                derivative = derivative * (4 * (1 - 2 * l))
                l = 4 * l * (1 - l)
            }
            gradient[i] = derivative
        }
    }

    /// xᵢ in [0.1, 0.9], spread by a sine so that no two inputs share a trajectory.
    public func benchmarkPoint() -> [Double] {
        (0..<inputCount).map { 0.5 + 0.4 * Double.sin(0.7 * Double($0) + 0.3) }
    }
}
