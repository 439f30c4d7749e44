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
///   - directional: `.auto` (the default) checks along random directions above
///     ``CheckDefaults/directionalThreshold`` inputs and entry by entry below; `.always`; `.never`.
///   - directions: k, the seeded random directions of a directional check (escape probability ≤ 2⁻ᵏ for
///     an entry wrong beyond the directional allowance; see ``DirectionalComparison``).
public func checkGradient(
    of function: some GenericScalarFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    let inputs = points.resolved.first?.coordinates.count ?? 0
    return exactCheck(
        subject: "gradient", function: ScalarFunctionAdapter(function: function, inputCount: inputs), vectorValued: false,
        tolerance: exactTolerance(rtol, atol), directional: directional, directions: directions, points: points
    ) { [try gradient($0)] }
}

/// Checks a hand-written Jacobian (rows: outputs, columns: inputs) of a generic vector function against
/// exact extended-precision AD.
public func checkJacobian(
    of function: some GenericVectorFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    let first = points.resolved.first?.coordinates ?? []
    let outputs = (try? function(first).count) ?? 0
    return exactCheck(
        subject: "Jacobian",
        function: VectorFunctionAdapter(function: function, inputCount: first.count, outputCount: outputs),
        vectorValued: true, tolerance: exactTolerance(rtol, atol), directional: directional, directions: directions,
        points: points, derivative: jacobian)
}

/// Checks a hand-written gradient of a ``TestFunction`` (a corpus function, or your own) against exact
/// extended-precision AD. Entries are named by the function's input names.
public func checkGradient(
    of function: any TestFunction, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    exactCheck(
        subject: "gradient of \(function.id)", function: function, vectorValued: false, tolerance: exactTolerance(rtol, atol),
        directional: directional, directions: directions, points: points
    ) { [try gradient($0)] }
}

/// Checks a hand-written Jacobian of a ``TestFunction`` against exact extended-precision AD.
public func checkJacobian(
    of function: any TestFunction, jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    exactCheck(
        subject: "Jacobian of \(function.id)", function: function, vectorValued: true, tolerance: exactTolerance(rtol, atol),
        directional: directional, directions: directions, points: points, derivative: jacobian)
}

/// The check against the exact reference: along directions (``DirectionalReferenceCheck``) when
/// `directional` says so for this many inputs, else entry by entry (``ExactReferenceCheck``).
func exactCheck(
    subject: String, function: any TestFunction, vectorValued: Bool, tolerance: Tolerance, directional: DirectionalMode,
    directions: Int, points: SamplePoints, precision: WorkingPrecision = .double,
    derivative: ([Double]) throws -> [[Double]]
) -> GradientCheckReport {
    var settings = DirectionalSettings.library(directional, directions: directions)
    settings.threshold = CheckDefaults.directionalThreshold
    guard settings.applies(toInputCount: function.inputCount) else {
        return ExactReferenceCheck(
            subject: subject, function: function, vectorValued: vectorValued, tolerance: tolerance, precision: precision
        ).run(derivative, at: points)
    }
    return DirectionalReferenceCheck(
        subject: subject, function: function, vectorValued: vectorValued, tolerance: tolerance, settings: settings,
        seed: points.seed
    ).run(derivative, at: points)
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
///   - directional: `.auto` (the default) checks along random directions above
///     ``CheckDefaults/directionalThreshold`` inputs, against extrapolated differences of f(x + t·u);
///     `.always`; `.never`.
///   - directions: k, the seeded random directions of a directional check.
public func checkGradient(
    of function: ([Double]) throws -> Double, gradient: ([Double]) throws -> [Double], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    differenceCheck(
        subject: "gradient", vectorValued: false, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions, points: points, function: { [try function($0)] }, derivative: { [try gradient($0)] })
}

/// Checks the Jacobian (rows: outputs, columns: inputs) of a plain vector closure over `Double` against
/// adaptive extrapolated differences of the closure. Parameters as for the gradient.
public func checkJacobian(
    of function: ([Double]) throws -> [Double], jacobian: ([Double]) throws -> [[Double]], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    differenceCheck(
        subject: "Jacobian", vectorValued: true, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions, points: points, function: function, derivative: jacobian)
}

/// The check of a closure over `Double`: along directions (``DirectionalDifferenceCheck``) when
/// `directional` says so for this many inputs, else entry by entry (``DifferenceReferenceCheck``).
func differenceCheck(
    subject: String, vectorValued: Bool, rtol: Double, atol: Double, floor: Double?, directional: DirectionalMode,
    directions: Int, points: SamplePoints, precision: WorkingPrecision = .double,
    decisionLimit: Double = CheckDefaults.decisionLimit, function: ([Double]) throws -> [Double],
    derivative: ([Double]) throws -> [[Double]]
) -> GradientCheckReport {
    var settings = DirectionalSettings.library(directional, directions: directions)
    settings.threshold = CheckDefaults.directionalThreshold
    guard settings.applies(toInputCount: points.resolved.first?.coordinates.count ?? 0) else {
        return closureCheck(
            subject, vectorValued: vectorValued, precision: precision, rtol: rtol, atol: atol, floor: floor,
            decisionLimit: decisionLimit
        ).run(function, derivative: derivative, at: points)
    }
    let tolerance = Tolerance(rtol: rtol, atol: atol, floorFraction: floor ?? CheckDefaults.differenceFloorFraction)
    return DirectionalDifferenceCheck(
        subject: subject, vectorValued: vectorValued, tolerance: tolerance, settings: settings, seed: points.seed
    ).run(function, derivative: derivative, at: points)
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
