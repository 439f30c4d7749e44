import GradCheckCore

// `at: [x0]`, `at: [x0, x1]`: points held in variables, passed as a list. Each function here is the check
// of the same name taking `SamplePoints`, called with `.points(points)`: an array literal of numbers
// (`at: [1.5, -0.5]`) is still one point, since a number cannot be a point; a list of arrays is several.

/// Checks a generic scalar function's gradient at each point of `points` against exact AD.
public func checkGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: [[Double]],
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkGradient(of: function, gradient: gradient, at: .points(points), rtol: rtol, atol: atol)
}

/// Checks a generic vector function's Jacobian at each point of `points`.
public func checkJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: [[Double]],
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    checkJacobian(of: function, jacobian: jacobian, at: .points(points), rtol: rtol, atol: atol)
}

/// Checks a closure's gradient at each point of `points`, against the difference reference.
public func checkGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: [[Double]],
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil
) -> GradientCheckReport {
    checkGradient(of: function, gradient: gradient, at: .points(points), rtol: rtol, atol: atol, floor: floor)
}

/// Checks a closure's Jacobian at each point of `points`, against the difference reference.
public func checkJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: [[Double]],
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil
) -> GradientCheckReport {
    checkJacobian(of: function, jacobian: jacobian, at: .points(points), rtol: rtol, atol: atol, floor: floor)
}

/// Expects a generic scalar function's gradient to match exact AD at each point of `points`.
@discardableResult
public func expectGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: [[Double]],
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    expectGradient(
        of: function, gradient: gradient, at: .points(points), rtol: rtol, atol: atol, fileID: fileID,
        filePath: filePath, line: line, column: column)
}

/// Expects a generic vector function's Jacobian to match exact AD at each point of `points`.
@discardableResult
public func expectJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: [[Double]],
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    expectJacobian(
        of: function, jacobian: jacobian, at: .points(points), rtol: rtol, atol: atol, fileID: fileID,
        filePath: filePath, line: line, column: column)
}

/// Expects a closure's gradient to match extrapolated differences of it at each point of `points`.
@discardableResult
public func expectGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: [[Double]],
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    expectGradient(
        of: function, gradient: gradient, at: .points(points), rtol: rtol, atol: atol, floor: floor, fileID: fileID,
        filePath: filePath, line: line, column: column)
}

/// Expects a closure's Jacobian to match extrapolated differences of it at each point of `points`.
@discardableResult
public func expectJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: [[Double]],
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    expectJacobian(
        of: function, jacobian: jacobian, at: .points(points), rtol: rtol, atol: atol, floor: floor, fileID: fileID,
        filePath: filePath, line: line, column: column)
}
