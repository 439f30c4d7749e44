import GradCheckCore
import GradCheckEngine

/// Checks a derivative of a plain closure against ``DifferenceReference``: adaptive Richardson-extrapolated
/// differences of the closure itself, with an error estimate per entry that includes the closure's
/// measured noise.
///
/// Each entry is allowed atol + rtol·max(|r|, φ) + ``CheckDefaults/estimateFactor``·estimate, so a
/// correct derivative does not fail because the reference is only approximately right; an entry whose
/// estimate is larger than the decision limit (``CheckDefaults/decisionLimit``, or the working
/// precision's, ``CheckDefaults/differenceDecisionLimit(for:)``) times max(|r|, φ) is undecided, so a kink
/// or noise cannot let a wrong derivative pass. The floor is
///
///     φ = max(floorFraction·max|r|, valueFloorFraction·max|f(x)| / max(1, max|xⱼ|))
///
/// with floorFraction = ``CheckDefaults/differenceFloorFraction`` (1) unless the call gives `floor:`. The
/// first term makes the default test one in the max norm (the reference's error has one size across the
/// entries); a smaller floor holds small entries to their own size, where the measured noise allows it
/// (else they are undecided). The second is the size below which a derivative is indistinguishable from
/// zero in differences of f at x, so that at a stationary point — true derivative 0, differences giving
/// rounding noise of order ε·|f|/h — the check still decides.
///
/// Every point is first rounded to the working precision (the closure's element type); a column the
/// reference finds not differentiable (one-sided limits that differ: a kink) makes the point undecided
/// with the same words the generic shape uses, unless another entry fails.
struct DifferenceReferenceCheck {
    var subject: String
    var vectorValued: Bool
    var tolerance: Tolerance
    var reference = DifferenceReference()
    var decisionLimit = CheckDefaults.decisionLimit

    func run(
        _ function: ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]], at points: SamplePoints
    ) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: reference.description, tolerance: tolerance,
            estimateFactor: CheckDefaults.estimateFactor,
            points: points.resolved.map { check(function, derivative: derivative, at: reference.precision.rounded($0)) },
            outcome: .passed
        ).withCombinedOutcome()
    }

    private func check(
        _ function: ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]], at point: SamplePoint
    ) -> PointCheck {
        let x = point.coordinates
        let approximate: DifferenceReference.Result
        do {
            approximate = try reference.evaluate(function, at: x)
        } catch {
            return PointCheck(point: point, outcome: .undecided, message: "the function threw here: \(error)")
        }
        guard approximate.value.allSatisfy(\.isFinite) else {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "the function is not finite here: the point lies outside its domain")
        }
        let candidate: [[Double]]
        do {
            candidate = try derivative(x)
        } catch {
            return PointCheck(point: point, outcome: .failed, message: "the derivative under test threw: \(error)")
        }
        let comparison = EntryComparison(
            tolerance: tolerance, estimateFactor: CheckDefaults.estimateFactor, decisionLimit: decisionLimit,
            inputNames: EntryComparison.arrayInputNames(x.count), vectorValued: vectorValued,
            minimumFloor: CheckDefaults.valueFloorFraction * (approximate.value.map(\.magnitude).max() ?? 0)
                / Swift.max(1, x.map(\.magnitude).max() ?? 0))
        var compared = comparison.compare(
            at: point, candidate: candidate, reference: approximate.jacobian.map { $0.map { ExtendedReal($0) } },
            estimates: approximate.estimate)
        if compared.outcome == .undecided, let (column, kink) = approximate.kinks.min(by: { $0.key < $1.key }) {
            let name = comparison.entryName(row: kink.row, column: column)
            let given = candidate.indices.contains(kink.row) && candidate[kink.row].indices.contains(column)
                ? " (the derivative under test gives \(NumberText.short(candidate[kink.row][column])))" : ""
            compared.message = "not differentiable here: \(name) is \(NumberText.short(kink.right)) from the right and "
                + "\(NumberText.short(kink.left)) from the left\(given); the derivative at a kink is a convention, so it is not "
                + "judged at this point"
        }
        return compared
    }
}
