import GradCheck
import Testing

// The one-line assertions: each runs the pure check of the same name (`check…`), records a test issue at
// the caller's line when the report did not pass (Swift Testing's `Issue.record` inside a `@Test`,
// `XCTFail` inside an `XCTestCase`), and returns the report. Parameters are those of the pure checks;
// leave the source-location parameters at their defaults.

/// Expects a hand-written gradient of a generic scalar function to match exact AD.
/// See `checkGradient(of:gradient:at:rtol:atol:)` for the parameters.
@discardableResult
public func expectGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, directional: directional, directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a hand-written Jacobian of a generic vector function to match exact AD.
@discardableResult
public func expectJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, directional: directional, directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a hand-written gradient of a ``TestFunction`` to match exact AD.
@discardableResult
public func expectGradient(
    of function: any TestFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, directional: directional, directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a hand-written Jacobian of a ``TestFunction`` to match exact AD.
@discardableResult
public func expectJacobian(
    of function: any TestFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, directional: directional, directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects the gradient of a plain closure over `Double` to match extrapolated differences of it.
@discardableResult
public func expectGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects the Jacobian of a plain vector closure over `Double` to match extrapolated differences of it.
@discardableResult
public func expectJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects `strategy` to pass on the corpus (see ``checkStrategy(_:on:points:seed:rtol:atol:)``): by
/// default the standard corpus, the 81 `.grad` functions and the starter corpus
/// (``CheckDefaults/corpus``). `function` names the test in the replay hint; leave it at its default.
@discardableResult
public func expectStrategy(
    _ strategy: any DifferentiationStrategy, on functions: [any TestFunction] = CheckDefaults.corpus,
    points: Int = 3, seed: UInt64 = 1, rtol: Double? = nil, atol: Double? = nil,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
    function: String = #function
) -> GradientCheckReport {
    var report = checkStrategy(strategy, on: functions, points: points, seed: seed, rtol: rtol, atol: atol)
    if Test.current == nil, report.replayHint != nil {
        // An XCTest test: the calling function is the test.
        let culprit = report.points.first { $0.outcome == .failed }.flatMap(\.function)?
            .replacingOccurrences(of: " (mutant)", with: "")
        report.replayHint = StrategyReplay(
            strategyID: strategy.id, functionCount: functions.count, points: points, seed: seed, culprit: culprit,
            testName: function
        ).hint
    }
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
