import GradCheck

// The one-line assertions for code in another floating-point type than `Double` (see
// FloatingPointChecks.swift for the checks and their parameters).

/// Expects the gradient of a plain closure over `[F]` to match extrapolated differences of it.
@discardableResult
public func expectGradient<F: BinaryFloatingPoint>(
    of function: ([F]) throws -> F, gradient: ([F]) throws -> [F], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance(for: F.self), atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects the Jacobian of a plain vector closure over `[F]` to match extrapolated differences of it.
@discardableResult
public func expectJacobian<F: BinaryFloatingPoint>(
    of function: ([F]) throws -> [F], jacobian: ([F]) throws -> [[F]], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance(for: F.self), atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a gradient computed in F of a generic scalar function to match exact AD.
@discardableResult
public func expectGradient<F: BinaryFloatingPoint & RealNumber>(
    of function: some GenericScalarFunction, gradient: ([F]) throws -> [F], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactTolerance(for: F.self).rtol, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a Jacobian computed in F of a generic vector function to match exact AD.
@discardableResult
public func expectJacobian<F: BinaryFloatingPoint & RealNumber>(
    of function: some GenericVectorFunction, jacobian: ([F]) throws -> [[F]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactTolerance(for: F.self).rtol, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
