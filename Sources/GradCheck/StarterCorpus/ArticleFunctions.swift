import GradCheckCore

/// f(x1, x2) = x1 · sqrt(log(x1 / sin(x2²))): the first article's running example.
///
/// ∂f/∂x1 = √L + 1/(2√L), ∂f/∂x2 = −x1·x2·cot(x2²)/√L with L = log(x1/sin(x2²)). Its mutant is the
/// article's printed tangent trace, whose rule v̇5 = −½·v4^(−½)·v̇4 has the wrong sign.
public struct Nutty: StarterFunction {
    public let name = "nutty"
    public let summary = "The first article's x1·sqrt(log(x1/sin(x2²))): every standard operator in one line."
    public let tags = ["seed", "elementary"]
    public let inputNames = ["x1", "x2"]
    public let sampling = Sampling(explicitPoints: [[2, 1], [1.5, 0.8]], domain: [1.2...3, 0.3...1.2])
    public let mutants = ["the article's tangent trace as printed: v̇5 = −½·v4^(−½)·v̇4 (sign of the sqrt rule flipped)"]

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [x[0] * S.sqrt(S.log(x[0] / S.sin(S.pow(x[1], 2))))]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        switch variant {
        case .correct:
            let root = R.sqrt(R.log(x[0] / R.sin(x[1] * x[1])))
            return [[root + 1 / (2 * root), -x[0] * x[1] * R.cot(x[1] * x[1]) / root]]
        case .mutant(0):
            return [SeedTangentTrace.derivative(at: x)]
        default:
            throw noSuchMutant(variant)
        }
    }
}

/// The first article's forward tangent trace, step by step as the article prints it — including its
/// sign error in v̇5 — run once per input direction.
enum SeedTangentTrace {
    static func derivative<R: RealNumber>(at x: [R]) -> [R] {
        [0, 1].map { direction in
            let (v_1, v0) = (x[0], x[1])
            let (dv_1, dv0): (R, R) = direction == 0 ? (1, 0) : (0, 1)
            let v1 = v0 * v0, dv1 = 2 * v0 * dv0
            let v2 = R.sin(v1), dv2 = R.cos(v1) * dv1
            let v3 = v_1 / v2, dv3 = (dv_1 * v2 - v_1 * dv2) / (v2 * v2)
            let v4 = R.log(v3), dv4 = dv3 / v3
            let v5 = R.sqrt(v4), dv5 = -R(0.5) / R.sqrt(v4) * dv4  // the article's sign
            return dv_1 * v5 + v_1 * dv5
        }
    }
}

/// The negative control: ``Nutty`` with the article's printed tangent trace registered as its *correct*
/// hand-written gradient. A run that includes it must fail (tagged `negative-control`, so only runs that
/// ask for it by name or tag include it).
public struct NuttyAsPrinted: StarterFunction {
    public let name = "nutty-as-printed"
    public let summary = "The first article's function with the article's printed tangent trace as its gradient: must fail."
    public let tags = ["seed", "negative-control"]
    public let inputNames = ["x1", "x2"]
    public let sampling = Nutty().sampling

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { try Nutty().evaluate(x) }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        return [SeedTangentTrace.derivative(at: x)]
    }
}

/// f(x) = 2x³ + 3x²: the second article's symbolic example; f′(x) = 6x² + 6x.
public struct CubicPolynomial: StarterFunction {
    public let name = "cubic"
    public let summary = "The second article's 2x³ + 3x², differentiated by the power and sum rules."
    public let tags = ["seed", "polynomial"]
    public let inputNames = ["x"]
    public let sampling = Sampling(explicitPoints: [[2], [-1]], domain: [-3...3])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [2 * S.pow(x[0], 3) + 3 * S.pow(x[0], 2)]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        return [[6 * x[0] * x[0] + 6 * x[0]]]
    }
}

/// f(x1, x2) = sqrt(x1² + x2²): the second article's forward-versus-reverse example; ∇f = x / ‖x‖.
public struct EuclideanNorm: StarterFunction {
    public let name = "norm"
    public let summary = "The second article's (x1² + x2²)^½, traced in both forward and reverse mode."
    public let tags = ["seed", "elementary"]
    public let inputNames = ["x1", "x2"]
    public let sampling = Sampling(explicitPoints: [[3, 4]], domain: [0.2...3, -3 ... -0.2])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [S.sqrt(x[0] * x[0] + x[1] * x[1])]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        let r = R.sqrt(x[0] * x[0] + x[1] * x[1])
        return [[x[0] / r, x[1] / r]]
    }
}

/// y = f(g(h(x))) with h(x) = x², g = sin, f = exp: the second article's chain-rule composition;
/// dy/dx = exp(sin(x²))·cos(x²)·2x.
public struct ExpSinSquare: StarterFunction {
    public let name = "composition"
    public let summary = "The second article's f(g(h(x))) as exp(sin(x²)): the chain rule through three layers."
    public let tags = ["seed", "composition"]
    public let inputNames = ["x"]
    public let sampling = Sampling(explicitPoints: [[0.5]], domain: [-2...2])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [S.exp(S.sin(x[0] * x[0]))]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        let square = x[0] * x[0]
        return [[R.exp(R.sin(square)) * R.cos(square) * 2 * x[0]]]
    }
}

/// f(x, y, z) = sin(w)·u + exp(u) with w = x·y and u = w + z: three inputs whose intermediate nodes fan
/// out (w feeds sin, u and the product; u feeds the product and exp), as in the third article's tree.
///
/// With D = cos(w)·u + sin(w) + exp(u): ∂f/∂x = y·D, ∂f/∂y = x·D, ∂f/∂z = sin(w) + exp(u).
public struct SharedNodes: StarterFunction {
    public let name = "shared-nodes"
    public let summary = "Three inputs with shared intermediate nodes: reverse mode must accumulate adjoints."
    public let tags = ["seed", "fan-out"]
    public let inputNames = ["x", "y", "z"]
    public let sampling = Sampling(explicitPoints: [[0.5, -1, 2]], domain: [-1...1, -1...1, -1...1])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        let w = x[0] * x[1]
        let u = w + x[2]
        return [S.sin(w) * u + S.exp(u)]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        let w = x[0] * x[1], u = w + x[2]
        let d = R.cos(w) * u + R.sin(w) + R.exp(u)
        return [[x[1] * d, x[0] * d, R.sin(w) + R.exp(u)]]
    }
}
