import GradCheckCore
import GradCheckEngine

/// The charts drawn from a run's appendix: step-size sweeps and the expression-swell study.
extension ReportCharts {
    public static let sweepTitlePrefix = "Error against step size"
    public static let swellTitlePrefix = "Expression swell"

    /// The swept functions, in the order of their first sweep: one chart each.
    public var sweptFunctions: [FunctionID] {
        var order: [FunctionID] = []
        for sweep in report.appendix.sweeps where !order.contains(sweep.function) { order.append(sweep.function) }
        return order
    }

    /// The swell study's families, in order: one chart each.
    public var swellFamilies: [String] {
        var families: [String] = []
        for row in report.appendix.swell where !families.contains(row.family) { families.append(row.family) }
        return families
    }

    /// One log-log chart per swept function: normwise relative error against the relative step h for each
    /// difference method, the optimal step of each marked with a ring.
    public func sweepCharts() -> [LogLogChart] {
        sweptFunctions.map { function in
            let sweeps = report.appendix.sweeps.filter { $0.function == function }
            let series = sweeps.enumerated().map { index, sweep in
                LogLogChart.Series(
                    name: sweep.method + (sweep.order.map { " (order \(NumberText.fixed($0, decimals: 2)))" } ?? ""),
                    points: zip(sweep.steps, sweep.errors).map { (x: $0, y: $1) }, connected: true,
                    marker: Marker.cycling(index))
            }
            let annotations: [LogLogChart.Annotation] = sweeps.compactMap { sweep in
                guard let step = sweep.optimalStep, let index = sweep.steps.firstIndex(of: step) else { return nil }
                return .point(x: step, y: sweep.errors[index], label: "optimal h \(NumberText.short(step))")
            }
            let at = sweeps.first.map { $0.point.map { NumberText.short($0) }.joined(separator: ", ") } ?? ""
            return LogLogChart(
                title: "\(Self.sweepTitlePrefix): \(function) at (\(at))",
                description: "Right of each minimum the truncation error falls with h (slope = the method's order); left of "
                    + "it round-off grows like ε/h. A curve that stays flat would mean no step can help.",
                xTitle: "relative step h (log scale)", yTitle: "normwise relative error (log scale)", series: series,
                annotations: annotations)
        }
    }

    /// One log-log chart per swell family: the gradient's size as a raw tree, a simplified tree and a DAG
    /// (and the adjoint DAG), against depth, beside the operations reverse mode spends (ω·ops(f)).
    public func swellCharts() -> [LogLogChart] {
        swellFamilies.map { family in
            let rows = report.appendix.swell.filter { $0.family == family }
            func series(_ name: String, _ index: Int, _ value: (SwellRecord) -> Double?) -> LogLogChart.Series {
                LogLogChart.Series(
                    name: name, points: rows.compactMap { row in value(row).map { (x: Double(row.parameter), y: $0) } },
                    connected: true, marker: Marker.cycling(index))
            }
            let parameter = rows.first?.parameterName ?? "depth"
            return LogLogChart(
                title: "\(Self.swellTitlePrefix): \(family)",
                description: "Sizes of the whole gradient in nodes. The raw tree is what naive symbolic differentiation "
                    + "writes out; sharing (the DAG) removes the swell, and reverse mode's cost stays a small multiple of f.",
                xTitle: "\(parameter) (log scale)", yTitle: "nodes or operations (log scale)",
                series: [
                    series("f′ raw tree", 0) { $0.treeNodes },
                    series("f′ simplified tree", 1) { $0.simplifiedTreeNodes },
                    series("f′ DAG", 2) { Double($0.dagNodes) },
                    series("f′ adjoint DAG", 3) { $0.adjointDAG.map(Double.init) },
                    series("reverse mode: ω·ops(f)", 4) { row in row.reverseOmega.map { $0 * Double(row.functionOperations) } },
                ])
        }
    }

    /// Why the sweeps of `function` are in the report, from the run's own cells: the difference methods
    /// that failed or were inconclusive there (what the sweeps were chosen for), else that it stands as
    /// the run's example.
    public func sweepReason(_ function: FunctionID) -> String {
        why(function) + (derivativeVanishesAtSweep(function) ? " " + Self.vanishingDerivativeNote : "")
    }

    /// Said under a sweep taken where every entry of the derivative is 0 (a minimum such as Himmelblau's):
    /// why its optimal step can be far below the usual one.
    public static let vanishingDerivativeNote = "The derivative is 0 at this point, so every error is absolute and the "
        + "rounding of f is about as small as f itself: the best step can be far smaller than the usual √ε or ∛ε."

    /// Whether some check of `function` at its sweep's point has a reference whose every entry is 0.
    func derivativeVanishesAtSweep(_ function: FunctionID) -> Bool {
        guard let point = report.appendix.sweeps.first(where: { $0.function == function })?.point else { return false }
        return report.cells.contains { cell in
            cell.function == function && cell.points.contains { result in
                result.point == point && (result.reference.map { !$0.isEmpty && $0.joined().allSatisfy { $0 == 0 } } ?? false)
            }
        }
    }

    /// Why `function` was swept, from the run's verdicts.
    func why(_ function: FunctionID) -> String {
        let methods = Set(report.appendix.sweeps.map(\.method))
        let troubled = report.cells.filter {
            $0.function == function && methods.contains($0.strategy) && [.fail, .inconclusive].contains($0.verdict)
        }
        guard !troubled.isEmpty else {
            return "No difference method failed or was inconclusive in this run, so \(function) is swept as an example."
        }
        let said = [Verdict.fail, .inconclusive].compactMap { verdict -> String? in
            let names = troubled.filter { $0.verdict == verdict }.map(\.strategy)
            guard let last = names.last else { return nil }
            let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
            return list + (verdict == .fail ? " failed" : names.count == 1 ? " was inconclusive" : " were inconclusive")
        }.joined(separator: "; ")
        return "Swept because \(said) here; the sweep is taken at the worst point of that check."
    }

    /// The caption of a swell chart: what it plots against what (the family's own parameter), and why
    /// those functions (a fixed study, not the run's functions).
    public func swellCaption(_ family: String) -> String {
        let parameter = report.appendix.swell.first { $0.family == family }?.parameterName ?? "depth"
        return "Size of the symbolic gradient of the \(family) family against \(parameter), next to reverse mode's operation "
            + "count. These families are a fixed study of expression swell, drawn in every report; they are not the run's functions."
    }
}
