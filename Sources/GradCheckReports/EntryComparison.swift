import GradCheckCore

/// One entry of a derivative beside the reference, for the failure details of every report format.
public struct EntryComparison: Sendable {
    /// `[i][j]`: output row i, input column j.
    public var label: String
    public var value: Double
    public var reference: Double
    /// |value − reference| (NaN when either is NaN).
    public var absoluteError: Double
    /// Whether the entry is outside the cell's tolerance (always for a non-finite value).
    public var isOutside: Bool

    /// The entries of `point` in row-major order, at most `limit` of them, judged against `tolerance` as
    /// the runner judges them (with the point's recorded floor φ; else floorFraction · the largest reference
    /// entry, 1 when all are 0).
    /// Empty when the point has no derivative or no reference.
    public static func entries(of point: PointResult, tolerance: Tolerance, limit: Int = 12) -> [EntryComparison] {
        guard let got = point.derivative, let want = point.reference else { return [] }
        let largest = want.joined().map(\.magnitude).max() ?? 0
        let floor = point.floor ?? (largest > 0 ? largest * tolerance.floorFraction : 1)
        var result: [EntryComparison] = []
        for (i, row) in want.enumerated() where i < got.count {
            for (j, reference) in row.enumerated() where j < got[i].count {
                guard result.count < limit else { return result }
                let value = got[i][j]
                let difference = (value - reference).magnitude
                let bound = tolerance.atol + (point.rtol ?? tolerance.rtol) * Swift.max(reference.magnitude, floor)
                result.append(EntryComparison(
                    label: "[\(i)][\(j)]", value: value, reference: reference, absoluteError: difference,
                    isOutside: !value.isFinite || !(difference <= bound)))
            }
        }
        return result
    }

    /// The number of entries of `point`'s derivative.
    public static func count(of point: PointResult) -> Int {
        point.reference?.reduce(0) { $0 + $1.count } ?? 0
    }
}
