import GradCheckCore
import Foundation

/// Checks one strategy at one point against the reference and explains the outcome.
///
/// In order: a reference that failed or whose value is not finite decides the point (error,
/// outside-domain); then the strategy's own failure (unsupported, error, wrong shape, non-finite entries
/// where the reference is finite); then every entry is judged once by ``EntryJudge`` into the point's
/// ``EntryJudgement`` records; then a disputed reference (no pass or fail where the reference is in
/// doubt). With the records:
/// - an entry outside its bound fails the point, unless the strategy flagged a caveat (a stencil across a
///   branch), its own error estimate is too large to decide, or f's value is computed too roughly for a
///   difference quotient to reach the tolerance: then the point is `inconclusive`;
/// - with every judged entry inside, the point passes only when each entry's bound certifies at least
///   ``EntryJudge/requiredDigits(rtol:)`` correct digits; where the derivative's measured sensitivity to rounding
///   makes that impossible, it is `inconclusive` with the reason;
/// - entries whose reference is not finite are undecided: the others are still judged, and a point with
///   undecided entries and no failure is `inconclusive`.
struct PointComparison {
    let function: any TestFunction
    let tolerance: Tolerance
    /// How long the strategy may take.
    var deadline = PhaseDeadline(cellTimeout: nil, runSeconds: nil)
    /// Failing entries within this many times the strategy's error estimate count as undecided. Error
    /// estimates of differences are heuristics that can be off by a few times; a derivative that is
    /// really wrong is off by far more than ten times its estimate.
    static let estimateSafetyFactor: ExtendedReal = 10
    /// A method whose own error estimate exceeds an entry's bound this many times over cannot decide it at
    /// all (a stencil far wider than the function's features): a miss there is `inconclusive`.
    static let hopelessEstimateFactor: ExtendedReal = 100

    func check<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, at point: [Double],
        reference: Result<ReferenceResult, any Error>, observedRounding: Double = 0, in _: R.Type
    ) -> PointResult {
        var result = PointResult(point: point, verdict: .pass)
        let exact: ReferenceResult
        switch reference {
        case .failure(let error):
            result.verdict = .error
            // An overrun is the reference's, not a failure of the function.
            result.message = error is TimeLimitExceeded ? "\(error)" : "the reference could not evaluate the function here: \(error)"
            return result
        case .success(let reference):
            exact = reference
            result.reference = reference.jacobian.map { $0.map { Double($0) } }
            guard reference.value.allSatisfy(\.isFinite), reference.jacobian.joined().contains(where: \.isFinite) else {
                result.verdict = .outsideDomain
                result.message = "the reference is not finite here: the point lies outside the function's domain"
                return result
            }
            if let dispute = reference.dispute {
                result.verdict = .disputed
                result.message = dispute
            }
        }
        let expected = exact.jacobian

        let output: StrategyOutput<R>
        switch StrategyInvocation.derivative(
            strategy, variant: variant, of: function, at: point, deadline: deadline, in: R.self)
        {
        case .success(let derivative): output = derivative
        case .failure(let failure): return verdict(failure.verdict, failure.message, on: result)
        }
        let input = point.map { R($0) }
        let rows = output.jacobian
        let shapeIsRight = rows.count == expected.count && zip(rows, expected).allSatisfy { $0.count == $1.count }
        guard shapeIsRight else {
            let got = "\(rows.count)×\(rows.map(\.count).max() ?? 0)"
            return verdict(.error, "wrong shape: expected \(expected.count)×\(function.inputCount), got \(got)", on: result)
        }
        let candidate = rows.map { $0.map(\.extendedValue) }
        result.derivative = rows.map { $0.map(\.doubleValue) }
        result.errorEstimate = output.errorEstimate?.map { $0.map(\.doubleValue) }
        let judge = EntryJudge(
            tolerance: tolerance, magnitudes: exact.magnitudes, sensitivity: exact.sensitivity,
            valueScale: ErrorMeasures.valueScale(value: exact.value, point: point),
            leastNormal: R.leastNormalMagnitude.extendedValue)
        var entries = judge.judge(
            candidate: candidate, reference: expected, estimates: output.errorEstimate?.map { $0.map(\.extendedValue) })
        result.entries = entries
        result.errors = ErrorMeasures(judgements: entries)
        let outside = entries.filter { $0.outcome == .outside }
        if let bad = outside.first(where: { !$0.value.isFinite }) {
            let workingValue = try? function.evaluate(input)
            if let reason = WorkingRangeExcuse.reason(
                row: bad.row, column: bad.column, point: point, reference: expected, value: exact.value,
                workingValue: workingValue, in: R.self)
            {
                return verdict(.inconclusive, "\(entryName(bad)) is \(NumberText.short(bad.value)) here: \(reason)", on: result)
            }
            if let reason = WorkingRangeExcuse.widerPrecisionAgreement(
                strategy, variant: variant, function: function, at: point, entry: bad, reference: expected,
                timeLimit: deadline.limit().seconds, in: R.self)
            {
                return verdict(.inconclusive, "\(entryName(bad)) is \(NumberText.short(bad.value)) in \(R.precisionName) here: \(reason)", on: result)
            }
            let message = "\(entryName(bad)) is \(NumberText.short(bad.value)) where the reference is finite (\(referenceText(bad, in: expected)))"
            // A hand-written derivative that is not finite where f and its derivative are is a wrong derivative
            // (a failure, and a caught mutant); any other strategy that does so has malfunctioned (an error).
            return verdict(strategy.family == .handCoded ? .fail : .error, message, on: result)
        }
        guard result.verdict != .disputed else { return result }

        guard !outside.isEmpty else { return undecidedOrPass(entries, result, R.self) }

        let summary = failureSummary(outside, total: entries.count)
        if let caveat = output.caveat {
            return verdict(.inconclusive, "\(caveat); \(summary)", on: result)
        }
        if let reason = Self.tooIllConditioned(for: strategy.family, observedRounding: observedRounding, rtol: tolerance.rtol) {
            return verdict(.inconclusive, "\(reason); \(summary)", on: result)
        }
        var estimate = output.errorEstimate?.map { $0.map(\.extendedValue) }
        if estimate == nil, let estimating = strategy as? any ErrorEstimatingStrategy {
            estimate = (try? estimating.errorEstimate(of: function, at: input, output: output))?.map { $0.map(\.extendedValue) }
            if let estimate {
                result.errorEstimate = estimate.map { $0.map { Double($0) } }
                for k in entries.indices { entries[k].estimate = Double(estimate[entries[k].row][entries[k].column]) }
                result.entries = entries
            }
        }
        if let estimate, let reason = undecided(outside, estimate: estimate) {
            return verdict(.inconclusive, "\(reason); \(summary)", on: result)
        }
        return verdict(.fail, summary, on: result)
    }

    /// With no entry outside its bound: `inconclusive` when an entry is undecided or a bound certifies too
    /// few digits, else the result as it stands (a pass).
    private func undecidedOrPass<R: RealNumber>(_ entries: [EntryJudgement], _ result: PointResult, _: R.Type) -> PointResult {
        let undecided = entries.filter { $0.outcome == .undecided }
        if let first = undecided.first {
            let judged = entries.count - undecided.count
            let cause = first.reference.isFinite
                ? "\(entryName(first)) is \(NumberText.short(first.value)) beside an infinite partial in the same row (∞·0 in the strategy's arithmetic)"
                : "the reference is not finite for \(entryName(first)) (\(NumberText.short(first.reference)))"
            return verdict(
                .inconclusive,
                "\(undecided.count) of \(entries.count) entries cannot be checked here: \(cause); the other \(judged) "
                    + "\(judged == 1 ? "is" : "are") within the tolerance", on: result)
        }
        let required = EntryJudge.requiredDigits(rtol: tolerance.rtol)
        if let weak = entries.filter({ $0.certifiedDigits < required }).min(by: { $0.certifiedDigits < $1.certifiedDigits }) {
            let moved = weak.basis.widening / Double(EntryJudge.sensitivityFactor)
            let cause: String
            if weak.basis.widening >= weak.basis.rtol * weak.basis.scale {
                cause = "f is ill-conditioned here: rounding in \(R.precisionName) alone moves \(entryName(weak)) by about \(NumberText.short(moved))"
            } else if weak.basis.floorSource == .cancellation {
                cause = "\(entryName(weak)) is what remains after terms of about \(NumberText.short(weak.basis.floor / tolerance.floorFraction)) "
                    + "cancel, which no method in \(R.precisionName) resolves to better than the allowed error"
            } else {
                cause = "the tolerance is wide for \(entryName(weak)) here"
            }
            return verdict(
                .inconclusive,
                "\(cause) (reference \(NumberText.short(weak.reference))), so the allowed error \(NumberText.short(weak.bound)) certifies only "
                    + "\(formatDigits(weak.certifiedDigits)) correct digits of it where a pass needs \(formatDigits(required))",
                on: result)
        }
        return result
    }

    /// Why a difference method cannot reach `rtol` here, when it cannot: the function's own value carries a
    /// relative rounding error ρ at this point, and a difference quotient of order p can at best reach about
    /// ρ^(p/(p+1)) (its round-off ρ·|f|/h balanced against its truncation hᵖ). When ten times that exceeds
    /// the tolerance, a miss is `inconclusive`. Exact methods are never excused by f's rounding: it says
    /// nothing about their derivative.
    static func tooIllConditioned(for family: StrategyFamily, observedRounding rho: Double, rtol: Double) -> String? {
        let order: Double
        switch family {
        case .firstOrderDifference: order = 1
        case .higherOrderDifference: order = 2
        default: return nil
        }
        guard rho > 0, rho.isFinite else { return nil }
        let achievable = Double.pow(rho, order / (order + 1))
        guard 10 * achievable > rtol else { return nil }
        return "the function itself is computed with relative error \(NumberText.short(rho)) here, so no step brings a "
            + "difference quotient of order \(Int(order)) within rtol \(NumberText.short(rtol)) (it reaches about \(NumberText.short(achievable)))"
    }

    private func verdict(_ verdict: Verdict, _ message: String, on result: PointResult) -> PointResult {
        var result = result
        result.verdict = verdict
        result.message = message
        return result
    }

    /// Why the method's own error estimate leaves the outside entries undecided, or nil when it does not:
    /// every outside entry is within the safety factor times its estimate, and the estimate itself exceeds
    /// the bound (the method could not have been more precise); or every outside entry's estimate exceeds
    /// its bound by ``hopelessEstimateFactor`` (the method cannot resolve the function at its step).
    private func undecided(_ outside: [EntryJudgement], estimate: [[ExtendedReal]]) -> String? {
        let estimates = outside.map { estimate[$0.row][$0.column].magnitude }
        guard estimates.allSatisfy(\.isFinite), let worst = estimates.max() else { return nil }
        let explained = zip(outside, estimates).allSatisfy { entry, e in ExtendedReal(entry.error) <= Self.estimateSafetyFactor * e }
        if explained {
            return "the method's own error estimate (up to \(NumberText.short(worst))) is too large to decide"
        }
        let hopeless = zip(outside, estimates).allSatisfy { entry, e in e >= Self.hopelessEstimateFactor * ExtendedReal(entry.bound) }
        if hopeless {
            return "the method's own error estimate (up to \(NumberText.short(worst))) exceeds the allowed error by more than "
                + "\(Int(Self.hopelessEstimateFactor))×: its step cannot resolve the function here"
        }
        return nil
    }

    /// "2 of 4 entries outside the tolerance; worst ∂f/∂x1: got …, reference …, error …, allowed … (error/allowed …)".
    private func failureSummary(_ outside: [EntryJudgement], total: Int) -> String {
        let worst = outside.max { $0.severity < $1.severity }!
        let (got, want) = EntryFormatting.distinct(worst.value, worst.reference)
        return "\(outside.count) of \(total) entries outside the tolerance; worst \(entryName(worst)): "
            + "got \(got), reference \(want), error \(NumberText.short(worst.error)), allowed \(NumberText.short(worst.bound)) "
            + "(error/allowed \(NumberText.short(worst.ratio)))"
    }

    func entryName(_ entry: EntryJudgement) -> String {
        EntryNaming.name(
            EntryIndex(row: entry.row, column: entry.column), inputNames: function.inputNames,
            outputCount: function.outputCount)
    }

    /// The reference entry of `entry` in full precision, marked when `Double` (the precision reports keep)
    /// cannot hold it: "1.2e+4000 (beyond Double's range)", never the "inf" it rounds to.
    func referenceText(_ entry: EntryJudgement, in reference: [[ExtendedReal]]) -> String {
        let exact = reference[entry.row][entry.column]
        return NumberText.short(exact) + (BeyondDoubleNotation.applies(to: exact) ? " (beyond Double's range)" : "")
    }

    private func formatDigits(_ digits: Double) -> String { String(format: "%.1f", digits) }
}

/// Names of Jacobian entries in messages.
public enum EntryNaming {
    /// `∂f/∂x2` for a scalar function, `∂f[1]/∂r` for output 1 of a vector-valued one.
    public static func name(_ entry: EntryIndex, inputNames: [String], outputCount: Int) -> String {
        let input = inputNames.indices.contains(entry.column) ? inputNames[entry.column] : "x\(entry.column)"
        return outputCount == 1 ? "∂f/∂\(input)" : "∂f[\(entry.row)]/∂\(input)"
    }
}

/// Numbers shown side by side.
public enum EntryFormatting {
    /// `value` and `reference` in the short form, with more significant digits (up to 17) when the short
    /// forms of two different numbers would read the same ("got -38, reference -38").
    public static func distinct(_ value: Double, _ reference: Double) -> (String, String) {
        guard value.isFinite, reference.isFinite, value != reference else { return (NumberText.short(value), NumberText.short(reference)) }
        for digits in [6, 9, 12, 17] {
            let (a, b) = (String(format: "%.\(digits)g", value), String(format: "%.\(digits)g", reference))
            if a != b { return (a, b) }
        }
        return (NumberText.short(value), NumberText.short(reference))
    }
}
