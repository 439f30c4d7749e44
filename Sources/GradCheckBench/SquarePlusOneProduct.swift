import GradCheck

/// A long product: f(x) = Πᵢ (xᵢ² + 1).
///
/// 3 operations per factor (a square, a sum with a constant, a product), so ops(f) = 3n, and every
/// input reaches the output through a chain of n products: the adjoint of the running product is the
/// product of all later factors. ∂f/∂xᵢ = f·2xᵢ/(xᵢ² + 1) (the division is safe: xᵢ² + 1 ≥ 1).
///
/// The benchmark point keeps |xᵢ| ≤ 10⁻³ so that log f = Σ log(1 + xᵢ²) ≤ n·10⁻⁶ stays moderate and
/// f neither overflows nor rounds to 1 even at n = 10⁶.
public struct SquarePlusOneProduct: BenchmarkFunction {
    public static let benchmarkName = "product"
    public static let formula = "Π (x[i]² + 1)"
    public let inputCount: Int

    public init(size: Int) { inputCount = Swift.max(1, size) }

    @inlinable public func value<S: DifferentiableScalar>(_ x: [S]) -> S {
        var product: S = 1
        for i in 0..<x.count {
            product *= x[i] * x[i] + 1
        }
        return product
    }

    @inlinable public func handGradient<R: RealNumber>(at x: [R], into gradient: inout [R]) {
        var product = R(1)
        for i in 0..<x.count { product = product * (x[i] * x[i] + 1) }
        for i in 0..<x.count { gradient[i] = product * (2 * x[i]) / (x[i] * x[i] + 1) }
    }

    /// xᵢ = 10⁻³·cos(0.9·i).
    public func benchmarkPoint() -> [Double] {
        (0..<inputCount).map { 1e-3 * Double.cos(0.9 * Double($0)) }
    }
}
