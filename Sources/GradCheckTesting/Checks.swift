import GradCheck

// The pure checks: each returns a report and records nothing. Use them to inspect a result, to assert on
// it with any framework, or outside tests; the `expect…` functions (Expectations.swift) record a test
// issue from the same report.

// MARK: Generic functions: the exact reference

/// Checks a hand-written gradient of a generic scalar function against exact extended-precision AD.
///
/// - Parameters:
///   - function: the function, written over any ``DifferentiableScalar``.
///   - gradient: the gradient under test, one partial per input.
///   - points: one point as an array literal (`at: [1, 2]`), or several (``SamplePoints``).
///   - rtol: relative tolerance per entry (default 2.2e-11: the reference is exact up to rounding).
///   - atol: absolute tolerance per entry.
public func checkGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    let inputs = points.resolved.first?.coordinates.count ?? 0
    return ExactReferenceCheck(
        subject: "gradient", function: ScalarFunctionAdapter(function: function, inputCount: inputs), vectorValued: false,
        tolerance: exactTolerance(rtol, atol)
    ).run({ [try gradient($0)] }, at: points)
}

/// Checks a hand-written Jacobian (rows: outputs, columns: inputs) of a generic vector function against
/// exact extended-precision AD.
public func checkJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    let first = points.resolved.first?.coordinates ?? []
    let outputs = (try? function(first).count) ?? 0
    return ExactReferenceCheck(
        subject: "Jacobian",
        function: VectorFunctionAdapter(function: function, inputCount: first.count, outputCount: outputs),
        vectorValued: true, tolerance: exactTolerance(rtol, atol)
    ).run(jacobian, at: points)
}

/// Checks a hand-written gradient of a ``TestFunction`` (a corpus function, or your own) against exact
/// extended-precision AD. Entries are named by the function's input names.
public func checkGradient(
    of function: any TestFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    ExactReferenceCheck(
        subject: "gradient of \(function.id)", function: function, vectorValued: false,
        tolerance: exactTolerance(rtol, atol))
        .run({ [try gradient($0)] }, at: points)
}

/// Checks a hand-written Jacobian of a ``TestFunction`` against exact extended-precision AD.
public func checkJacobian(
    of function: any TestFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0
) -> GradientCheckReport {
    ExactReferenceCheck(
        subject: "Jacobian of \(function.id)", function: function, vectorValued: true,
        tolerance: exactTolerance(rtol, atol))
        .run(jacobian, at: points)
}

// MARK: Closures over Double: the difference reference

/// Checks the gradient of a plain closure over `Double` against adaptive extrapolated differences of the
/// closure, whose own error estimate (including the closure's measured noise) is added to the tolerance
/// (see ``CheckDefaults``). At a kink the point is undecided ("not differentiable here"), never failed.
///
/// - Parameters:
///   - function: f: ℝⁿ → ℝ.
///   - gradient: the gradient under test.
///   - points: one point as an array literal (`at: [1, 2]`), or several (``SamplePoints``).
///   - rtol: relative tolerance per entry on top of the reference's estimate (default 1e-8).
///   - atol: absolute tolerance per entry.
///   - floor: the relative floor φ as a fraction of the largest reference entry (default 1: every entry is
///     held to the size of the largest); `floor: 0` holds each entry to its own size, so a wrong 2e-8 entry
///     beside a 1e8 entry fails (or is undecided where the closure's noise hides it), as `@tolerance(floor:)`.
public func checkGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil
) -> GradientCheckReport {
    closureCheck("gradient", vectorValued: false, precision: .double, rtol: rtol, atol: atol, floor: floor)
        .run({ [try function($0)] }, derivative: { [try gradient($0)] }, at: points)
}

/// Checks the Jacobian (rows: outputs, columns: inputs) of a plain vector closure over `Double` against
/// adaptive extrapolated differences of the closure. Parameters as for the gradient.
public func checkJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil
) -> GradientCheckReport {
    closureCheck("Jacobian", vectorValued: true, precision: .double, rtol: rtol, atol: atol, floor: floor)
        .run(function, derivative: jacobian, at: points)
}

/// The check of a closure computing in `precision`.
func closureCheck(
    _ subject: String, vectorValued: Bool, precision: WorkingPrecision, rtol: Double, atol: Double, floor: Double?,
    decisionLimit: Double = CheckDefaults.decisionLimit
) -> DifferenceReferenceCheck {
    DifferenceReferenceCheck(
        subject: subject, vectorValued: vectorValued,
        tolerance: Tolerance(rtol: rtol, atol: atol, floorFraction: floor ?? CheckDefaults.differenceFloorFraction),
        reference: DifferenceReference(precision: precision), decisionLimit: decisionLimit)
}

/// A tolerance against the exact reference (floor 10⁻³ of the largest entry).
func exactTolerance(_ rtol: Double, _ atol: Double) -> Tolerance {
    Tolerance(rtol: rtol, atol: atol, floorFraction: CheckDefaults.exactFloorFraction)
}
