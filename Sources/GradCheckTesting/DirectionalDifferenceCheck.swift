import GradCheck

/// Checks a derivative of a plain closure over `Double` along k seeded random directions, against
/// Richardson-extrapolated central differences of the closure along each direction,
/// g(t) = f(x + t·u): about 2·15 evaluations per direction and start whatever the number of inputs, with
/// an error estimate that is added ``CheckDefaults/estimateFactor`` times to the allowance
/// (``DirectionalComparison``; the closure cannot run in extended precision, so there is no exact
/// reference and no magnitudes). Wrong entries are localized by bisection as for the generic shape, each
/// split costing one extrapolation along its left half.
///
/// The tolerance is the difference tolerance (floor: the largest entry of the derivative under test, and
/// at least ``CheckDefaults/valueFloorFraction``·max|f|/max(1, max|x|)). A direction whose extrapolation
/// fails (no finite stencil) or whose estimate is not finite makes the point undecided.
struct DirectionalDifferenceCheck {
    var subject: String
    var vectorValued: Bool
    var tolerance: Tolerance
    var settings: DirectionalSettings
    var seed: UInt64
    /// Starting steps of the extrapolation, as fractions of max(1, max|xⱼ|) over the direction's support.
    var startingFractions: [Double] = [0.1, 1e-2, 1e-3]
    var extrapolation = RichardsonExtrapolation()

    var referenceDescription: String {
        "Richardson-extrapolated central differences of the closure in Double along \(settings.directions) seeded random "
            + "directions (error estimate per direction), wrong entries localized by bisection"
    }

    func run(
        _ function: ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]], at points: SamplePoints
    ) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: referenceDescription, tolerance: tolerance, estimateFactor: CheckDefaults.estimateFactor,
            points: points.resolved.map { check(function, derivative: derivative, at: $0) }, outcome: .passed
        ).withCombinedOutcome()
    }

    /// J·u for each member of `directions`, by extrapolated central differences of f(x ± h·u).
    func along(_ function: ([Double]) throws -> [Double], at x: [Double], outputs m: Int, directions: DirectionSet) -> DirectionalReferenceResult {
        var derivatives: [[ExtendedReal]] = [], estimates: [[ExtendedReal]] = []
        for member in directions.members {
            let scale = Swift.max(1, x[member.range].map(\.magnitude).max() ?? 0)
            let sign = directions.signs[member.base]
            func moved(_ h: Double) -> [Double] {
                var y = x
                for j in member.range { y[j] += sign[j] < 0 ? -h : h }
                return y
            }
            let estimate = extrapolation.bestExtrapolation(
                from: startingFractions.map { $0 * scale }, errorExponentStep: 2
            ) { h -> DifferenceSample<Double>? in
                guard let plus = try? function(moved(h)), let minus = try? function(moved(-h)), plus.count == m, minus.count == m,
                    plus.allSatisfy(\.isFinite), minus.allSatisfy(\.isFinite)
                else { return nil }
                return DifferenceSample.central(plus, minus, h: h)
            }
            guard let estimate, estimate.values.count == m else {
                derivatives.append([ExtendedReal](repeating: .nan, count: m))
                estimates.append([ExtendedReal](repeating: .infinity, count: m))
                continue
            }
            derivatives.append(estimate.values.map { ExtendedReal($0) })
            estimates.append(estimate.errors.map { ExtendedReal($0) })
        }
        return DirectionalReferenceResult(
            value: [], derivatives: derivatives, magnitudes: derivatives.map { $0.map { _ in 0 } }, estimates: estimates)
    }

    private func check(
        _ function: ([Double]) throws -> [Double], derivative: ([Double]) throws -> [[Double]], at point: SamplePoint
    ) -> PointCheck {
        let x = point.coordinates
        let value: [Double]
        do {
            value = try function(x)
        } catch {
            return PointCheck(point: point, outcome: .undecided, message: "the function threw here: \(error)")
        }
        guard value.allSatisfy(\.isFinite) else {
            return PointCheck(point: point, outcome: .undecided, message: "the function is not finite here: the point lies outside its domain")
        }
        let signs = settings.signs(count: x.count, seed: seed, salt: "\(subject)#\(point.index)")
        var initial = along(function, at: x, outputs: value.count, directions: DirectionSet.full(signs))
        initial.value = value.map { ExtendedReal($0) }
        if let d = initial.estimates.firstIndex(where: { !$0.allSatisfy(\.isFinite) }) {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "no difference stencil along random direction #\(d + 1) gave finite values: the function is not finite "
                    + "or not differentiable around the point")
        }
        let candidate: [[Double]]
        do {
            candidate = try derivative(x)
        } catch {
            return PointCheck(point: point, outcome: .failed, message: "the derivative under test threw: \(error)")
        }
        guard candidate.count == value.count, candidate.allSatisfy({ $0.count == x.count }) else {
            let got = "\(candidate.count)×\(candidate.map(\.count).max() ?? 0)"
            return PointCheck(point: point, outcome: .failed, message: "wrong shape: expected \(value.count)×\(x.count), got \(got)")
        }
        var scaled = tolerance
        scaled.scalesWithValue = true
        let valueScale = CheckDefaults.valueFloorFraction * (value.map(\.magnitude).max() ?? 0) / Swift.max(1, x.map(\.magnitude).max() ?? 0)
        let comparison = DirectionalComparison(
            tolerance: scaled, settings: settings, valueScale: ExtendedReal(valueScale),
            estimateFactor: ExtendedReal(CheckDefaults.estimateFactor))
        let outcome = comparison.compare(candidate: candidate, signs: signs, initial: initial) { set in
            along(function, at: x, outputs: value.count, directions: set)
        }
        let names = EntryComparison.arrayInputNames(x.count)
        let entries = outcome.entries.map { EntryCheck(judgement: $0, inputNames: names, vectorValued: vectorValued) }
        var result = PointCheck(
            point: point, outcome: outcome.agrees ? .passed : .failed,
            message: outcome.agrees ? nil : outcome.failureSummary(inputNames: names, outputCount: value.count), entries: entries)
        result.directional = outcome.evidence
        return result
    }
}
