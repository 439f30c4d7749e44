#if canImport(_Differentiation)
import _Differentiation
import GradCheck

// Swift's AD seen as a VJP: the pullback `valueWithPullback(at:of:)` returns — and so every custom
// `@derivative(of:)` the function reaches — checked along seeded random cotangents (and the unit basis
// if asked) against extrapolated differences of the same function, entry by entry of wᵀJ. Swift's
// forward mode (`valueWithDifferential`) needs the compiler's experimental forward-mode flag, so only the
// pullback is checked here; `checkSwiftJacobian` checks the whole Jacobian through the basis.

/// Checks the pullback Swift's AD gives a vector function f: ℝⁿ → ℝᵐ: `vjp(x, w) = wᵀJ` from
/// `valueWithPullback(at: x, of: function)`, against differences of f (see
/// ``checkDerivatives(of:jvp:vjp:at:directions:layout:rtol:atol:dotProductUlps:)``).
public func checkSwiftPullback(
    of function: @escaping @differentiable(reverse) ([Double]) -> [Double], at points: SamplePoints,
    directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    var report = checkDerivatives(
        of: { function($0) },
        vjp: { x, w in
            let (_, pullback) = valueWithPullback(at: x, of: function)
            return denseTangent(pullback(Array<Double>.DifferentiableView(w)).base, count: x.count)
        },
        at: points, directions: directions, layout: layout, rtol: rtol, atol: atol)
    report.subject = "Swift AD pullback"
    return report
}

/// Checks the pullback Swift's AD gives a scalar function: `vjp(x, w) = w·∇f`.
public func checkSwiftPullback(
    of function: @escaping @differentiable(reverse) ([Double]) -> Double, at points: SamplePoints,
    directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    var report = checkDerivatives(
        of: { function($0) },
        vjp: { x, w in
            let (_, pullback) = valueWithPullback(at: x, of: function)
            return denseTangent(pullback(w).base, count: x.count)
        },
        at: points, directions: directions, layout: layout, rtol: rtol, atol: atol)
    report.subject = "Swift AD pullback"
    return report
}

/// Expects the pullback Swift's AD gives a vector function to match differences of it.
@discardableResult
public func expectSwiftPullback(
    of function: @escaping @differentiable(reverse) ([Double]) -> [Double], at points: SamplePoints,
    directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkSwiftPullback(of: function, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects the pullback Swift's AD gives a scalar function to match differences of it.
@discardableResult
public func expectSwiftPullback(
    of function: @escaping @differentiable(reverse) ([Double]) -> Double, at points: SamplePoints,
    directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkSwiftPullback(of: function, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
/// A pullback's result as n entries: Swift's zero tangent of `[Double]` is the empty array (a function
/// that does not depend on its input); any other wrong length is returned as it is, and the check fails
/// it for its length.
func denseTangent(_ tangent: [Double], count: Int) -> [Double] {
    tangent.isEmpty ? [Double](repeating: 0, count: count) : tangent
}
#endif
