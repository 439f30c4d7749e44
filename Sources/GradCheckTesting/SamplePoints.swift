import GradCheckCore

/// The points a check looks at: explicit points, seeded random points in a box, or both.
///
/// An array literal of numbers is one point: `at: [1.5, -0.5]`. For a variable use ``point(_:)``; for
/// several, ``points(_:)``, ``random(_:in:seed:)`` (one interval per input), ``random(_:in:dimension:seed:)``
/// (one interval for all), or ``points(_:plus:in:seed:)``. The same seed gives the
/// same random points on every platform and every run, and a failure prints each point in full, so any
/// failure can be replayed exactly.
public struct SamplePoints: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Points that are always checked, in order.
    public var explicit: [[Double]]
    /// How many random points to draw after the explicit ones.
    public var randomCount: Int
    /// The box random points are drawn from: one closed interval per input.
    public var box: [ClosedRange<Double>]
    /// The seed of the random points.
    public var seed: UInt64

    public init(explicit: [[Double]] = [], randomCount: Int = 0, box: [ClosedRange<Double>] = [], seed: UInt64 = 1) {
        self.explicit = explicit
        self.randomCount = randomCount
        self.box = box
        self.seed = seed
    }

    /// One point, written as an array literal: `at: [1.5, -0.5]`.
    public init(arrayLiteral coordinates: Double...) {
        self.init(explicit: [coordinates])
    }

    /// One point.
    public static func point(_ x: [Double]) -> SamplePoints { SamplePoints(explicit: [x]) }

    /// Several explicit points, checked in order.
    public static func points(_ xs: [[Double]]) -> SamplePoints { SamplePoints(explicit: xs) }

    /// `count` uniform random points of `box` (one interval per input), drawn from a generator seeded
    /// with `seed`.
    public static func random(_ count: Int, in box: [ClosedRange<Double>], seed: UInt64 = 1) -> SamplePoints {
        SamplePoints(randomCount: count, box: box, seed: seed)
    }

    /// `count` uniform random points of the cube `range`ⁿ: every one of the `dimension` inputs drawn from
    /// the same interval, seeded with `seed` (the same points as ``random(_:in:seed:)`` with `range`
    /// repeated `dimension` times).
    public static func random(
        _ count: Int, in range: ClosedRange<Double>, dimension: Int, seed: UInt64 = 1
    ) -> SamplePoints {
        SamplePoints(randomCount: count, box: Array(repeating: range, count: Swift.max(0, dimension)), seed: seed)
    }

    /// Explicit points followed by `count` seeded random points of `box`.
    public static func points(
        _ xs: [[Double]], plus count: Int, in box: [ClosedRange<Double>], seed: UInt64 = 1
    ) -> SamplePoints {
        SamplePoints(explicit: xs, randomCount: count, box: box, seed: seed)
    }

    /// The points in checking order, each with where it came from.
    public var resolved: [SamplePoint] {
        var result = explicit.enumerated().map { SamplePoint(index: $0.offset + 1, coordinates: $0.element, origin: .explicit) }
        guard randomCount > 0, !box.isEmpty else { return result }
        var generator = SeededGenerator(seed: seed)
        for k in 1...randomCount {
            let x = box.map { generator.nextDouble(in: $0) }
            result.append(SamplePoint(index: result.count + 1, coordinates: x, origin: .random(seed: seed, draw: k, of: randomCount)))
        }
        return result
    }
}

/// One point of a check.
public struct SamplePoint: Sendable, Hashable {
    /// The point's position in the check, from 1.
    public var index: Int
    /// One value per input.
    public var coordinates: [Double]
    /// Where the point came from, to replay it.
    public var origin: PointOrigin

    public init(index: Int, coordinates: [Double], origin: PointOrigin) {
        self.index = index
        self.coordinates = coordinates
        self.origin = origin
    }
}

/// Where a point came from.
public enum PointOrigin: Sendable, Hashable {
    /// Given by the caller.
    case explicit
    /// Random draw `draw` of `of` from the generator seeded with `seed`.
    case random(seed: UInt64, draw: Int, of: Int)
    /// Point `draw` of `of` of a corpus function's sampling (its explicit points first, then random
    /// points of its domain) for the run seed `seed`.
    case corpus(seed: UInt64, draw: Int, of: Int)
}
