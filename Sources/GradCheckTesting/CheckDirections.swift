import GradCheck

/// The directions a JVP is checked along (tangents u ∈ ℝⁿ) and the seeds a VJP is checked with
/// (cotangents w ∈ ℝᵐ): seeded random unit vectors, and optionally the unit basis.
///
/// A random direction has entries uniform in [−1, 1], normalised to length 1
/// (``DirectionalCheck/randomDirection(count:seed:salt:)``): every entry of J takes part, so one
/// direction catches a wrong entry unless the error happens to cancel in the sum, which a second
/// direction makes vanishingly unlikely. The unit basis costs n JVPs (m VJPs) but turns each product
/// into one column (row) of J, so a failure names the exact entry ∂fᵢ/∂xⱼ; it is used only up to
/// ``basisLimit`` dimensions.
public struct CheckDirections: Sendable, Hashable {
    /// How many seeded random directions (and seeds).
    public var randomCount: Int
    /// The seed of the random directions.
    public var seed: UInt64
    /// Whether the unit vectors e₀, e₁, … are checked too (up to ``basisLimit`` dimensions).
    public var includesUnitBasis: Bool

    /// The unit basis is used only for dimensions up to this (64).
    public static let basisLimit = 64

    public init(randomCount: Int, seed: UInt64 = 1, includesUnitBasis: Bool = false) {
        self.randomCount = randomCount
        self.seed = seed
        self.includesUnitBasis = includesUnitBasis
    }

    /// `count` seeded random unit directions.
    public static func random(_ count: Int = 3, seed: UInt64 = 1) -> CheckDirections {
        CheckDirections(randomCount: count, seed: seed)
    }

    /// The unit basis only (e₀, …, eₙ₋₁), for dimensions up to ``basisLimit``.
    public static let unitBasis = CheckDirections(randomCount: 0, includesUnitBasis: true)

    /// `count` seeded random directions, then the unit basis (up to ``basisLimit`` dimensions).
    public static func randomAndUnitBasis(_ count: Int = 3, seed: UInt64 = 1) -> CheckDirections {
        CheckDirections(randomCount: count, seed: seed, includesUnitBasis: true)
    }

    /// The tangents u1, u2, … (then e0, e1, … when the basis is included) a JVP is checked along, for
    /// a function of `dimension` inputs: the vectors a failure's `jvp(u1)` means.
    public func tangents(dimension: Int) -> [[Double]] {
        directions(dimension: dimension, prefix: "u").map(\.vector)
    }

    /// The seeds w1, w2, … (then e0, e1, …) a VJP is checked with, for a function of `dimension`
    /// outputs: the vectors a failure's `vjp(w1)` means.
    public func cotangents(dimension: Int) -> [[Double]] {
        directions(dimension: dimension, prefix: "w").map(\.vector)
    }

    /// How a failure's directions can be had again: `CheckDirections.random(3, seed: 1)` and the calls
    /// that give them.
    var replayHint: String {
        guard randomCount > 0 else { return "the same call (the directions are the unit vectors ej)" }
        let spelling = "CheckDirections(randomCount: \(randomCount), seed: \(seed), includesUnitBasis: \(includesUnitBasis))"
        return "the same call; uk and wk are \(spelling).tangents(dimension: n)[k − 1] and .cotangents(dimension: m)[k − 1]"
    }

    /// One direction: its label in entry names (`u1`, `w2`, `e3`), its vector, and for a unit vector
    /// its index.
    struct Direction {
        var label: String
        var vector: [Double]
        var basisIndex: Int?
    }

    /// The directions in ℝ^`dimension`, named `prefix`1, `prefix`2, … then `e`0, `e`1, …; the random
    /// ones depend on the seed, the prefix and the dimension only.
    func directions(dimension: Int, prefix: String) -> [Direction] {
        guard dimension > 0 else { return [] }
        var result = (0..<Swift.max(0, randomCount)).map { k in
            Direction(
                label: "\(prefix)\(k + 1)",
                vector: DirectionalCheck.randomDirection(count: dimension, seed: seed, salt: "\(prefix)\(k + 1)/\(dimension)"))
        }
        if includesUnitBasis && dimension <= Self.basisLimit {
            result += (0..<dimension).map { j in
                var e = [Double](repeating: 0, count: dimension)
                e[j] = 1
                return Direction(label: "e\(j)", vector: e, basisIndex: j)
            }
        }
        return result
    }
}
