import GradCheckCore

// Small functions shared by the tests of the automatic strategies (forward and reverse mode), each with
// what its tests compare against.

/// The first article's function f(x₁, x₂) = x₁·√(ln(x₁ / sin(x₂²))).
public struct ArticleFunction: ExampleFunction {
    public init() {}
    public var inputNames: [String] { ["x1", "x2"] }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [x[0] * S.sqrt(S.log(x[0] / S.sin(S.pow(x[1], 2))))]
    }
}

/// f(x) = x·x·x + x: the input fans out to four uses.
public struct FanOut: ExampleFunction {
    public init() {}
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [x[0] * x[0] * x[0] + x[0]] }
}

/// f(x, y, z) = (x·y·z, sin x + z², eʸ/x): a vector-valued function with a hand-written Jacobian.
public struct VectorFunction: ExampleFunction {
    public init() {}
    public var inputNames: [String] { ["x", "y", "z"] }
    public var outputCount: Int { 3 }
    public func evaluate<S: DifferentiableScalar>(_ v: [S]) throws -> [S] {
        let (x, y, z) = (v[0], v[1], v[2])
        return [x * y * z, S.sin(x) + z * z, S.exp(y) / x]
    }

    public static func jacobian(_ x: Double, _ y: Double, _ z: Double) -> [[Double]] {
        [
            [y * z, x * z, x * y],
            [Double.cos(x), 0, 2 * z],
            [-Double.exp(y) / (x * x), Double.exp(y) / x, 0],
        ]
    }
}

/// Control flow on data: for x > 1, multiply by x until the value reaches 50 (xᵏ with k depending on x);
/// otherwise x·sin x.
public struct Branchy: ExampleFunction {
    public init() {}
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        let v = x[0]
        guard v > 1 else { return [v * S.sin(v)] }
        var power = v
        while power < 50 { power = power * v }
        return [power]
    }

    /// The derivative by hand: k·xᵏ⁻¹ with the trip count k found by the same loop in plain Double.
    public static func derivative(_ x: Double) -> Double {
        guard x > 1 else { return Double.sin(x) + x * Double.cos(x) }
        var (power, k) = (x, 1)
        while power < 50 { power *= x; k += 1 }
        return Double(k) * Double.pow(x, Double(k - 1))
    }
}

/// f(x) = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², i = 0 … n − 2.
public struct Rosenbrock: ExampleFunction {
    public let n: Int
    public init(n: Int) { self.n = n }
    public var inputNames: [String] { (0..<n).map { "x[\($0)]" } }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var sum: S = 0
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i]
            let b = 1 - x[i]
            sum = sum + 100 * a * a + b * b
        }
        return [sum]
    }

    /// The gradient by hand.
    public func gradient(_ x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i]
            g[i] += -400 * a * x[i] - 2 * (1 - x[i])
            g[i + 1] += 200 * a
        }
        return g
    }

    public func point() -> [Double] { (0..<n).map { 0.5 + 0.37 * Double.sin(Double($0)) } }
}
