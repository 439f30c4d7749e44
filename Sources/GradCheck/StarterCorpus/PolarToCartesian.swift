import GradCheckCore

/// Vector-valued: (r, θ) ↦ (r·cos θ, r·sin θ), with the Jacobian [[cos θ, −r·sin θ], [sin θ, r·cos θ]].
public struct PolarToCartesian: StarterFunction {
    public let name = "polar-to-cartesian"
    public let summary = "Polar to Cartesian coordinates: a 2×2 Jacobian (forward fills columns, reverse rows)."
    public let tags = ["jacobian"]
    public let inputNames = ["r", "t"]
    public let outputCount = 2
    public let sampling = Sampling(explicitPoints: [[2, 0.5]], domain: [0.1...3, -3...3])

    public init() {}

    @inlinable public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [x[0] * S.cos(x[1]), x[0] * S.sin(x[1])]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw noSuchMutant(variant) }
        let (c, s) = (R.cos(x[1]), R.sin(x[1]))
        return [[c, -x[0] * s], [s, x[0] * c]]
    }
}
