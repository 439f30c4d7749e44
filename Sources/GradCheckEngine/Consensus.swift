import GradCheckCore

/// Blame for a failure: at a failing point, which other strategies agree with the reference and which
/// with the failing result.
///
/// Only strategies that gave a derivative at that point take part (not mutants, not the failing strategy
/// itself). For another strategy B with derivative b, against the failing derivative a:
/// - B agrees with the reference when it passed there (every entry within B's own bound);
/// - B agrees with the failing result when every entry has |bᵢⱼ − aᵢⱼ| ≤ max(bound_A,ᵢⱼ, bound_B,ᵢⱼ): the
///   pair's own tolerance, the looser of the two bounds each was judged by;
/// - B agreeing with both is too coarse to tell them apart, and is said so rather than counted on
///   either side.
/// When several strategies agree with one another against the reference, the reference (or the
/// function) is the more likely culprit, and the text says so.
enum Consensus {
    /// Fills `consensus` for every failing point of `cells` (all cells of one function, same points).
    static func annotate(_ cells: inout [CellResult]) {
        let correct = cells.indices.filter { !cells[$0].isMutant }
        for index in cells.indices {
            for p in cells[index].points.indices where cells[index].points[p].verdict == .fail {
                let failing = cells[index].points[p]
                guard let a = failing.derivative, let aEntries = failing.entries else { continue }
                var withReference: [String] = [], withFailure: [String] = [], coarse: [String] = []
                var ran = 0
                for other in correct where other != index && cells[other].strategy != cells[index].strategy {
                    let point = cells[other].points[p]
                    guard point.verdict != .error, let b = point.derivative, let bEntries = point.entries,
                        bEntries.count == aEntries.count
                    else { continue }
                    ran += 1
                    let agreesWithReference = point.verdict == .pass
                    let agreesWithFailure = zip(aEntries, bEntries).allSatisfy { ea, eb in
                        let difference = (b[eb.row][eb.column] - a[ea.row][ea.column]).magnitude
                        return difference <= Swift.max(ea.bound, eb.bound)
                    }
                    switch (agreesWithReference, agreesWithFailure) {
                    case (true, true): coarse.append(cells[other].strategy)
                    case (true, false): withReference.append(cells[other].strategy)
                    case (false, true): withFailure.append(cells[other].strategy)
                    case (false, false): break
                    }
                }
                cells[index].points[p].consensus = describe(cells[index], ran: ran, withReference, withFailure, coarse)
            }
        }
    }

    private static func describe(
        _ cell: CellResult, ran: Int, _ withReference: [String], _ withFailure: [String], _ coarse: [String]
    ) -> String {
        let label = cell.isMutant ? "the mutant" : cell.strategy
        guard ran > 0 else { return "\(label) disagrees with the reference; no other strategy gave a derivative here to compare" }
        var text = "\(label) disagrees; "
        text += withReference.isEmpty
            ? "none of the \(ran) other \(ran == 1 ? "strategy" : "strategies") that ran agrees with the reference alone"
            : "\(withReference.count) of \(ran) other \(ran == 1 ? "strategy" : "strategies") "
                + "\(withReference.count == 1 ? "agrees" : "agree") with the reference (" + withReference.joined(separator: ", ") + ")"
        if !withFailure.isEmpty {
            text += "; " + withFailure.joined(separator: ", ") + " \(withFailure.count == 1 ? "agrees" : "agree") with \(label)"
            if withFailure.count >= 2 && withReference.count < withFailure.count {
                text += ": the reference or the function may be at fault"
            }
        }
        if !coarse.isEmpty {
            text += "; " + coarse.joined(separator: ", ") + " \(coarse.count == 1 ? "is" : "are") within tolerance of both "
                + "(too coarse to tell them apart)"
        }
        return text
    }
}
