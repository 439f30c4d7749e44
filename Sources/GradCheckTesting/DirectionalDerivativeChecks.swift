import GradCheck

// Checks of derivatives written the way people write them: a Jacobian–vector product
// `jvp(x, u) = J·u` (forward mode, a "differential") and a vector–Jacobian product
// `vjp(x, w) = wᵀJ` (reverse mode, a "pullback"), each against a reference and, given both, against
// each other through ⟨J·u, w⟩ = ⟨u, Jᵀ·w⟩. The formulas, bounds and entry names are those of
// `DirectionalDerivativeCheck`. The anchors are PyTorch's `gradcheck(check_forward_ad=True)` and JAX's
// `check_grads(f, args, order=1, modes=["fwd", "rev"])`.
//
// Costs per point: the reference (closures: about 2·16·n evaluations of f; generic functions: one
// extended-precision forward pass with n partials), then one call of the JVP per direction and one of
// the VJP per seed.

// MARK: Closures over Double: the difference reference

/// Checks a JVP and a VJP (pullback) of a closure f: ℝⁿ → ℝᵐ against extrapolated differences of f
/// along seeded random directions (and the unit basis if asked), and against each other.
///
/// - Parameters:
///   - function: f.
///   - jvp: (x, u) ↦ J(x)·u, m values; nil to check only the VJP.
///   - vjp: (x, w) ↦ w·J(x), n values; nil to check only the JVP.
///   - points: one point as an array literal (`at: [1, 2]`), or several (``SamplePoints``).
///   - directions: the tangents and seeds (default: 3 seeded random unit vectors each).
///   - layout: names the inputs (`W1[2,3]`) in VJP entries; it must cover the point exactly.
///   - rtol, atol: per entry, on top of the reference's estimate (as ``checkJacobian(of:jacobian:at:rtol:atol:)``).
///   - dotProductUlps: the dot-product test allows (dotProductUlps + m + n)·ε times the size of the
///     terms (default 1000).
public func checkDerivatives(
    of function: ([Double]) throws -> [Double],
    jvp: (([Double], [Double]) throws -> [Double])? = nil, vjp: (([Double], [Double]) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000
) -> GradientCheckReport {
    DirectionalDerivativeCheck(
        subject: subject(jvp: jvp != nil, vjp: vjp != nil), referenceDescription: DifferenceReference().description,
        tolerance: Tolerance(rtol: rtol, atol: atol, floorFraction: CheckDefaults.differenceFloorFraction), estimateFactor: CheckDefaults.estimateFactor,
        directions: directions, layout: layout, dotProductUlps: dotProductUlps
    ).run(reference: { differenceLinearization(function, at: $0.coordinates) }, jvp: jvp, vjp: vjp, at: points)
}

/// Checks a JVP and a VJP of a scalar closure f: ℝⁿ → ℝ: `jvp(x, u) = ∇f·u`, `vjp(x, w) = w·∇f`.
public func checkDerivatives(
    of function: ([Double]) throws -> Double,
    jvp: (([Double], [Double]) throws -> Double)? = nil, vjp: (([Double], Double) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000
) -> GradientCheckReport {
    checkDerivatives(
        of: { [try function($0)] }, jvp: jvp.map { jvp in { [try jvp($0, $1)] } },
        vjp: vjp.map { vjp in { try vjp($0, $1[0]) } }, at: points, directions: directions, layout: layout,
        rtol: rtol, atol: atol, dotProductUlps: dotProductUlps)
}

// MARK: Generic functions: the exact reference

/// Checks a JVP and a VJP of a generic vector function against exact extended-precision AD along
/// seeded random directions (and the unit basis if asked), and against each other.
/// Parameters as ``checkDerivatives(of:jvp:vjp:at:directions:layout:rtol:atol:dotProductUlps:)``; rtol
/// defaults to 2.2e-11 with the floor 10⁻³ of the largest entry of each product.
public func checkDerivatives(
    of function: some GenericVectorFunction,
    jvp: (([Double], [Double]) throws -> [Double])? = nil, vjp: (([Double], [Double]) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000
) -> GradientCheckReport {
    let reference = ExtendedForwardReference()
    return DirectionalDerivativeCheck(
        subject: subject(jvp: jvp != nil, vjp: vjp != nil), referenceDescription: reference.description,
        tolerance: exactTolerance(rtol, atol), estimateFactor: CheckDefaults.estimateFactor,
        directions: directions, layout: layout, dotProductUlps: dotProductUlps
    ).run(
        reference: { point in
            let outputs = (try? function(point.coordinates).count) ?? 1
            let adapter = VectorFunctionAdapter(function: function, inputCount: point.coordinates.count, outputCount: outputs)
            return exactLinearization(adapter, at: point.coordinates, reference: reference)
        },
        jvp: jvp, vjp: vjp, at: points)
}

/// Checks a JVP and a VJP of a generic scalar function against exact extended-precision AD.
public func checkDerivatives(
    of function: some GenericScalarFunction,
    jvp: (([Double], [Double]) throws -> Double)? = nil, vjp: (([Double], Double) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000
) -> GradientCheckReport {
    let reference = ExtendedForwardReference()
    return DirectionalDerivativeCheck(
        subject: subject(jvp: jvp != nil, vjp: vjp != nil), referenceDescription: reference.description,
        tolerance: exactTolerance(rtol, atol), estimateFactor: CheckDefaults.estimateFactor,
        directions: directions, layout: layout, dotProductUlps: dotProductUlps
    ).run(
        reference: { point in
            let adapter = ScalarFunctionAdapter(function: function, inputCount: point.coordinates.count)
            return exactLinearization(adapter, at: point.coordinates, reference: reference)
        },
        jvp: jvp.map { jvp in { [try jvp($0, $1)] } }, vjp: vjp.map { vjp in { try vjp($0, $1[0]) } }, at: points)
}

// MARK: Expectations

/// Expects a closure's JVP and VJP to match differences of it and each other (see
/// ``checkDerivatives(of:jvp:vjp:at:directions:layout:rtol:atol:dotProductUlps:)``).
@discardableResult
public func expectDerivatives(
    of function: ([Double]) throws -> [Double],
    jvp: (([Double], [Double]) throws -> [Double])? = nil, vjp: (([Double], [Double]) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkDerivatives(
        of: function, jvp: jvp, vjp: vjp, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol,
        dotProductUlps: dotProductUlps)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a scalar closure's JVP and VJP to match differences of it and each other.
@discardableResult
public func expectDerivatives(
    of function: ([Double]) throws -> Double,
    jvp: (([Double], [Double]) throws -> Double)? = nil, vjp: (([Double], Double) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.differenceRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkDerivatives(
        of: function, jvp: jvp, vjp: vjp, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol,
        dotProductUlps: dotProductUlps)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a generic vector function's JVP and VJP to match exact AD and each other.
@discardableResult
public func expectDerivatives(
    of function: some GenericVectorFunction,
    jvp: (([Double], [Double]) throws -> [Double])? = nil, vjp: (([Double], [Double]) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkDerivatives(
        of: function, jvp: jvp, vjp: vjp, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol,
        dotProductUlps: dotProductUlps)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

/// Expects a generic scalar function's JVP and VJP to match exact AD and each other.
@discardableResult
public func expectDerivatives(
    of function: some GenericScalarFunction,
    jvp: (([Double], [Double]) throws -> Double)? = nil, vjp: (([Double], Double) throws -> [Double])? = nil,
    at points: SamplePoints, directions: CheckDirections = .random(), layout: ParameterLayout? = nil,
    rtol: Double = CheckDefaults.exactRelativeTolerance, atol: Double = 0, dotProductUlps: Double = 1000,
    fileID: String = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
) -> GradientCheckReport {
    let report = checkDerivatives(
        of: function, jvp: jvp, vjp: vjp, at: points, directions: directions, layout: layout, rtol: rtol, atol: atol,
        dotProductUlps: dotProductUlps)
    IssueRecording.record(report, at: CallSite(fileID: fileID, filePath: filePath, line: line, column: column))
    return report
}

// MARK: References

/// "JVP/VJP", "JVP" or "VJP".
func subject(jvp: Bool, vjp: Bool) -> String {
    jvp && vjp ? "JVP/VJP" : jvp ? "JVP" : vjp ? "VJP" : "JVP/VJP (neither given)"
}

/// The difference reference of a closure at x, as a linearization (Mᵢⱼ = |Jᵢⱼ| + Eᵢⱼ).
func differenceLinearization(
    _ function: ([Double]) throws -> [Double], at x: [Double]
) -> Result<LinearizationReference, ReferenceUnavailable> {
    let approximate: DifferenceReference.Result
    do {
        approximate = try DifferenceReference().evaluate(function, at: x)
    } catch {
        return .failure(ReferenceUnavailable(reason: "the function threw here: \(error)"))
    }
    guard approximate.value.allSatisfy(\.isFinite) else {
        return .failure(ReferenceUnavailable(reason: "the function is not finite here: the point lies outside its domain"))
    }
    let magnitude = zip(approximate.jacobian, approximate.estimate).map { row, errors in
        zip(row, errors).map { ExtendedReal($0.magnitude) + ExtendedReal($1.isFinite ? $1 : 0) }
    }
    return .success(LinearizationReference(
        jacobian: approximate.jacobian.map { $0.map { ExtendedReal($0) } }, estimate: approximate.estimate,
        magnitude: magnitude,
        minimumFloor: CheckDefaults.valueFloorFraction * (approximate.value.map(\.magnitude).max() ?? 0)
            / Swift.max(1, x.map(\.magnitude).max() ?? 0)))
}

/// The exact reference of a test function at x, as a linearization (M: the reference's magnitudes).
func exactLinearization(
    _ function: any TestFunction, at x: [Double], reference: ExtendedForwardReference
) -> Result<LinearizationReference, ReferenceUnavailable> {
    let exact: ReferenceResult
    do {
        exact = try reference.evaluate(function, at: x.map { ExtendedReal($0) })
    } catch {
        return .failure(ReferenceUnavailable(reason: "the function threw here: \(error)"))
    }
    guard exact.value.allSatisfy(\.isFinite), exact.jacobian.joined().allSatisfy(\.isFinite) else {
        return .failure(ReferenceUnavailable(
            reason: "the function or its derivative is not finite here: the point lies outside its domain"))
    }
    if let dispute = exact.dispute { return .failure(ReferenceUnavailable(reason: dispute)) }
    let magnitude = exact.magnitudes ?? exact.jacobian.map { $0.map(\.magnitude) }
    return .success(LinearizationReference(jacobian: exact.jacobian, estimate: nil, magnitude: magnitude))
}
