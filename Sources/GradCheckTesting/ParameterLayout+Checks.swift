import GradCheck

// The gradient and Jacobian checks with a parameter layout: the same checks, with entries named by the
// layout's blocks (`∂f/∂W1[2,3]`) and the "only W2 is wrong" hint. A layout that does not cover the
// point exactly fails the check at that point, saying why, before anything is compared.

extension GradientCheckReport {
    /// The report with every input named by `layout`: `∂f/∂x[11]` becomes `∂f/∂W1[2,3]`. A point whose
    /// number of coordinates differs from the layout's ``ParameterLayout/count`` fails with the layout's
    /// ``ParameterLayout/mismatch(inputCount:)`` message instead of its comparisons.
    public func named(by layout: ParameterLayout) -> GradientCheckReport {
        var report = self
        report.layout = layout
        report.points = points.map { point in
            var point = point
            if let mismatch = layout.mismatch(inputCount: point.point.coordinates.count) {
                return PointCheck(point: point.point, function: point.function, outcome: .failed, message: mismatch)
            }
            point.entries = point.entries.map { entry in
                var entry = entry
                let generic = "x[\(entry.column)]"
                if entry.name.hasSuffix(generic) {
                    entry.name = String(entry.name.dropLast(generic.count)) + layout.name(of: entry.column)
                }
                return entry
            }
            if let message = point.message { point.message = renamed(message, by: layout) }
            return point
        }
        return report.withCombinedOutcome()
    }

    /// `message` with every `∂x[j]` inside it named by `layout`.
    private func renamed(_ message: String, by layout: ParameterLayout) -> String {
        var result = message
        for j in (0..<layout.count).reversed() where result.contains("∂x[\(j)]") {
            result = result.replacingOccurrences(of: "∂x[\(j)]", with: "∂" + layout.name(of: j))
        }
        return result
    }
}

/// ``checkGradient(of:gradient:at:rtol:atol:)`` for a closure, with entries named by `layout`.
public func checkGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol).named(by: layout)
}

/// ``checkJacobian(of:jacobian:at:rtol:atol:)`` for a closure, with inputs named by `layout`.
public func checkJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol).named(by: layout)
}

/// The gradient check of a generic function against exact AD, with entries named by `layout`.
public func checkGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkGradient(of: function, gradient: gradient, at: points, rtol: rtol, atol: atol).named(by: layout)
}

/// The Jacobian check of a generic function against exact AD, with inputs named by `layout`.
public func checkJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkJacobian(of: function, jacobian: jacobian, at: points, rtol: rtol, atol: atol).named(by: layout)
}

/// Expects a closure's gradient to match, with entries named by `layout`.
@discardableResult
public func expectGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a closure's Jacobian to match, with inputs named by `layout`.
@discardableResult
public func expectJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a generic function's gradient to match exact AD, with entries named by `layout`.
@discardableResult
public func expectGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkGradient(of: function, gradient: gradient, at: points, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a generic function's Jacobian to match exact AD, with inputs named by `layout`.
@discardableResult
public func expectJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    layout: ParameterLayout, rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkJacobian(of: function, jacobian: jacobian, at: points, layout: layout, rtol: rtol, atol: atol)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}
