import GradCheckCore

/// Central differences extrapolated to h → 0 (``RichardsonExtrapolation``), with an error estimate per
/// entry.
///
/// - Kinks: steps whose stencil takes other branches than x are skipped; if no two central steps stay on
///   x's path, one-sided quotients on x's side are extrapolated instead (error in powers of h); if neither
///   side works, the entry carries a caveat.
/// - A second opinion: the same extrapolation from a starting step 100× smaller. Where the two disagree
///   beyond their estimates the function is too rough for differences at these scales (a chaotic map,
///   say), and the result carries a caveat: a miss is `inconclusive`, not `fail`.
/// - Cost: about 2 evaluations per step per input and scale, typically 25–60 per input.
public struct RichardsonStrategy: DifferentiationStrategy {
    public let id = "richardson"
    public let family = StrategyFamily.higherOrderDifference
    public let summary = "central differences extrapolated over a geometric sequence of steps, with error estimates"
    public var extrapolation = RichardsonExtrapolation()

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let differentiation = try ExtrapolatedDifferentiation(function: function, point: point, extrapolation: extrapolation)
        var finer = extrapolation
        finer.initialStepFraction = extrapolation.initialStepFraction * 1e-2
        let secondOpinion = try ExtrapolatedDifferentiation(function: function, point: point, extrapolation: finer)
        var columns: [[R]] = [], errors: [[R]] = []
        var crossings: [String] = [], disagreements: [String] = [], beside: [String] = []
        for j in point.indices {
            let central = try differentiation.centralColumn(j)
            if central == nil { beside.append(differentiation.evaluator.inputName(j)) }
            if let estimate = try central ?? differentiation.oneSided(j, side: 1) ?? differentiation.oneSided(j, side: -1) {
                columns.append(estimate.values)
                errors.append(estimate.errors)
                if let other = try secondOpinion.column(j), !Self.agree(estimate, other) {
                    disagreements.append(differentiation.evaluator.inputName(j))
                }
            } else {
                crossings.append(differentiation.evaluator.inputName(j))
                let h = DifferenceStep.step(at: point[j], scale: R.cbrt(R.machineEpsilon))
                let ahead = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
                let behind = try function.evaluate(DifferenceStep.shifted(point, index: j, by: -h))
                columns.append(DifferenceQuotient.central(ahead, behind, h: h))
                errors.append(ahead.map { _ in R(Double.infinity) })
            }
        }
        let rows = differentiation.base.values.count
        let evaluations = differentiation.evaluations + secondOpinion.evaluations
        let caveats = [crossingCaveat(crossings, oneSided: beside.filter { !crossings.contains($0) })]
            + [disagreements.isEmpty ? nil : "extrapolations from two starting steps disagree at "
                + disagreements.joined(separator: ", ") + " (the function is too rough for differences at these scales)"]
        return StrategyOutput(
            jacobian: transpose(columns, rows: rows),
            figures: StrategyFigures(functionEvaluations: evaluations, passes: evaluations),
            errorEstimate: transpose(errors, rows: rows),
            caveat: caveats.compactMap { $0 }.isEmpty ? nil : caveats.compactMap { $0 }.joined(separator: "; "))
    }

    /// Whether two extrapolations agree within 10× their estimates (and 8ε of their values).
    static func agree<R: RealNumber>(_ a: RichardsonExtrapolation.Estimate<R>, _ b: RichardsonExtrapolation.Estimate<R>) -> Bool {
        a.values.indices.allSatisfy { i in
            let slack = 10 * (a.errors[i] + b.errors[i]) + 8 * R.machineEpsilon * Swift.max(a.values[i].magnitude, b.values[i].magnitude)
            return (a.values[i] - b.values[i]).magnitude <= slack
        }
    }
}

/// The per-input work of ``RichardsonStrategy``: central extrapolation on x's branch, one-sided if need be.
public final class ExtrapolatedDifferentiation<R: RealNumber> {
    let evaluator: BranchAwareEvaluation<R>
    let point: [R]
    let base: Evaluation<R>
    let extrapolation: RichardsonExtrapolation
    private(set) var evaluations = 1

    public init(function: any TestFunction, point: [R], extrapolation: RichardsonExtrapolation) throws {
        evaluator = BranchAwareEvaluation(function: function)
        self.point = point
        self.extrapolation = extrapolation
        base = try evaluator.evaluate(point)
    }

    /// The extrapolated column j, or nil when no stencil stays on x's branch.
    public func column(_ j: Int) throws -> RichardsonExtrapolation.Estimate<R>? {
        try centralColumn(j) ?? oneSided(j, side: 1) ?? oneSided(j, side: -1)
    }

    /// Column j extrapolated from central quotients, or nil when no two central stencils stay on x's
    /// branches (x sits on or next to a kink, and one-sided quotients are needed).
    public func centralColumn(_ j: Int) throws -> RichardsonExtrapolation.Estimate<R>? {
        try extrapolation.bestExtrapolation(from: extrapolation.initialSteps(at: point[j]), errorExponentStep: 2) { h in
            guard let ahead = try onPath(j, h), let behind = try onPath(j, -h) else { return nil }
            return DifferenceSample.central(ahead, behind, h: h)
        }
    }

    /// The column extrapolated from one-sided quotients on one side of x (side +1: ahead, −1: behind),
    /// where those stay on x's branches.
    public func oneSided(_ j: Int, side: R) throws -> RichardsonExtrapolation.Estimate<R>? {
        try extrapolation.bestExtrapolation(from: extrapolation.initialSteps(at: point[j]), errorExponentStep: 1) { h in
            guard let moved = try onPath(j, side * h) else { return nil }
            return DifferenceSample.oneSided(base.values, moved, h: side * h)
        }
    }

    /// The one-sided limit of the derivative on one side of x (side +1: from the right, −1: from the left):
    /// one-sided quotients against f(x) whose stencil points all take one path — that of the side, which at
    /// a kink is not x's own. At a kink the two sides' limits differ.
    public func sideLimit(_ j: Int, side: R) throws -> RichardsonExtrapolation.Estimate<R>? {
        // The side's path is that of a point just beside x: a larger step may cross further branches.
        let besideX = DifferenceStep.step(at: point[j], scale: R.sqrt(R.machineEpsilon) * 16)
        evaluations += 1
        let sidePath = try evaluator.evaluate(point, moving: j, by: side * besideX).decisions
        return try extrapolation.bestExtrapolation(from: extrapolation.initialSteps(at: point[j]), errorExponentStep: 1) { h in
            evaluations += 1
            let moved = try evaluator.evaluate(point, moving: j, by: side * h)
            guard moved.decisions == sidePath, moved.values.allSatisfy(\.isFinite) else { return nil }
            return DifferenceSample.oneSided(base.values, moved.values, h: side * h)
        }
    }

    /// f at x + delta·eⱼ when it takes x's branches and is finite, else nil.
    private func onPath(_ j: Int, _ delta: R) throws -> [R]? {
        evaluations += 1
        let moved = try evaluator.evaluate(point, moving: j, by: delta)
        return moved.samePath(as: base) && moved.values.allSatisfy(\.isFinite) ? moved.values : nil
    }
}
