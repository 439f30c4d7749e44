import GradCheckCore
import GradCheckEngine

/// Entry records for a cell read from a `gradcheck-report/1` document, which stored no judgements.
///
/// Version 1 judged entry (i, j) as inside when |aᵢⱼ − rᵢⱼ| ≤ atol + rtol′·max(|rᵢⱼ|, φ), with the point's
/// saved `floor` as φ (else floorFraction · max|r|, 1 when r = 0) and its saved `rtol` as rtol′ (else the
/// cell's); its `outsideTolerance` list, when present, says which entries it found outside. The rebuilt
/// records say exactly that, with no widening, so old reports render as they were decided.
enum LegacyJudgements {
    static func rebuilt(_ cell: CellResult, from json: JSONReader) -> CellResult {
        var cell = cell
        guard let points = try? json.field("points").array() else { return cell }
        for (p, point) in zip(cell.points.indices, points) {
            cell.points[p].entries = entries(of: cell.points[p], tolerance: cell.tolerance, json: point)
        }
        return cell
    }

    private static func entries(of point: PointResult, tolerance: Tolerance, json: JSONReader) -> [EntryJudgement]? {
        guard let got = point.derivative, let want = point.reference, got.count == want.count else { return nil }
        let largest = want.joined().filter(\.isFinite).map(\.magnitude).max() ?? 0
        let savedFloor: Double? = try? json.optionalField("floor")?.double()
        let floor = savedFloor ?? (largest > 0 ? largest * tolerance.floorFraction : 1)
        let savedRtol: Double? = try? json.optionalField("rtol")?.double()
        let rtol = savedRtol ?? tolerance.rtol
        var recordedOutside: Set<EntryIndex>?
        if let list = try? json.optionalField("outsideTolerance")?.array() {
            recordedOutside = Set(list.compactMap { entry in
                guard let row = try? entry.field("row").int(), let column = try? entry.field("column").int() else { return nil }
                return EntryIndex(row: row, column: column)
            })
        }
        var entries: [EntryJudgement] = []
        for (i, row) in want.enumerated() where got[i].count == row.count {
            for (j, r) in row.enumerated() {
                let a = got[i][j]
                let scale = Swift.max(r.magnitude, floor)
                let bound = tolerance.atol + rtol * scale
                let error = (a - r).magnitude
                let outside = recordedOutside.map { $0.contains(EntryIndex(row: i, column: j)) }
                    ?? (!a.isFinite || !(error <= bound))
                entries.append(EntryJudgement(
                    row: i, column: j, value: a, reference: r, error: a.isFinite && r.isFinite ? error : .nan, bound: bound,
                    basis: BoundBasis(
                        rtol: rtol, atol: tolerance.atol, floor: floor,
                        floorSource: savedFloor == nil && largest == 0 ? .unit : .largestEntry, scale: scale, widening: 0),
                    estimate: estimate(point.errorEstimate, i, j), outcome: !r.isFinite ? .undecided : outside ? .outside : .inside))
            }
        }
        return entries
    }

    /// The saved estimate of entry (i, j), if the saved estimates have one there: a document may hold
    /// estimates of another shape than its derivative (found by `gradcheck fuzz`: an out-of-range index
    /// trapped while reading such a version 1 report).
    static func estimate(_ estimates: [[Double]]?, _ i: Int, _ j: Int) -> Double? {
        guard let estimates, estimates.indices.contains(i), estimates[i].indices.contains(j) else { return nil }
        return estimates[i][j]
    }
}
