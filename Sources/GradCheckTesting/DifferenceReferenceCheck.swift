import GradCheckCore

/// Checks a derivative of a plain closure over `Double` against ``DifferenceReference``: adaptive
/// Richardson-extrapolated differences of the closure itself, with an error estimate per entry.
///
/// Each entry is allowed atol + rtol·max(|r|, φ) + ``CheckDefaults/estimateFactor``·estimate, so a
/// correct derivative does not fail because the reference is only approximately right; an entry whose
/// estimate is larger than ``CheckDefaults/decisionLimit``·max(|r|, φ) is undecided, so a kink or noise
/// cannot let a wrong derivative pass. The floor is
///
///     φ = max(differenceFloorFraction·max|r|, valueFloorFraction·max|f(x)| / max(1, max|xⱼ|))
///
/// The first term makes the test one in the max norm (the reference's error has one size across the
/// entries); the second is the size below which a derivative is indistinguishable from zero in
/// differences of f at x, so that at a stationary point — true derivative 0, differences giving rounding
/// noise of order ε·|f|/h — the check still decides.
struct DifferenceReferenceCheck {
    var subject: String
    var vectorValued: Bool
    var tolerance: Tolerance
    var reference = DifferenceReference()

    func run(
        _ function: ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]], at points: SamplePoints
    ) -> GradientCheckReport {
        run(referenceAt: { try reference.evaluate(function, at: $0) }, derivative: derivative, at: points)
    }

    /// The same check with the reference's columns computed on up to `columnJobs` threads (see
    /// ``DifferenceReference/evaluate(_:at:jobs:)``): the same report, sooner for many inputs.
    func run(
        _ function: @escaping @Sendable ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]],
        at points: SamplePoints, columnJobs: Int
    ) -> GradientCheckReport {
        run(referenceAt: { try reference.evaluate(function, at: $0, jobs: columnJobs) }, derivative: derivative, at: points)
    }

    private func run(
        referenceAt: ([Double]) throws -> DifferenceReference.Result, derivative: ([Double]) throws -> [[Double]],
        at points: SamplePoints
    ) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: DifferenceReference.description, tolerance: tolerance,
            estimateFactor: CheckDefaults.estimateFactor,
            points: points.resolved.map { check(referenceAt: referenceAt, derivative: derivative, at: $0) },
            outcome: .passed
        ).withCombinedOutcome()
    }

    private func check(
        referenceAt: ([Double]) throws -> DifferenceReference.Result, derivative: ([Double]) throws -> [[Double]],
        at point: SamplePoint
    ) -> PointCheck {
        let x = point.coordinates
        let approximate: DifferenceReference.Result
        do {
            approximate = try referenceAt(x)
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
            tolerance: tolerance, estimateFactor: CheckDefaults.estimateFactor, decisionLimit: CheckDefaults.decisionLimit,
            inputNames: EntryComparison.arrayInputNames(x.count), vectorValued: vectorValued,
            minimumFloor: CheckDefaults.valueFloorFraction * (approximate.value.map(\.magnitude).max() ?? 0)
                / Swift.max(1, x.map(\.magnitude).max() ?? 0))
        return comparison.compare(
            at: point, candidate: candidate, reference: approximate.jacobian.map { $0.map { ExtendedReal($0) } },
            estimates: approximate.estimate)
    }
}
