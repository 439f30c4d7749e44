import GradCheckCore
import GradCheckEngine

// Is the generic copy the code that ships? A generic function (`GenericScalarFunction`) gets the exact
// reference, but production code is usually a plain closure over `Double`; a check of the generic copy's
// gradient certifies the closure's gradient only where the two compute the same function. These checks
// compare them at the sample points.

/// Checks that `copy`, a generic copy of a production closure, computes the closure's value at every
/// point, up to the rounding a reordering of the same formula can cause.
///
/// At each point x: c = `closure`(x) in `Double`, g = `copy`(x) in `Double` and e = `copy`(x) in extended
/// precision (`ExtendedReal`), which stands for the exact value. |g − e| is the rounding error the formula
/// itself incurs in `Double` at x; the closure may order the same operations differently, so its value is
/// allowed
///
///     |c − e| ≤ rtol·|e| + amplification·|g − e|
///
/// — the default rtol (64ε ≈ 1.4e-14) covers a few roundings of the result, the default amplification (16)
/// a different summation order of an ill-conditioned sum. A copy that drops a term, a factor or a branch
/// differs by far more and fails, naming the point. Non-finite values agree only when both are the same
/// infinity or both NaN.
///
/// - Parameters:
///   - copy: the generic copy, checked with the exact reference by `checkGradient(of:gradient:at:)`.
///   - closure: the production function.
///   - points: where to compare (the same points as the gradient check, typically).
///   - rtol: relative tolerance per value.
///   - amplification: how many times the copy's own rounding error the closure may differ by.
public func checkGenericCopy(
    _ copy: some GenericScalarFunction, matches closure: ([Double]) throws -> Double, at points: SamplePoints,
    rtol: Double = 64 * Double.ulpOfOne, amplification: Double = 16
) -> GradientCheckReport {
    var checked: [PointCheck] = []
    for point in points.resolved {
        let x = point.coordinates
        do {
            let c = try closure(x)
            let g = try copy(x)
            let e = try copy(x.map { ExtendedReal($0) })
            let exact = Double(e)
            let ownError = g.isFinite && e.isFinite ? Double((ExtendedReal(g) - e).magnitude) : 0
            let allowed = rtol * exact.magnitude + amplification * ownError
            let error = c.isFinite && exact.isFinite ? Double((ExtendedReal(c) - e).magnitude) : .nan
            let agrees = error.isNaN ? (c.isNaN && exact.isNaN) || (c == exact) : error <= allowed
            let entry = EntryCheck(
                row: 0, column: 0, name: "f(x)", value: c, reference: exact, absoluteError: error,
                relativeError: exact != 0 ? error / exact.magnitude : error, allowed: allowed, referenceEstimate: nil,
                outcome: agrees ? .passed : .failed)
            checked.append(PointCheck(point: point, outcome: entry.outcome, entries: [entry]))
        } catch {
            checked.append(PointCheck(point: point, outcome: .failed, message: "threw \(error)"))
        }
    }
    let outcome: CheckOutcome =
        checked.isEmpty || checked.contains { $0.outcome == .failed } ? .failed
        : checked.contains { $0.outcome == .undecided } ? .undecided : .passed
    return GradientCheckReport(
        subject: "generic copy of the closure",
        reference: "the generic copy evaluated in \(ExtendedReal.precisionName) (value, not derivative)",
        tolerance: Tolerance(rtol: rtol, atol: 0), estimateFactor: 0, points: checked, outcome: outcome)
}

/// Expects `copy` to compute what `closure` computes at every point (see
/// ``checkGenericCopy(_:matches:at:rtol:amplification:)``), recording a test issue where it does not.
@discardableResult
public func expectGenericCopy(
    _ copy: some GenericScalarFunction, matches closure: ([Double]) throws -> Double, at points: SamplePoints,
    rtol: Double = 64 * Double.ulpOfOne, amplification: Double = 16,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGenericCopy(copy, matches: closure, at: points, rtol: rtol, amplification: amplification)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
