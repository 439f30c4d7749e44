import Foundation

/// Checks one strategy at one point against the reference and explains the outcome.
///
/// In order: a reference that failed or is not finite decides the point (error, outside-domain); then the
/// strategy's own failure (unsupported, error, wrong shape, non-finite entries); then a disputed reference
/// (no pass or fail where the reference is in doubt); then the tolerance test. A result outside the
/// tolerance is `inconclusive` rather than `fail` when the strategy flagged a caveat (a stencil across a
/// branch) or when its own error estimate is too large to decide; otherwise it fails.
struct PointComparison {
    let function: any TestFunction
    let tolerance: Tolerance
    /// The most seconds the strategy may take (nil: no limit).
    var timeLimit: Double?
    /// Failing entries within this many times the strategy's error estimate count as undecided. Error
    /// estimates of differences are heuristics that can be off by a few times; a derivative that is
    /// really wrong is off by far more than ten times its estimate.
    static let estimateSafetyFactor: ExtendedReal = 10

    func check<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, at point: [Double],
        reference: Result<ReferenceResult, any Error>, observedRounding: Double = 0, in _: R.Type
    ) -> PointResult {
        var result = PointResult(point: point, verdict: .pass)
        let tolerance = Self.conditioned(self.tolerance, observedRounding: observedRounding)
        let expected: [[ExtendedReal]]
        var valueScale: ExtendedReal = 0
        switch reference {
        case .failure(let error):
            result.verdict = .error
            result.message = "the function itself failed here: \(error)"
            return result
        case .success(let reference):
            result.reference = reference.jacobian.map { $0.map { Double($0) } }
            guard reference.value.allSatisfy(\.isFinite), reference.jacobian.joined().allSatisfy(\.isFinite) else {
                result.verdict = .outsideDomain
                result.message = "the reference is not finite here: the point lies outside the function's domain"
                return result
            }
            expected = reference.jacobian
            valueScale = ErrorMeasures.valueScale(value: reference.value, point: point)
            if let dispute = reference.dispute {
                result.verdict = .disputed
                result.message = dispute
            }
        }

        let input = point.map { R($0) }
        let output: StrategyOutput<R>
        do {
            let function = self.function
            output = try TimeLimit.run(seconds: timeLimit) {
                try strategy.derivative(of: function, at: input, variant: variant)
            }
        } catch let overrun as TimeLimitExceeded {
            return verdict(.error, "\(strategy.id) \(overrun)", on: result)
        } catch StrategyError.unsupported(let reason) {
            return verdict(.unsupported, reason, on: result)
        } catch {
            return verdict(.error, "\(strategy.id) threw: \(error)", on: result)
        }
        let rows = output.jacobian
        let shapeIsRight = rows.count == expected.count && zip(rows, expected).allSatisfy { $0.count == $1.count }
        guard shapeIsRight else {
            let got = "\(rows.count)×\(rows.map(\.count).max() ?? 0)"
            return verdict(.error, "wrong shape: expected \(expected.count)×\(function.inputCount), got \(got)", on: result)
        }
        let candidate = rows.map { $0.map(\.extendedValue) }
        result.derivative = rows.map { $0.map(\.doubleValue) }
        result.errorEstimate = output.errorEstimate?.map { $0.map(\.doubleValue) }
        let errors = ErrorMeasures(candidate: candidate, reference: expected)
        result.errors = errors
        let outside = ErrorMeasures.violations(of: tolerance, candidate: candidate, reference: expected, valueScale: valueScale)
        result.outsideTolerance = outside
        result.floor = Double(ErrorMeasures.floor(of: tolerance, reference: expected, valueScale: valueScale))
        if tolerance.rtol != self.tolerance.rtol { result.rtol = tolerance.rtol }
        if let bad = outside.first(where: { !candidate[$0.row][$0.column].isFinite }) {
            let message = "\(entryName(bad)) is \(format(candidate[bad.row][bad.column])) where the reference is finite "
                + "(\(format(expected[bad.row][bad.column])))"
            return verdict(.error, message, on: result)
        }
        guard result.verdict != .disputed, !outside.isEmpty else { return result }

        let summary = failureSummary(outside, candidate: candidate, expected: expected, errors: errors, tolerance: tolerance)
        if let caveat = output.caveat {
            return verdict(.inconclusive, "\(caveat); \(summary)", on: result)
        }
        if let reason = Self.tooIllConditioned(for: strategy.family, observedRounding: observedRounding, rtol: tolerance.rtol) {
            return verdict(.inconclusive, "\(reason); \(summary)", on: result)
        }
        var estimate = output.errorEstimate
        if estimate == nil, let estimating = strategy as? any ErrorEstimatingStrategy {
            estimate = try? estimating.errorEstimate(of: function, at: input, output: output)
            result.errorEstimate = estimate?.map { $0.map(\.doubleValue) }
        }
        if let estimate, undecided(outside, candidate: candidate, expected: expected, estimate: estimate) {
            let worst = outside.map { estimate[$0.row][$0.column].extendedValue }.max() ?? 0
            return verdict(
                .inconclusive,
                "the method's own error estimate (up to \(format(worst))) is too large to decide; \(summary)", on: result)
        }
        return verdict(.fail, summary, on: result)
    }

    /// An exact method's tolerance widened to 100× the relative rounding error observed in the function's
    /// own value at the point, when that is larger: an ill-conditioned function (sixteen steps of a chaotic
    /// map, say) amplifies the rounding of every exact method alike, and its derivative cannot be more
    /// accurate than its value. Difference tolerances already scale with the function (``Tolerance``).
    static func conditioned(_ tolerance: Tolerance, observedRounding: Double) -> Tolerance {
        guard !tolerance.scalesWithValue, observedRounding.isFinite else { return tolerance }
        var widened = tolerance
        widened.rtol = Swift.max(tolerance.rtol, 100 * observedRounding)
        return widened
    }

    /// Why a difference method cannot reach `rtol` here, when it cannot: the function's own value carries a
    /// relative rounding error ρ at this point, and a difference quotient of order p can at best reach about
    /// ρ^(p/(p+1)) (its round-off ρ·|f|/h balanced against its truncation hᵖ). When ten times that exceeds
    /// the tolerance, a miss is `inconclusive`.
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
        return "the function itself is computed with relative error \(format(rho)) here, so no step brings a "
            + "difference quotient of order \(Int(order)) within rtol \(format(rtol)) (it reaches about \(format(achievable)))"
    }

    private func verdict(_ verdict: Verdict, _ message: String, on result: PointResult) -> PointResult {
        var result = result
        result.verdict = verdict
        result.message = message
        return result
    }

    /// Whether every entry outside the tolerance is within the safety factor times its error estimate,
    /// and that estimate itself exceeds the tolerance (so the method could not have been more precise).
    private func undecided<R: RealNumber>(
        _ outside: [EntryIndex], candidate: [[ExtendedReal]], expected: [[ExtendedReal]], estimate: [[R]]
    ) -> Bool {
        outside.allSatisfy { entry in
            let e = Self.estimateSafetyFactor * estimate[entry.row][entry.column].extendedValue.magnitude
            return e.isFinite && (candidate[entry.row][entry.column] - expected[entry.row][entry.column]).magnitude <= e
        }
    }

    /// "2 of 4 entries outside the tolerance; worst ∂f/∂x1: got …, reference …, abs error …, rel error … (rtol …)".
    private func failureSummary(
        _ outside: [EntryIndex], candidate: [[ExtendedReal]], expected: [[ExtendedReal]], errors: ErrorMeasures,
        tolerance: Tolerance
    ) -> String {
        let entry = errors.worstEntry
        let total = expected.reduce(0) { $0 + $1.count }
        return "\(outside.count) of \(total) entries wrong; worst \(entryName(entry)): "
            + "got \(format(candidate[entry.row][entry.column])), reference \(format(expected[entry.row][entry.column])), "
            + "abs error \(format(errors.maxAbsolute)), rel error \(format(errors.maxRelative)) "
            + "(rtol \(format(tolerance.rtol)), atol \(format(tolerance.atol)))"
    }

    /// `∂f/∂x2` for a scalar function, `∂f[1]/∂r` for output 1 of a vector-valued one.
    func entryName(_ entry: EntryIndex) -> String {
        EntryNaming.name(entry, inputNames: function.inputNames, outputCount: function.outputCount)
    }
}

/// Names of Jacobian entries in messages.
public enum EntryNaming {
    /// `∂f/∂x2` for a scalar function, `∂f[1]/∂r` for output 1 of a vector-valued one.
    public static func name(_ entry: EntryIndex, inputNames: [String], outputCount: Int) -> String {
        let input = inputNames.indices.contains(entry.column) ? inputNames[entry.column] : "x\(entry.column)"
        return outputCount == 1 ? "∂f/∂\(input)" : "∂f[\(entry.row)]/∂\(input)"
    }
}

/// A number in the short form reports use: 6 significant digits, NaN and ±∞ spelled out.
public func format<T: BinaryFloatingPoint>(_ value: T) -> String {
    let x = Double(value)
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return String(format: "%.6g", x)
}
