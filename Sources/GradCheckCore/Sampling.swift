/// The points a function is checked at: explicit points first, then seeded random points in a box.
public struct Sampling: Sendable, Hashable {
    /// Points that are always checked, in order (each has one value per scalar input).
    public var explicitPoints: [[Double]]
    /// The box random points are drawn from: one closed interval per scalar input; empty for none.
    public var domain: [ClosedRange<Double>]

    public init(explicitPoints: [[Double]] = [], domain: [ClosedRange<Double>] = []) {
        self.explicitPoints = explicitPoints
        self.domain = domain
    }

    /// Every explicit point, in order, then `random` uniform random points of the domain drawn from a
    /// generator seeded with `seed` and the function's id (so adding a function never moves another
    /// function's points). Without a domain, only the explicit points. An explicit point is never dropped:
    /// it was written down because it matters.
    public func points(random: Int, seed: UInt64, salt: String) -> [[Double]] {
        var result = explicitPoints
        guard !domain.isEmpty, random > 0 else { return result }
        var generator = SeededGenerator(seed: seed, salt: salt)
        for _ in 0..<random {
            result.append(domain.map { interval in generator.nextDouble(in: interval) })
        }
        return result
    }
}
