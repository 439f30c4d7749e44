import GradCheckCore
import GradCheckNumeric

/// The reference's second opinion at one point: Richardson-extrapolated differences in extended
/// precision, computed from two starting scales (h₀ = 10⁻¹·|x| and 10⁻³·|x|).
///
/// For each input j:
/// - when no central stencil stays on the point's branches (x sits on a kink), the one-sided limits
///   from the right and from the left are extrapolated; if each is consistent across the two scales and
///   they differ, the function is not differentiable here and the point is disputed (a kink);
/// - otherwise the two scales' extrapolations must agree with each other within 10× their estimates (a
///   function too rough for differences — chaotic, say — leaves the cross-check undecided, not a dispute),
///   and entry (i, j) is disputed when the forward-mode value differs from them by more than
///   10·estimate + 10⁻⁹·max(|entry|, 10⁻³·max|entries|, max|f|/max(1, |x|)) + 10⁻¹⁵·max(1, max|f|/max(1, |x|)).
struct ReferenceCrossCheck {
    let function: any TestFunction
    let point: [ExtendedReal]
    let jacobian: [[ExtendedReal]]
    let value: [ExtendedReal]

    /// The first dispute, described, or nil.
    func dispute() throws -> String? {
        var fine = RichardsonExtrapolation()
        fine.initialStepFraction = 1e-3
        let scales = [
            try ExtrapolatedDifferentiation(function: function, point: point, extrapolation: RichardsonExtrapolation()),
            try ExtrapolatedDifferentiation(function: function, point: point, extrapolation: fine),
        ]
        for j in point.indices {
            guard let coarse = try scales[0].centralColumn(j) else {
                // No central stencil stays on the point's branches: x sits on a kink, or next to one.
                if let kink = try kink(j, scales) { return kink }
                continue
            }
            guard let finer = try scales[1].column(j), consistent(coarse, finer, column: j) else { continue }
            for i in jacobian.indices {
                let exact = jacobian[i][j], approximate = coarse.values[i], estimate = coarse.errors[i]
                if (exact - approximate).magnitude > margin(estimate, i, j) {
                    return "reference disputed at \(name(i, j)): forward mode gives \(NumberText.short(exact)), extrapolated "
                        + "differences \(NumberText.short(approximate)) ± \(NumberText.short(estimate)); a derivative rule or the function is "
                        + "not what it seems here"
                }
            }
        }
        return nil
    }

    /// A kink at input j: one-sided limits that each agree across the scales, and differ from each other.
    private func kink(_ j: Int, _ scales: [ExtrapolatedDifferentiation<ExtendedReal>]) throws -> String? {
        guard let right = try scales[0].sideLimit(j, side: 1), let left = try scales[0].sideLimit(j, side: -1),
            let rightFine = try scales[1].sideLimit(j, side: 1), let leftFine = try scales[1].sideLimit(j, side: -1),
            consistent(right, rightFine, column: j), consistent(left, leftFine, column: j)
        else { return nil }
        for i in jacobian.indices where (right.values[i] - left.values[i]).magnitude > margin(right.errors[i] + left.errors[i], i, j) {
            return "not differentiable here: \(name(i, j)) is \(NumberText.short(right.values[i])) from the right and "
                + "\(NumberText.short(left.values[i])) from the left (the program's branch gives \(NumberText.short(jacobian[i][j]))); "
                + "the derivative at a kink is a convention, so no strategy is judged at this point"
        }
        return nil
    }

    /// Whether two extrapolations of column j agree within 10× their estimates and the margin's floors.
    private func consistent(
        _ a: RichardsonExtrapolation.Estimate<ExtendedReal>, _ b: RichardsonExtrapolation.Estimate<ExtendedReal>, column j: Int
    ) -> Bool {
        jacobian.indices.allSatisfy { i in (a.values[i] - b.values[i]).magnitude <= margin(a.errors[i] + b.errors[i], i, j) }
    }

    /// 10·estimate plus floors far below any real rule error (see the type's description).
    private func margin(_ estimate: ExtendedReal, _ i: Int, _ j: Int) -> ExtendedReal {
        let largest = jacobian.joined().map(\.magnitude).max() ?? 0
        let size = point.map(\.magnitude).max() ?? 0
        let valueScale = (value.map(\.magnitude).max() ?? 0) / Swift.max(1, size)
        let scale = Swift.max(jacobian[i][j].magnitude, 1e-3 * largest, valueScale)
        return 10 * estimate + 1e-9 * scale + 1e-15 * Swift.max(1, valueScale)
    }

    private func name(_ i: Int, _ j: Int) -> String {
        EntryNaming.name(EntryIndex(row: i, column: j), inputNames: function.inputNames, outputCount: function.outputCount)
    }
}
