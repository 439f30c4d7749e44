import GradCheckTesting

/// f(x) = x[0]² + 3·x[1], written generically: ∇f = (2·x[0], 3).
struct Quadratic: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { x[0] * x[0] + 3 * x[1] }
}

/// The same function over Double, its gradient, and a gradient with the factor 2 forgotten.
enum QuadraticClosures {
    static func value(_ x: [Double]) -> Double { x[0] * x[0] + 3 * x[1] }
    static func gradient(_ x: [Double]) -> [Double] { [2 * x[0], 3] }
    static func forgotFactorTwo(_ x: [Double]) -> [Double] { [x[0], 3] }
}

/// (r, θ) ↦ (r·cos θ, r·sin θ), written generically.
struct Polar: GenericVectorFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [x[0] * S.cos(x[1]), x[0] * S.sin(x[1])] }
}

/// A corpus function as a plain closure over Double, with its hand-written derivative as closures.
struct CorpusClosures {
    let function: any TestFunction

    func value(_ x: [Double]) throws -> Double { try function.evaluate(x)[0] }
    func values(_ x: [Double]) throws -> [Double] { try function.evaluate(x) }
    func gradient(_ variant: DerivativeVariant) -> ([Double]) throws -> [Double] {
        { x in try function.handCodedDerivative(variant, at: x)[0] }
    }
    func jacobian(_ variant: DerivativeVariant) -> ([Double]) throws -> [[Double]] {
        { x in try function.handCodedDerivative(variant, at: x) }
    }

    /// The function's explicit points, then `random` points of its domain for `seed`.
    func points(random: Int, seed: UInt64) -> SamplePoints {
        .points(function.sampling.explicitPoints, plus: random, in: function.sampling.domain, seed: seed)
    }
}
