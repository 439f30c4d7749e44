import GradCheck

// The checks for code in another floating-point type than `Double` — `Float` above all (any
// `BinaryFloatingPoint`). Points are rounded to the type first; tolerances come from its precision
// (``CheckDefaults/differenceRelativeTolerance(for:)``, ``CheckDefaults/exactTolerance(for:)``). For
// `Double` the `Double` overloads are chosen, with the same defaults.

// MARK: Closures: the difference reference

/// Checks the gradient of a plain closure over `[F]` (`Float`, say) against extrapolated differences of
/// the closure, computed in `Double` from the closure's values, with the closure's measured noise in the
/// reference's estimate.
///
/// - Parameters:
///   - function: f: Fⁿ → F.
///   - gradient: the gradient under test, computed in F.
///   - points: the points, rounded to F before use.
///   - rtol: relative tolerance per entry on top of the reference's estimate (default max(10⁻⁸, 10³·ε_F):
///     1.2e-4 for `Float`).
///   - atol: absolute tolerance per entry.
///   - floor: the relative floor φ as a fraction of the largest reference entry (default 1).
public func checkGradient<F: BinaryFloatingPoint>(
    of function: ([F]) throws -> F, gradient: ([F]) throws -> [F], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance(for: F.self), atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    differenceCheck(
        subject: "gradient", vectorValued: false, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions, points: points, precision: WorkingPrecision(F.self),
        decisionLimit: CheckDefaults.differenceDecisionLimit(for: F.self),
        function: { x in [Double(try function(x.map { F($0) }))] },
        derivative: { x in [try gradient(x.map { F($0) }).map { Double($0) }] })
}

/// Checks the Jacobian (rows: outputs, columns: inputs) of a plain vector closure over `[F]` against
/// extrapolated differences of the closure. Parameters as for the gradient.
public func checkJacobian<F: BinaryFloatingPoint>(
    of function: ([F]) throws -> [F], jacobian: ([F]) throws -> [[F]], at points: SamplePoints,
    rtol: Double = CheckDefaults.differenceRelativeTolerance(for: F.self), atol: Double = 0, floor: Double? = nil,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    differenceCheck(
        subject: "Jacobian", vectorValued: true, rtol: rtol, atol: atol, floor: floor, directional: directional,
        directions: directions, points: points, precision: WorkingPrecision(F.self),
        decisionLimit: CheckDefaults.differenceDecisionLimit(for: F.self),
        function: { x in try function(x.map { F($0) }).map { Double($0) } },
        derivative: { x in try jacobian(x.map { F($0) }).map { $0.map { Double($0) } } })
}

// MARK: Generic functions: the exact reference, a derivative computed in F

/// Checks a gradient computed in F (`Float`, say) of a generic scalar function against exact
/// extended-precision AD, at the points rounded to F.
///
/// The default tolerance is the runner's for exact methods in F (``CheckDefaults/exactTolerance(for:)``:
/// rtol 1.2e-4 and floor fraction 3.5e-2 in `Float`), widened per entry by 10× how far F's own rounding
/// moves the exact derivative at the point; `rtol`/`atol` replace its rtol/atol.
public func checkGradient<F: BinaryFloatingPoint & RealNumber>(
    of function: some GenericScalarFunction, gradient: ([F]) throws -> [F], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactTolerance(for: F.self).rtol, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    let inputs = points.resolved.first?.coordinates.count ?? 0
    return exactCheck(
        subject: "gradient", function: ScalarFunctionAdapter(function: function, inputCount: inputs), vectorValued: false,
        tolerance: exactTolerance(for: F.self, rtol: rtol, atol: atol), directional: directional, directions: directions,
        points: points, precision: WorkingPrecision(F.self)
    ) { x in [try gradient(x.map { F($0) }).map { Double($0) }] }
}

/// Checks a Jacobian computed in F of a generic vector function against exact extended-precision AD.
public func checkJacobian<F: BinaryFloatingPoint & RealNumber>(
    of function: some GenericVectorFunction, jacobian: ([F]) throws -> [[F]], at points: SamplePoints,
    rtol: Double = CheckDefaults.exactTolerance(for: F.self).rtol, atol: Double = 0,
    directional: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections
) -> GradientCheckReport {
    let first = points.resolved.first?.coordinates ?? []
    let outputs = (try? function(first).count) ?? 0
    return exactCheck(
        subject: "Jacobian",
        function: VectorFunctionAdapter(function: function, inputCount: first.count, outputCount: outputs),
        vectorValued: true, tolerance: exactTolerance(for: F.self, rtol: rtol, atol: atol), directional: directional,
        directions: directions, points: points, precision: WorkingPrecision(F.self)
    ) { x in try jacobian(x.map { F($0) }).map { $0.map { Double($0) } } }
}

/// F's exact tolerance with the caller's rtol and atol.
private func exactTolerance<F: BinaryFloatingPoint>(for type: F.Type, rtol: Double, atol: Double) -> Tolerance {
    var tolerance = CheckDefaults.exactTolerance(for: type)
    tolerance.rtol = rtol
    tolerance.atol = atol
    return tolerance
}
