import GradCheck

/// Checks a derivative of a generic test function along k seeded random directions, against the exact
/// directional reference: forward mode in extended precision with one tangent per direction
/// (``ExtendedForwardReference``'s directional mode), which costs O(ops(f)) per direction whatever the
/// number of inputs. Wrong entries are localized by group testing (``DirectionalComparison``) and reported
/// as the point's entries, named as in a full check.
///
/// Per point: the reference along the k directions first (a throw, a non-finite value or a disputed
/// cross-check make the point undecided), then the derivative under test (a throw or a wrong shape fail
/// it), then the comparison. A pass certifies that every one of the k directions agreed to within its
/// allowance: a derivative with an entry wrong by more than that allowance passes with probability at
/// most 2⁻ᵏ.
struct DirectionalReferenceCheck {
    var subject: String
    var function: any TestFunction
    var vectorValued: Bool
    var tolerance: Tolerance
    var settings: DirectionalSettings
    var seed: UInt64
    var reference = ExtendedForwardReference()

    /// "forward mode along 8 seeded random directions in Float80 (one tangent each)".
    var referenceDescription: String {
        "forward mode along \(settings.directions) seeded random directions in \(ExtendedReal.precisionName) (one tangent each), "
            + "wrong entries localized by bisection"
    }

    func run(_ derivative: ([Double]) throws -> [[Double]], at points: SamplePoints) -> GradientCheckReport {
        GradientCheckReport(
            subject: subject, reference: referenceDescription, tolerance: tolerance, estimateFactor: 0,
            points: points.resolved.map { check(derivative, at: $0) }, outcome: .passed
        ).withCombinedOutcome()
    }

    private func check(_ derivative: ([Double]) throws -> [[Double]], at point: SamplePoint) -> PointCheck {
        let x = point.coordinates
        let signs = settings.signs(count: x.count, seed: seed, salt: "\(subject)#\(point.index)")
        let extended = x.map { ExtendedReal($0) }
        let exact: DirectionalReferenceResult
        switch ExactPointSteps.reference(
            at: point, inputCount: function.inputCount,
            { try reference.directionalDerivatives(function, at: extended, along: DirectionSet.full(signs)) },
            isFinite: { $0.value.allSatisfy(\.isFinite) && $0.derivatives.joined().allSatisfy(\.isFinite) },
            dispute: \.dispute)
        {
        case .ready(let result): exact = result
        case .settled(let settled): return settled
        }
        let candidate: [[Double]]
        switch ExactPointSteps.candidate(derivative, at: point, rows: exact.value.count, columns: x.count) {
        case .ready(let rows): candidate = rows
        case .settled(let settled): return settled
        }
        let comparison = DirectionalComparison(
            tolerance: tolerance, settings: settings, valueScale: ErrorMeasures.valueScale(value: exact.value, point: x))
        let outcome: DirectionalComparison.Outcome
        do {
            outcome = try comparison.compare(candidate: candidate, signs: signs, initial: exact) { set in
                try reference.directionalDerivatives(function, at: extended, along: set)
            }
        } catch {
            return PointCheck(
                point: point, outcome: .undecided,
                message: "the function threw while the wrong entries were localized: \(error)")
        }
        let names = function.inputNames
        let entries = outcome.entries.map { EntryCheck(judgement: $0, inputNames: names, vectorValued: vectorValued) }
        var result = PointCheck(
            point: point, outcome: outcome.agrees ? .passed : .failed,
            message: outcome.agrees ? nil : outcome.failureSummary(for: function), entries: entries)
        result.directional = outcome.evidence
        return result
    }
}

extension DirectionalSettings {
    /// The settings of a library check: `mode` and k = `directions`, the rest at their defaults.
    static func library(_ mode: DirectionalMode, directions: Int) -> DirectionalSettings {
        DirectionalSettings(mode: mode, directions: Swift.max(1, directions))
    }
}
