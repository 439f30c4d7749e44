import GradCheck

/// Checks a derivative of a generic test function against the exact reference: forward mode with all
/// partials at once in extended precision (``ExtendedForwardReference``), cross-checked by Richardson
/// extrapolation.
///
/// Per point: the reference first (a throw, a non-finite value or a disputed cross-check make the point
/// undecided: nothing can be verified there), then the derivative under test (a throw or a wrong shape
/// fail it), then the entries, judged by the runner's own judge (``EntryJudge``, with the reference's
/// cancellation magnitudes and the derivative's measured sensitivity to `Double` rounding), so that the
/// generic shape and `gradcheck run` decide an entry the same way: a point whose bound cannot certify
/// the required digits is undecided, never passed.
struct ExactReferenceCheck {
    var subject: String
    var function: any TestFunction
    /// Whether entries are named `∂f[i]/∂…` (a Jacobian check) rather than `∂f/∂…`.
    var vectorValued: Bool
    var tolerance: Tolerance
    var reference = ExtendedForwardReference()
    /// The precision the derivative under test computes in: points are rounded to it first, and its own
    /// rounding of the exact rules at the point widens the bound (see ``EntryJudge``).
    var precision = WorkingPrecision.double

    func run(_ derivative: ([Double]) throws -> [[Double]], at points: SamplePoints) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: reference.description, tolerance: tolerance, estimateFactor: 0,
            points: points.resolved.map { check(derivative, at: precision.rounded($0)) }, outcome: .passed
        ).withCombinedOutcome()
    }

    private func check(_ derivative: ([Double]) throws -> [[Double]], at point: SamplePoint) -> PointCheck {
        let x = point.coordinates
        let exact: ReferenceResult
        switch ExactPointSteps.reference(
            at: point, inputCount: function.inputCount, { try reference.evaluate(function, at: x.map { ExtendedReal($0) }) },
            isFinite: { $0.value.allSatisfy(\.isFinite) && $0.jacobian.joined().allSatisfy(\.isFinite) },
            dispute: \.dispute)
        {
        case .ready(let result): exact = result
        case .settled(let settled): return settled
        }
        let candidate: [[Double]]
        switch ExactPointSteps.candidate(
            derivative, at: point, rows: exact.jacobian.count, columns: exact.jacobian.first?.count ?? 0)
        {
        case .ready(let rows): candidate = rows
        case .settled(let settled): return settled
        }
        let judge = EntryJudge(
            tolerance: tolerance, magnitudes: exact.magnitudes,
            sensitivity: precision.sensitivity?(reference, function, x, exact.jacobian)
                ?? reference.roundingSensitivity(function, at: x, jacobian: exact.jacobian, in: Double.self),
            leastNormal: ExtendedReal(precision.leastNormal))
        let judged = judge.judge(candidate: candidate.map { $0.map { ExtendedReal($0) } }, reference: exact.jacobian)
        let entries = judged.map { EntryCheck(judgement: $0, inputNames: function.inputNames, vectorValued: vectorValued) }
        if entries.contains(where: { $0.outcome == .failed }) {
            return PointCheck(point: point, outcome: .failed, entries: entries)
        }
        if let unsure = entries.first(where: { $0.outcome == .undecided }) {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "the reference is not finite for \(unsure.name) (\(NumberText.short(unsure.reference))): it cannot be checked here",
                entries: entries)
        }
        let required = EntryJudge.requiredDigits(rtol: tolerance.rtol)
        if let weak = zip(judged, entries).filter({ $0.0.certifiedDigits < required }).min(by: { $0.0.certifiedDigits < $1.0.certifiedDigits }) {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "\(weak.1.name) is ill-conditioned here: the allowed error \(NumberText.short(weak.0.bound)) (rounding in \(precision.name) "
                    + "alone moves it by about \(NumberText.short(weak.0.basis.widening / Double(EntryJudge.sensitivityFactor)))) certifies "
                    + "only \(String(format: "%.1f", weak.0.certifiedDigits)) correct digits where a pass needs \(String(format: "%.0f", required))",
                entries: entries)
        }
        return PointCheck(point: point, outcome: .passed, entries: entries)
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
