import GradCheckCore
import GradCheckNumeric

/// Derivatives along a direction by differences: what the reference's cross-check uses above its input
/// limit, and what directional checks compare against.
public enum DirectionalDifference {
    /// A seeded random direction of unit length (entries uniform in [−1, 1], then normalised).
    public static func randomDirection(count: Int, seed: UInt64, salt: String) -> [Double] {
        var generator = SeededGenerator(seed: seed, salt: "direction/" + salt)
        let raw = (0..<count).map { _ in generator.nextDouble(in: -1...1) }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? raw.map { $0 / norm } : raw
    }

    /// J·u by extrapolated central differences along u, computed in `R`, with an error estimate per
    /// output; nil when no two steps stay on x's branches.
    public static func along<R: RealNumber>(
        _ direction: [R], of function: any TestFunction, at point: [R]
    ) throws -> RichardsonExtrapolation.Estimate<R>? {
        let line = LineRestriction(function: function, origin: point, direction: direction)
        return try ExtrapolatedDifferentiation(function: line, point: [R(0)], extrapolation: RichardsonExtrapolation()).column(0)
    }
}

/// g(t) = f(x + t·u): a function of one input, for differences along a direction.
struct LineRestriction<R: RealNumber>: TestFunction {
    let function: any TestFunction
    let origin: [R]
    let direction: [R]

    var id: FunctionID { FunctionID(suite: function.id.suite, name: function.id.name + " along u") }
    var summary: String { function.summary }
    var inputNames: [String] { ["t"] }
    var outputCount: Int { function.outputCount }
    var sampling: Sampling { Sampling(explicitPoints: [[0]]) }
    var hasHandCodedDerivative: Bool { false }

    func evaluate<S: DifferentiableScalar>(_ t: [S]) throws -> [S] {
        try function.evaluate(zip(origin, direction).map { S($0.doubleValue) + t[0] * S($1.doubleValue) })
    }

    func handCodedDerivative<Q: RealNumber>(_ variant: DerivativeVariant, at x: [Q]) throws -> [[Q]] {
        throw StrategyError.unsupported("a line restriction has no hand-written derivative")
    }
}
