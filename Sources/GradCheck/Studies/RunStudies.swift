import GradCheckCore
import GradCheckEngine
import GradCheckNumeric
import GradCheckReverse
import GradCheckSymbolic

/// The studies behind a run's charts (``RunAppendix``): step-size sweeps where they explain something,
/// and the expression-swell study beside reverse mode's cost.
public enum RunStudies {
    /// Sweeps of forward, central and Richardson differences for up to `limit` functions of the run: first
    /// those where a difference method did not pass (at that cell's worst point), then the first article's
    /// function if it was run, else the first function of the run with at most ten inputs.
    ///
    /// The sweeps of one function (its reference and every method's curve) run under `deadline`, as one
    /// phase of the run; a function whose sweeps overrun it has none.
    public static func sweeps(
        for report: RunReport, functions: [any TestFunction], limit: Int = 4,
        deadline: PhaseDeadline = PhaseDeadline(cellTimeout: nil, runSeconds: nil)
    ) -> [SweepRecord] {
        let byID = Dictionary(functions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [(any TestFunction, [Double])] = []
        func choose(_ id: FunctionID, _ point: [Double]?) {
            guard chosen.count < limit, let function = byID[id], function.inputCount <= 10,
                !chosen.contains(where: { $0.0.id == id }),
                let point = point ?? function.sampling.points(random: 1, seed: report.metadata.seed, salt: id.description).first
            else { return }
            chosen.append((function, point))
        }
        let differences = Set(StepSweep.Method.allCases.map(\.rawValue))
        for cell in report.cells where differences.contains(cell.strategy) && [.fail, .inconclusive].contains(cell.verdict) {
            choose(cell.function, cell.worstPointIndex.map { cell.points[$0].point })
        }
        if chosen.isEmpty {
            let seed = functions.first { $0.id.name == "nutty" } ?? functions.first { $0.inputCount <= 10 }
            if let seed { choose(seed.id, seed.sampling.explicitPoints.first) }
        }
        return chosen.flatMap { function, point -> [SweepRecord] in
            (try? deadline.run(phase: "the sweeps of \(function.id)") { sweeps(of: function, at: point) }) ?? []
        }
    }

    /// The forward, central and Richardson sweeps of `function` at `point`, against the reference.
    private static func sweeps(of function: any TestFunction, at point: [Double]) -> [SweepRecord] {
        let sweep = StepSweep()
        guard let reference = try? ExtendedForwardReference().evaluate(function, at: point.map { ExtendedReal($0) }) else {
            return []
        }
        return StepSweep.Method.allCases.compactMap { method in
            guard let curve = try? sweep.run(method, on: function, at: point, reference: reference.jacobian) else { return nil }
            let family: StrategyFamily = method == .forward ? .firstOrderDifference : .higherOrderDifference
            return SweepRecord(
                function: function.id, point: point, method: method.rawValue, steps: curve.samples.map(\.step),
                errors: curve.samples.map(\.error), optimalStep: curve.optimum?.step,
                order: curve.convergenceOrder.isFinite ? curve.convergenceOrder : nil,
                tolerance: Tolerance.default(for: family, epsilon: Double.ulpOfOne).rtol)
        }
    }

    /// The swell study at moderate depths (so that it takes well under a second), with reverse mode's ω.
    public static func swell() -> [SwellRecord] {
        let parameters: [SwellStudy.Family: [Int]] = [
            .logisticMap: Array(1...10), .productOfSquares: [2, 4, 8, 16, 32], .nestedSine: [1, 2, 4, 8, 16, 32],
            .repeatedSquaring: Array(1...10),
        ]
        return SwellStudy.run(parameters: parameters, repetitions: 1).map { row in
            let function = SwellStudy.Family(rawValue: row.family)?.function(row.parameter)
            let omega = function.flatMap { function in
                function.sampling.explicitPoints.first.flatMap {
                    try? CostMeter.measure(ReverseModeStrategy(), variant: .correct, on: function, at: $0).ratio
                }
            }
            return SwellRecord(
                family: row.family, parameterName: row.parameterName, parameter: row.parameter,
                functionOperations: row.functionOperations, functionDAG: row.functionDAG, treeNodes: row.derivativeTree,
                simplifiedTreeNodes: row.derivativeSimplifiedTree, dagNodes: row.derivativeSimplifiedDAG,
                adjointDAG: row.adjointDAG, reverseOmega: omega)
        }
    }
}
