import GradCheck

/// A dense layer with tanh and a squared loss, differentiated with respect to its weights:
/// f(W) = Σⱼ (tanh(Σᵢ Wⱼᵢ·xᵢ) − yⱼ)², W ∈ ℝᵏˣᵏ the inputs (n = k², row-major), x, y ∈ ℝᵏ fixed.
///
/// 2k² + 4k operations (k² products with a constant and k² sums for Wx, then per row a tanh, a
/// difference, a square, a sum): the matrix-vector product dominates, and each of its products has a
/// constant operand, so a tape records one weighted node per product and one sum.
///
/// ∂f/∂Wⱼᵢ = 2·(tanh zⱼ − yⱼ)·xᵢ / cosh² zⱼ with zⱼ = Σᵢ Wⱼᵢ·xᵢ (1/cosh² rather than 1 − tanh²: full
/// relative accuracy for large |zⱼ|).
public struct DenseTanhLayer: BenchmarkFunction {
    public static let benchmarkName = "dense-tanh"
    public static let formula = "Σ_j (tanh(Σ_i W[j,i]·x[i]) − y[j])², W ∈ R^(k×k) the inputs, x, y fixed"
    /// The layer's width k (n = k²).
    public let width: Int
    /// The fixed input vector x, xᵢ = cos(0.37·i).
    public let input: [Double]
    /// The fixed targets y, yⱼ = 0.5·sin(0.61·j).
    public let target: [Double]

    public var inputCount: Int { width * width }

    /// k = round(√size), at least 1.
    public init(size: Int) {
        let k = Swift.max(1, Int((Double(size).squareRoot()).rounded()))
        width = k
        input = (0..<k).map { Double.cos(0.37 * Double($0)) }
        target = (0..<k).map { 0.5 * Double.sin(0.61 * Double($0)) }
    }

    @inlinable public func value<S: DifferentiableScalar>(_ w: [S]) -> S {
        let k = width
        var loss: S = 0
        for j in 0..<k {
            var z: S = 0
            for i in 0..<k { z += w[j * k + i] * S(input[i]) }
            let error = S.tanh(z) - S(target[j])
            loss += error * error
        }
        return loss
    }

    @inlinable public func handGradient<R: RealNumber>(at w: [R], into gradient: inout [R]) {
        let k = width
        for j in 0..<k {
            var z = R(0)
            for i in 0..<k { z = z + w[j * k + i] * R(input[i]) }
            let c = R.cosh(z)
            let scale = 2 * (R.tanh(z) - R(target[j])) / (c * c)
            for i in 0..<k { gradient[j * k + i] = scale * R(input[i]) }
        }
    }

    /// Wⱼᵢ = sin(1.7·(jk + i))/√k: each zⱼ is O(1), so tanh is neither linear nor saturated.
    public func benchmarkPoint() -> [Double] {
        let scale = 1 / Double(width).squareRoot()
        return (0..<inputCount).map { scale * Double.sin(1.7 * Double($0)) }
    }
}
