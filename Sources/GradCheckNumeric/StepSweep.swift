import GradCheckCore

/// The error of difference methods against the step size h: the curve that shows truncation error
/// falling as h shrinks (slope = the method's order on a log-log plot) until round-off, growing like ε/h,
/// takes over. Its minimum is the optimal step.
///
/// A difference check that fails can be read off its sweep: a V whose bottom is below the tolerance
/// means the step was badly chosen (step noise); a flat curve means no step helps — the quotients settle
/// on something other than the derivative they are measured against: that derivative is wrong, or the
/// function has a kink or a jump at the point (where one-sided quotients converge to a one-sided slope).
/// A curve with no finite error at all (the target or every quotient NaN or ±∞) says nothing either way.
public struct StepSweep: Sendable {
    /// The methods a sweep can draw.
    public enum Method: String, Sendable, CaseIterable, Codable {
        case forward = "forward-difference"
        case central = "central-difference"
        case richardson
    }

    /// The largest and smallest relative step (h = relative step · max(1, |xⱼ|)).
    public var largestStep = 1e-1
    public var smallestStep = 1e-14
    /// Steps per decade.
    public var stepsPerDecade = 4

    public init() {}

    /// The relative steps from ``largestStep`` down to ``smallestStep``, geometrically spaced.
    public var steps: [Double] {
        let decades = Double.log10(largestStep / smallestStep)
        let count = Int((decades * Double(stepsPerDecade)).rounded()) + 1
        return (0..<count).map { largestStep * Double.pow(10, -Double($0) / Double(stepsPerDecade)) }
    }

    /// Sweeps `method` over the steps at `point`: each step's derivative (Double) against `reference`,
    /// measured as the normwise relative error ‖D(h) − r‖ / ‖r‖ (‖D(h) − r‖ when r = 0).
    public func run(
        _ method: Method, on function: any TestFunction, at point: [Double], reference: [[ExtendedReal]]
    ) throws -> SweepCurve {
        var samples: [SweepSample] = []
        for relative in steps {
            let derivative = try columns(method, function, point, relative)
            let errors = ErrorMeasures(candidate: derivative.map { $0.map { ExtendedReal($0) } }, reference: reference)
            samples.append(SweepSample(step: relative, error: errors.normwiseRelative))
        }
        return SweepCurve(method: method, samples: samples)
    }

    private func columns(_ method: Method, _ function: any TestFunction, _ point: [Double], _ relative: Double) throws -> [[Double]] {
        let base = try function.evaluate(point)
        var columns: [[Double]] = []
        for j in point.indices {
            let h = DifferenceStep.step(at: point[j], scale: relative)
            func at(_ k: Double) throws -> [Double] { try function.evaluate(DifferenceStep.shifted(point, index: j, by: k * h)) }
            switch method {
            case .forward:
                columns.append(DifferenceQuotient.forward(base, try at(1), h: h))
            case .central:
                columns.append(DifferenceQuotient.central(try at(1), try at(-1), h: h))
            case .richardson:
                var extrapolation = RichardsonExtrapolation()
                extrapolation.initialStepFraction = relative
                let estimate = try extrapolation.extrapolate(from: h, errorExponentStep: 2) { step in
                    let ahead = try function.evaluate(DifferenceStep.shifted(point, index: j, by: step))
                    let behind = try function.evaluate(DifferenceStep.shifted(point, index: j, by: -step))
                    return DifferenceSample.central(ahead, behind, h: step)
                }
                columns.append(estimate?.values ?? base.map { _ in .nan })
            }
        }
        return (0..<base.count).map { i in columns.map { $0[i] } }
    }
}

/// One point of a sweep: the relative step and the normwise relative error there.
public struct SweepSample: Sendable, Hashable, Codable {
    public var step: Double
    public var error: Double
}

/// A method's error against the step, with what can be read off it.
public struct SweepCurve: Sendable, Codable {
    public var method: StepSweep.Method
    public var samples: [SweepSample]

    /// The sample with the smallest error (the optimal step).
    public var optimum: SweepSample? {
        samples.filter { $0.error.isFinite }.min { $0.error < $1.error }
    }

    /// The convergence order measured on the truncation arm: the least-squares slope of log₁₀(error)
    /// against log₁₀(h) over the steps from the largest down to ten times the optimal one (at least
    /// three samples), where truncation dominates. ≈ 1 for forward, ≈ 2 for central differences. NaN when
    /// the arm is too short.
    public var convergenceOrder: Double {
        guard let optimum else { return .nan }
        let arm = samples.filter { $0.step >= 10 * optimum.step && $0.error.isFinite && $0.error > 0 }
        guard arm.count >= 3 else { return .nan }
        let xs = arm.map { Double.log10($0.step) }, ys = arm.map { Double.log10($0.error) }
        let meanX = xs.reduce(0, +) / Double(xs.count), meanY = ys.reduce(0, +) / Double(ys.count)
        let covariance = zip(xs, ys).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let variance = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        return covariance / variance
    }

    /// How to read the curve against a tolerance: `stepNoise` when some step gets below it (the
    /// classic V), `flat` when no step does and the error barely changes over the sweep (the quotients
    /// converge elsewhere), `tooCoarse` otherwise (the method never gets close enough here), `noFiniteError`
    /// when no step gives a finite error.
    public func shape(tolerance: Double) -> SweepShape {
        guard let optimum else { return .noFiniteError }
        if optimum.error <= tolerance { return .stepNoise }
        let finite = samples.map(\.error).filter(\.isFinite)
        let spread = Double.log10((finite.max() ?? 0) / optimum.error)
        return spread < 1 ? .flat : .tooCoarse
    }
}

/// What a sweep says about a failing difference check.
public enum SweepShape: String, Sendable, Codable {
    /// V-shaped with its bottom below the tolerance: the step was the problem, not the derivative.
    case stepNoise = "step-noise"
    /// No step helps and the error hardly changes with h (less than a factor of 10 over the sweep): the
    /// quotients converge to something else than the target — a wrong target derivative, or a kink or a
    /// jump of the function at the point.
    case flat
    /// No step gives a finite error: the target or every quotient is NaN or ±∞, so the curve has no
    /// information.
    case noFiniteError = "no-finite-error"
    /// The error changes with h but never reaches the tolerance.
    case tooCoarse = "too-coarse"
}
