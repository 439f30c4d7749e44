import GradCheck

// The closure checks with the difference reference's columns computed on several threads: for a closure
// that may be called concurrently (`@Sendable`) and many inputs, where the reference's cost — about
// 2·16 evaluations per input — dominates. The report is the same as without `columnJobs`, bit for bit:
// each column is computed from f(x) and the closure alone. Below
// `DifferenceReference.minimumParallelInputs` (32) inputs the columns are computed one after the other.

/// ``checkGradient(of:gradient:at:rtol:atol:)`` with the reference's columns computed on up to
/// `columnJobs` threads at once.
///
/// - Parameters:
///   - function: f: ℝⁿ → ℝ, called from several threads at once.
///   - columnJobs: the most threads; `ParallelWork.availableProcessors` uses every active processor.
public func checkGradient(
    of function: @escaping @Sendable ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double],
    at points: SamplePoints, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    columnJobs: Int
) -> GradientCheckReport {
    DifferenceReferenceCheck(subject: "gradient", vectorValued: false, tolerance: differenceTolerance(rtol, atol))
        .run({ [try function($0)] }, derivative: { [try gradient($0)] }, at: points, columnJobs: columnJobs)
}

/// ``checkJacobian(of:jacobian:at:rtol:atol:)`` with the reference's columns computed on up to
/// `columnJobs` threads at once; `function` is called from several threads at once.
public func checkJacobian(
    of function: @escaping @Sendable ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]],
    at points: SamplePoints, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    columnJobs: Int
) -> GradientCheckReport {
    DifferenceReferenceCheck(subject: "Jacobian", vectorValued: true, tolerance: differenceTolerance(rtol, atol))
        .run(function, derivative: jacobian, at: points, columnJobs: columnJobs)
}

/// Expects the gradient of a `@Sendable` closure over `Double` to match extrapolated differences of it,
/// computed on up to `columnJobs` threads (see ``checkGradient(of:gradient:at:rtol:atol:columnJobs:)``).
@discardableResult
public func expectGradient(
    of function: @escaping @Sendable ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double],
    at points: SamplePoints, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    columnJobs: Int,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol, columnJobs: columnJobs)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects the Jacobian of a `@Sendable` vector closure over `Double` to match extrapolated differences
/// of it, computed on up to `columnJobs` threads.
@discardableResult
public func expectJacobian(
    of function: @escaping @Sendable ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]],
    at points: SamplePoints, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    columnJobs: Int,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol, columnJobs: columnJobs)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
