import GradCheckCore
import GradCheckForward
import GradCheckNumeric
import GradCheckReverse

/// Checks that cost a few evaluations instead of n, for functions with thousands of inputs.
///
/// - ``directionalDifference(of:at:along:)``: the derivative along u, J·u, by Richardson extrapolation of
///   (f(x + t·u) − f(x − t·u))/2t — about 30 evaluations whatever n is — with an error estimate.
/// - ``dotProductIdentity(of:at:tangent:cotangent:)``: forward mode's J·u against reverse mode's Jᵀ·v
///   through ⟨J·u, v⟩ = ⟨u, Jᵀ·v⟩, one forward pass and one reverse sweep, agreeing to rounding.
public enum DirectionalCheck {
    /// A seeded random direction of unit length (see ``DirectionalDifference/randomDirection(count:seed:salt:)``).
    public static func randomDirection(count: Int, seed: UInt64, salt: String) -> [Double] {
        DirectionalDifference.randomDirection(count: count, seed: seed, salt: salt)
    }

    /// J·u by extrapolated central differences along u, with an error estimate per output (see
    /// ``DirectionalDifference/along(_:of:at:)``).
    public static func directionalDifference<R: RealNumber>(
        of function: any TestFunction, at point: [R], along direction: [R]
    ) throws -> RichardsonExtrapolation.Estimate<R>? {
        try DirectionalDifference.along(direction, of: function, at: point)
    }

    /// ⟨J·u, v⟩ from a forward pass with tangent u and ⟨u, Jᵀ·v⟩ from one reverse sweep seeded with v.
    public static func dotProductIdentity(
        of function: any TestFunction, at point: [Double], tangent u: [Double], cotangent v: [Double]
    ) throws -> DotProductIdentity {
        let duals = zip(point, u).map { Dual<Double>(value: $0, tangent: $1) }
        let jacobianTimesU = try function.evaluate(duals).map(\.tangent)
        let forward = zip(jacobianTimesU, v).reduce(0) { $0 + $1.0 * $1.1 }

        let tape = Tape<Double>()
        let inputs = tape.variables(point)
        let outputs = try function.evaluate(inputs)
        let weighted = zip(outputs, v).reduce(Tracked<Double>(0)) { $0 + $1.0 * Tracked<Double>($1.1) }
        let transposeTimesV = tape.gradient(of: weighted, withRespectTo: inputs)
        let reverse = zip(u, transposeTimesV).reduce(0) { $0 + $1.0 * $1.1 }
        let scale = zip(jacobianTimesU, v).reduce(0) { $0 + abs($1.0 * $1.1) } + zip(u, transposeTimesV).reduce(0) { $0 + abs($1.0 * $1.1) }
        return DotProductIdentity(forward: forward, reverse: reverse, scale: scale, operations: outputs.count)
    }
}

/// The two sides of ⟨J·u, v⟩ = ⟨u, Jᵀ·v⟩.
public struct DotProductIdentity: Sendable {
    /// ⟨J·u, v⟩ from forward mode.
    public var forward: Double
    /// ⟨u, Jᵀ·v⟩ from reverse mode.
    public var reverse: Double
    /// Σ|terms| of both inner products: the size rounding errors scale with.
    public var scale: Double
    var operations: Int

    /// |forward − reverse| / scale: rounding-sized (≲ 10⁻¹³) when both modes are right.
    public var relativeGap: Double { scale > 0 ? abs(forward - reverse) / scale : abs(forward - reverse) }

    /// Whether the gap is within `ulps` machine epsilons of the scale.
    public func holds(toWithin ulps: Double = 1000) -> Bool { relativeGap <= ulps * Double.ulpOfOne }
}
