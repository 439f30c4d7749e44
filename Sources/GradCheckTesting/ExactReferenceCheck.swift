import GradCheck

/// Checks a derivative of a generic test function against the exact reference: forward mode with all
/// partials at once in extended precision (``ExtendedForwardReference``), cross-checked by Richardson
/// extrapolation.
///
/// Per point: the reference first (a throw, a non-finite value or a disputed cross-check make the point
/// undecided: nothing can be verified there), then the derivative under test (a throw or a wrong shape
/// fail it), then the entries (``EntryComparison``, with no estimate term: the reference is exact up to
/// rounding in a precision far beyond `Double`'s).
struct ExactReferenceCheck {
    var subject: String
    var function: any TestFunction
    /// Whether entries are named `∂f[i]/∂…` (a Jacobian check) rather than `∂f/∂…`.
    var vectorValued: Bool
    var tolerance: Tolerance
    var reference = ExtendedForwardReference()

    func run(_ derivative: ([Double]) throws -> [[Double]], at points: SamplePoints) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: reference.description, tolerance: tolerance, estimateFactor: 0,
            points: points.resolved.map { check(derivative, at: $0) }, outcome: .passed
        ).withCombinedOutcome()
    }

    private func check(_ derivative: ([Double]) throws -> [[Double]], at point: SamplePoint) -> PointCheck {
        let x = point.coordinates
        guard x.count == function.inputCount else {
            return PointCheck(
                point: point, outcome: .failed,
                message: "the point has \(x.count) coordinates; the function has \(function.inputCount) inputs")
        }
        let exact: ReferenceResult
        do {
            exact = try reference.evaluate(function, at: x.map { ExtendedReal($0) })
        } catch {
            return PointCheck(point: point, outcome: .undecided, message: "the function threw here: \(error)")
        }
        guard exact.value.allSatisfy(\.isFinite), exact.jacobian.joined().allSatisfy(\.isFinite) else {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "the function or its derivative is not finite here: the point lies outside its domain")
        }
        if let dispute = exact.dispute {
            return PointCheck(point: point, outcome: .undecided, message: dispute)
        }
        let candidate: [[Double]]
        do {
            candidate = try derivative(x)
        } catch {
            return PointCheck(point: point, outcome: .failed, message: "the derivative under test threw: \(error)")
        }
        let comparison = EntryComparison(
            tolerance: tolerance, estimateFactor: 0, decisionLimit: CheckDefaults.decisionLimit,
            inputNames: function.inputNames, vectorValued: vectorValued)
        return comparison.compare(at: point, candidate: candidate, reference: exact.jacobian, estimates: nil)
    }
}

extension GradientCheckReport {
    /// The report with its outcome combined from its points: failed if a point failed, else undecided if
    /// a point was undecided (or there were no points), else passed.
    func withCombinedOutcome() -> GradientCheckReport {
        var report = self
        report.outcome =
            if points.contains(where: { $0.outcome == .failed }) { .failed }
            else if points.isEmpty || points.contains(where: { $0.outcome == .undecided }) { .undecided }
            else { .passed }
        return report
    }
}
