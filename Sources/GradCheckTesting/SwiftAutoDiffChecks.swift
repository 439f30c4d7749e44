#if canImport(_Differentiation)
import _Differentiation
import GradCheck

// Checks of Swift's own AD: the gradient `_Differentiation` computes for a `@differentiable(reverse)`
// function — and therefore every custom `@derivative(of:)` the function reaches — against a reference
// that shares nothing with Swift's AD. Compiled only where the toolchain has `_Differentiation`.

/// Checks Swift AD's gradient of `function` against extrapolated differences of the same function.
///
/// - Parameters:
///   - function: a `@differentiable(reverse)` function of an array (custom derivatives included).
///   - points: one point as an array literal (`at: [1, 2]`), or several (``SamplePoints``).
///   - rtol: relative tolerance per entry on top of the reference's estimate (default 1e-8).
///   - atol: absolute tolerance per entry.
public func checkSwiftGradient(
    of function: @differentiable(reverse) ([Double]) -> Double, at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    closureCheck("Swift AD gradient", vectorValued: false, precision: .double, rtol: rtol, atol: atol, floor: nil)
        .run({ [function($0)] }, derivative: { [try SwiftAutoDiff.gradient(of: function, at: $0)] }, at: points)
}

/// Checks Swift AD's gradient of `function` against exact extended-precision AD of `reference`, the same
/// mathematics written generically: the tight check, for functions you also have in generic form.
public func checkSwiftGradient(
    of function: @differentiable(reverse) ([Double]) -> Double, reference: some GenericScalarFunction,
    at points: SamplePoints, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    var report = checkGradient(
        of: reference, gradient: { try SwiftAutoDiff.gradient(of: function, at: $0) }, at: points, rtol: rtol, atol: atol)
    report.subject = "Swift AD gradient"
    return report
}

/// Checks Swift AD's Jacobian (one pullback per output) of a vector function against extrapolated
/// differences of the same function.
public func checkSwiftJacobian(
    of function: @differentiable(reverse) ([Double]) -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    closureCheck("Swift AD Jacobian", vectorValued: true, precision: .double, rtol: rtol, atol: atol, floor: nil)
        .run({ function($0) }, derivative: { try SwiftAutoDiff.jacobian(of: function, at: $0) }, at: points)
}

/// Expects Swift AD's gradient of `function` to match extrapolated differences of it.
@discardableResult
public func expectSwiftGradient(
    of function: @differentiable(reverse) ([Double]) -> Double, at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkSwiftGradient(of: function, at: points, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects Swift AD's gradient of `function` to match exact AD of its generic form `reference`.
@discardableResult
public func expectSwiftGradient(
    of function: @differentiable(reverse) ([Double]) -> Double, reference: some GenericScalarFunction,
    at points: SamplePoints, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkSwiftGradient(of: function, reference: reference, at: points, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects Swift AD's Jacobian of a vector function to match extrapolated differences of it.
@discardableResult
public func expectSwiftJacobian(
    of function: @differentiable(reverse) ([Double]) -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkSwiftJacobian(of: function, at: points, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
#endif
