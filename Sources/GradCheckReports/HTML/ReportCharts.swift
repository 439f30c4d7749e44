import GradCheckCore
import GradCheckEngine

/// The charts of a run, built from its cells with the generic SVG charts.
public struct ReportCharts {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public static let heatmapTitle = "Correct digits by function and strategy"
    public static let costTitle = "Cost ratio ω by function and strategy"
    public static let timeTitle = "Time ratio by function and strategy"
    public static let scalingTitle = "Cost ratio ω against the number of inputs n"

    /// Functions in run order, without repeats.
    var functions: [FunctionID] {
        var seen = Set<FunctionID>()
        return report.cells.map(\.function).filter { seen.insert($0).inserted }
    }

    /// Strategy labels (with mutants) in run order, without repeats.
    var strategyLabels: [String] {
        var seen = Set<String>()
        return report.cells.map(CellDescription.strategyLabel).filter { seen.insert($0).inserted }
    }

    /// Strategies of the correct variants in run order, without repeats.
    var strategies: [String] {
        var seen = Set<String>()
        return report.cells.filter { !$0.isMutant }.map(\.strategy).filter { seen.insert($0).inserted }
    }

    /// Function × strategy, each cell coloured by the correct digits of its worst point.
    public func verdictHeatmap() -> Heatmap {
        let rows = functions, columns = strategyLabels
        var grid = [[Heatmap.Cell?]](repeating: [Heatmap.Cell?](repeating: nil, count: columns.count), count: rows.count)
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        for cell in report.cells {
            guard let row = rowIndex[cell.function], let column = columnIndex[CellDescription.strategyLabel(cell)] else { continue }
            grid[row][column] = heatmapCell(cell)
        }
        let used = Set(grid.joined().compactMap { $0?.kind })
        let emphasized = grid.joined().contains { $0?.emphasized == true }
        return Heatmap(
            title: Self.heatmapTitle,
            description: "Each cell is one strategy on one function at its worst sample point, coloured by the correct "
                + "digits of its deciding entry (−log₁₀ of its error over the scale it was judged at).",
            rowLabels: rows.map(\.description), columnLabels: columns, cells: grid,
            colorScale: { Palette.digitsColor($0) }, scaleRange: 0...16,
            scaleTitle: "correct digits of a judged check (−log₁₀ max rel err)",
            swatches: Self.heatmapSwatches.filter { used.contains($0.kind) || ($0.kind == Heatmap.emphasizedKind && emphasized) })
    }

    /// Every colour and mark a heatmap cell can have besides the digits scale, with what it means; the
    /// legend shows those the run uses. Undecided checks are violet, not red: they neither pass nor fail.
    static let heatmapSwatches: [Heatmap.Swatch] = [
        Heatmap.Swatch(label: "? inconclusive or disputed: neither pass nor fail", color: undecidedColor, kind: "undecided"),
        Heatmap.Swatch(label: "caught / xfail: mutant caught, expected failure", color: expectedColor, kind: "expected"),
        Heatmap.Swatch(label: "grey, no error measure: n/a = unsupported, domain = outside the domain", color: noMeasureColor, kind: "unmeasured"),
        Heatmap.Swatch(
            label: "✗ fails the run (fail, error, unexpected-pass)", color: "#ffffff", outlined: true, kind: Heatmap.emphasizedKind),
    ]

    static let noMeasureColor = "#d9d9d9"
    static let expectedColor = "#e3e8ee"
    /// Pale violet: outside the red–yellow–blue digits scale and far from its red end.
    static let undecidedColor = "#d8cdea"

    /// A check's cell: coloured by its correct digits when it was judged and passed or failed; violet
    /// with `?` when it was undecided (inconclusive or disputed); pale blue-grey when a mutant was caught;
    /// grey when there is no error measure; a heavy outline and `✗` when it fails the run.
    func heatmapCell(_ cell: CellResult) -> Heatmap.Cell {
        let judged = CellDescription.worstJudgement(cell).map(\.correctDigits).flatMap { $0.isFinite ? $0 : nil }
        var title = "\(cell.function) · \(CellDescription.strategyLabel(cell)): \(cell.verdict.rawValue)"
        if judged != nil {
            title += ", \(CellDescription.digits(cell)) correct digits, error/allowed \(CellDescription.judgedRatio(cell))"
        }
        if let message = cell.message { title += " — \(message)" }
        if cell.verdict == .expectedFailure {
            return Heatmap.Cell(
                color: Self.expectedColor, text: cell.isMutant ? "caught" : "xfail", textColor: "#1a1a1a", title: title,
                kind: "expected")
        }
        if cell.verdict == .inconclusive || cell.verdict == .disputed {
            return Heatmap.Cell(
                color: Self.undecidedColor, text: judged == nil ? "?" : "? " + CellDescription.digits(cell), textColor: "#1a1a1a",
                title: title, kind: "undecided")
        }
        let mark = cell.verdict.failsRun ? "✗ " : ""
        guard let digits = judged else {
            let text: String = switch cell.verdict {
            case .unsupported: "n/a"
            case .outsideDomain: "domain"
            default: cell.verdict.rawValue
            }
            return Heatmap.Cell(
                color: Self.noMeasureColor, text: mark + text, textColor: "#1a1a1a", title: title,
                emphasized: cell.verdict.failsRun, kind: "unmeasured")
        }
        return Heatmap.Cell(
            color: Palette.digitsColor(digits), text: mark + CellDescription.digits(cell),
            textColor: Palette.digitsTextColor(digits), title: title, emphasized: cell.verdict.failsRun)
    }

    /// ω = ops(∇f) / ops(f) per function, one marker per strategy; nil when nothing was counted.
    public func costChart() -> DotChart? {
        dotChart(
            title: Self.costTitle,
            description: "Operations of one derivative over operations of one evaluation of the function, both counted.",
            axisTitle: "ω = operations of the derivative ÷ operations of f (log scale)") { $0.cost?.ratio }
    }

    /// time(∇f) / time(f) per function, one marker per strategy; nil when nothing was timed.
    public func timeChart() -> DotChart? {
        dotChart(
            title: Self.timeTitle,
            description: "Median time of one derivative over the median time of one plain Double evaluation.",
            axisTitle: "time ratio = median time of the derivative ÷ median time of f (log scale)") { $0.timing?.ratio }
    }

    /// ``costChart()`` as small multiples: one chart per suite, all on the scale of the whole run, so that a
    /// long run reads suite by suite and its charts still compare. Suites with nothing counted are left out.
    public func costCharts() -> [(suite: String, chart: DotChart)] {
        smallMultiples { $0.cost?.ratio } chart: { suite, covers in
            dotChart(
                title: Self.costTitle + " — suite " + suite,
                description: "Operations of one derivative over operations of one evaluation of the function, both counted.",
                axisTitle: "ω = operations of the derivative ÷ operations of f (log scale)", suite: suite, axisCovers: covers
            ) { $0.cost?.ratio }
        }
    }

    /// ``timeChart()`` as small multiples, one chart per suite on the scale of the whole run.
    public func timeCharts() -> [(suite: String, chart: DotChart)] {
        smallMultiples { $0.timing?.ratio } chart: { suite, covers in
            dotChart(
                title: Self.timeTitle + " — suite " + suite,
                description: "Median time of one derivative over the median time of one plain Double evaluation.",
                axisTitle: "time ratio = median time of the derivative ÷ median time of f (log scale)", suite: suite,
                axisCovers: covers
            ) { $0.timing?.ratio }
        }
    }

    /// One chart per suite (in run order) from `chart(suite, [lowest, highest value of the run])`.
    func smallMultiples(
        _ value: (CellResult) -> Double?, chart: (String, [Double]) -> DotChart?
    ) -> [(suite: String, chart: DotChart)] {
        let values = report.cells.filter { !$0.isMutant }.compactMap(value).filter { $0 > 0 && $0.isFinite }
        guard let lowest = values.min(), let highest = values.max() else { return [] }
        var seen = Set<String>()
        let suites = functions.map(\.suite).filter { seen.insert($0).inserted }
        return suites.compactMap { suite in chart(suite, [lowest, highest]).map { (suite, $0) } }
    }

    func dotChart(
        title: String, description: String, axisTitle: String, suite: String? = nil, axisCovers: [Double] = [],
        value: (CellResult) -> Double?
    ) -> DotChart? {
        let correct = report.cells.filter { !$0.isMutant && (suite == nil || $0.function.suite == suite) }
        guard correct.contains(where: { value($0).map { $0 > 0 && $0.isFinite } ?? false }) else { return nil }
        let rows = functions.filter { suite == nil || $0.suite == suite }
        let series = strategies.map { strategy in
            DotChart.Series(name: strategy, values: rows.map { function in
                correct.first { $0.function == function && $0.strategy == strategy }.flatMap(value)
            })
        }
        var chart = DotChart(
            title: title, description: description, rowLabels: rows.map(\.description), series: series, axisTitle: axisTitle,
            formatValue: { CellDescription.ratio($0) })
        chart.axisCovers = axisCovers
        return chart
    }

    /// ω against the number of inputs n, one marker per function and strategy; nil unless the run has
    /// functions of at least two sizes.
    public func scalingChart() -> LogLogChart? {
        let correct = report.cells.filter { !$0.isMutant && $0.cost != nil && !$0.points.isEmpty }
        guard Set(correct.map { $0.points[0].point.count }).count >= 2 else { return nil }
        let series = strategies.map { strategy in
            let points = correct.filter { $0.strategy == strategy }
                .map { (x: Double($0.points[0].point.count), y: $0.cost!.ratio) }
                .sorted { ($0.x, $0.y) < ($1.x, $1.y) }
            return LogLogChart.Series(name: strategy, points: points, connected: false)
        }
        let index = strategies.indices.map { Marker.cycling($0) }
        return LogLogChart(
            title: Self.scalingTitle,
            description: "Each marker is one function checked by one strategy: how the cost of a derivative grows with "
                + "the number of inputs.",
            xTitle: "n = number of inputs (log scale)", yTitle: "ω = ops(∇f) ÷ ops(f) (log scale)",
            series: zip(series, index).map { one, marker in
                var copy = one
                copy.marker = marker
                return copy
            })
    }
}
