/// Blame for a failure: at a failing point, which other strategies agree with the reference and which
/// with the failing result.
///
/// A strategy agrees with the reference when it passed at that point; it agrees with the failing result
/// when its own derivative is within its own tolerance of that result. When several strategies agree with
/// one another against the reference, the reference (or the function) is the more likely culprit, and the
/// text says so.
enum Consensus {
    /// Fills `consensus` for every failing point of `cells` (all cells of one function, same points).
    static func annotate(_ cells: inout [CellResult]) {
        let correct = cells.indices.filter { !cells[$0].isMutant }
        for index in cells.indices {
            for p in cells[index].points.indices where cells[index].points[p].verdict == .fail {
                guard let failing = cells[index].points[p].derivative else { continue }
                var withReference: [String] = [], withFailure: [String] = []
                for other in correct where other != index && cells[other].strategy != cells[index].strategy {
                    let point = cells[other].points[p]
                    if point.verdict == .pass { withReference.append(cells[other].strategy) }
                    if let theirs = point.derivative, point.verdict != .error,
                        ErrorMeasures.violations(
                            of: cells[other].tolerance, candidate: extended(theirs), reference: extended(failing)
                        ).isEmpty
                    {
                        withFailure.append(cells[other].strategy)
                    }
                }
                cells[index].points[p].consensus = describe(cells[index], withReference, withFailure)
            }
        }
    }

    private static func extended(_ rows: [[Double]]) -> [[ExtendedReal]] {
        rows.map { $0.map { ExtendedReal($0) } }
    }

    private static func describe(_ cell: CellResult, _ withReference: [String], _ withFailure: [String]) -> String {
        let label = cell.isMutant ? "the mutant" : cell.strategy
        var text = "\(label) disagrees; "
        text += withReference.isEmpty
            ? "no other strategy agrees with the reference"
            : "\(withReference.count) \(withReference.count == 1 ? "other agrees" : "others agree") with the reference ("
                + withReference.joined(separator: ", ") + ")"
        if !withFailure.isEmpty {
            text += "; " + withFailure.joined(separator: ", ") + " \(withFailure.count == 1 ? "agrees" : "agree") with \(label)"
            if withFailure.count >= 2 && withReference.count < withFailure.count {
                text += ": the reference or the function may be at fault"
            }
        }
        return text
    }
}
