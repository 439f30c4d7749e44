import GradCheckCore
import GradCheckEngine

/// The HTML report: one self-contained file (inline style and SVG charts, no script, no external asset,
/// nothing fetched from the network) that is also well-formed XML (XHTML syntax: every element closed,
/// every `&` and `<` escaped), so that it can be checked with an XML parser.
///
/// Sections: the status and how the run was made; a summary (counts by verdict, mutants, slowest,
/// worst); the failures with their entries and replay commands; the charts (``ReportCharts``); a table
/// per suite with every check and its points. Every string from a suite is escaped (``XMLText``).
public struct HTMLReport {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public func render() -> String {
        let summary = ReportSummary(report)
        var out = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>GradCheck report: \(report.outcome == .verified ? "verified" : report.outcome == .failed ? "failed" : "nothing verified")</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>

            """
        out += header(summary)
        out += summarySection(summary)
        if !summary.failingCells.isEmpty { out += failuresSection(summary.failingCells) }
        out += chartsSection()
        out += resultsSection(summary)
        out += coverageSection()
        out += "<footer>Written by gradcheck (report schema \(JSONReport.schema)). No script, no external files.</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// Escaped text.
    func h(_ text: String) -> String { XMLText.escape(text) }

    func header(_ summary: ReportSummary) -> String {
        let m = report.metadata
        var out = "<header>\n<h1>GradCheck report</h1>\n"
        out += "<p class=\"status \(report.succeeded ? "ok" : "failed")\">"
            + (report.outcome == .verified ? "✔ Verified" : report.outcome == .failed ? "✘ Failed" : "⚠ Nothing verified")
            + ": \(report.cells.count) checks, \(h(summary.countsLine)); \(report.verifiedPoints) points verified</p>\n"
        out += "<p class=\"meta\">Seed \(m.seed) · \(m.pointsPerFunction) points per function · strategies in "
            + "\(h(m.precision)) · reference: \(h(m.reference)) · \(h(m.buildConfiguration)) build"
            + (m.timed ? "" : " · not timed") + "</p>\n"
        if m.timed && m.buildConfiguration != "release" {
            out += "<p class=\"warning\">This is a \(h(m.buildConfiguration)) build: its timings are not meaningful.</p>\n"
        }
        out += "<nav><a href=\"#summary\">Summary</a>"
        if !summary.failingCells.isEmpty { out += "<a href=\"#failures\">Failures</a>" }
        out += "<a href=\"#charts\">Charts</a><a href=\"#results\">Results</a></nav>\n</header>\n"
        return out
    }

    func badge(_ verdict: Verdict, _ text: String? = nil) -> String {
        "<span class=\"badge\" style=\"background: \(VerdictStyle.of(verdict).color)\">\(h(text ?? verdict.rawValue))</span>"
    }

    /// `suite/function · strategy`, escaped.
    func name(_ cell: CellResult) -> String { h("\(cell.function) · \(CellDescription.strategyLabel(cell))") }

    func summarySection(_ summary: ReportSummary) -> String {
        var out = "<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n"
        for (verdict, count) in summary.verdictCounts where count > 0 {
            out += "<li>\(badge(verdict, "\(count) \(verdict.rawValue)"))</li>\n"
        }
        out += "</ul>\n<ul>\n"
        if let mutants = summary.mutantsLine {
            let tally = report.mutantTally
            out += "<li>\(tally.caught == tally.total ? "All" : "Not all") mutants caught: \(h(mutants))</li>\n"
        }
        if let slowest = summary.slowest, let timing = slowest.timing {
            out += "<li>Slowest: \(name(slowest)), time ratio \(CellDescription.ratio(timing.ratio)) "
                + "(\(h(CellDescription.duration(nanoseconds: timing.medianNanoseconds))) per derivative)</li>\n"
        }
        if let costliest = summary.costliest, let cost = costliest.cost {
            out += "<li>Largest ω: \(name(costliest)), ω = \(CellDescription.ratio(cost.ratio)) "
                + "(\(cost.derivative.total) operations against \(cost.function.total))</li>\n"
        }
        if let worst = summary.worst, let entry = CellDescription.worstJudgement(worst) {
            out += "<li>Least margin: \(name(worst)) (\(h(worst.verdict.rawValue))), error/allowed \(h(NumberText.short(entry.ratio))), "
                + "\(CellDescription.digits(worst)) correct digits</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// A card per failing check with the judgement record the text report gives: the message, the worst
    /// point, its deciding entry as labelled fields (``JudgementRecord``: both values, abs and rel error,
    /// bound and tolerance, estimate), the consensus of the other strategies, the replay command, then
    /// every entry of that point (``EntryRows``).
    func failuresSection(_ cells: [CellResult]) -> String {
        var out = "<section id=\"failures\">\n<h2>Failures (\(cells.count))</h2>\n"
        for cell in cells {
            out += "<article class=\"failure\">\n<h3>\(badge(cell.verdict)) \(name(cell))</h3>\n"
            if let message = cell.message { out += "<p>\(h(message))</p>\n" }
            var record: [(label: String, value: String)] = []
            var point: PointResult?
            if let index = cell.worstPointIndex {
                let worst = cell.points[index]
                point = worst
                record.append(("point", "\(index + 1) of \(cell.points.count): (\(CellDescription.coordinates(worst.point)))"))
                if let entry = worst.worstEntry { record += JudgementRecord.fields(entry) }
                record.append(("consensus", worst.consensus ?? "none recorded"))
            }
            out += "<dl class=\"record\">\n"
            for (label, value) in record { out += "<dt>\(h(label))</dt><dd>\(h(value))</dd>\n" }
            let replay = CellDescription.replayCommand(cell, metadata: report.metadata)
            out += "<dt>replay</dt><dd><pre>\(h(replay))</pre></dd>\n</dl>\n"
            if let point { out += entriesTable(point) }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    func entriesTable(_ point: PointResult) -> String {
        let entries = EntryRows(point)
        guard !entries.rows.isEmpty else { return "" }
        var out = "<table>\n<thead><tr>" + EntryRows.headers.enumerated().map { index, header in
            index == 0 || index == EntryRows.headers.count - 1 ? "<th>\(h(header))</th>" : "<th class=\"num\">\(h(header))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for (row, outside) in zip(entries.rows, entries.outside) {
            out += "<tr\(outside ? " class=\"outside\"" : "")>" + row.enumerated().map { index, cell in
                index == 0 || index == row.count - 1 ? "<td>\(h(cell))</td>" : "<td class=\"num\">\(h(cell))</td>"
            }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if entries.hidden > 0 { out += "<p class=\"meta\">\(entries.hidden) more entries not shown.</p>\n" }
        return out
    }

    /// The charts, each under its heading with a caption saying what it shows and why those functions.
    /// The heatmap, usually wider than the page, scrolls inside its own frame with its function names kept
    /// in view; every other chart fits the page's content width (``HTMLStyle/contentWidth``).
    func chartsSection() -> String {
        let charts = ReportCharts(report)
        var out = "<section id=\"charts\">\n<h2>Charts</h2>\n"
        func figure(_ document: SVGDocument, _ caption: String) {
            out += "<h3>\(h(document.title))</h3>\n<figure>\n" + document.render()
                + "<figcaption>\(h(caption))</figcaption>\n</figure>\n"
        }
        let heatmap = charts.verdictHeatmap()
        let labels = heatmap.rowLabelsDocument().element().with("class", "sticky-labels").with("aria-hidden", "true")
        let heatmapCaption = "Every check of the run: each function (row) under each strategy and mutant (column), at its "
            + "worst sample point, coloured by the correct digits of its deciding entry; the legend explains every other "
            + "colour and mark. Hover a cell for its verdict and error."
        out += "<h3>\(h(heatmap.title))</h3>\n<figure>\n<div class=\"scroll-frame\">\n" + heatmap.document().render()
            + labels.render() + "</div>\n<figcaption>\(h(heatmapCaption))</figcaption>\n</figure>\n"
        // Long runs read suite by suite: one cost chart and one time chart per suite, all on the run's scale.
        for (suite, cost) in charts.costCharts() {
            figure(
                cost.document(),
                "ω = ops(∇f) / ops(f) for every function of suite \(suite) with each correct strategy (mutants left out), "
                    + "measured by running over a counting number type; every suite's chart has the same scale.")
        }
        for (suite, time) in charts.timeCharts() {
            figure(
                time.document(),
                "Median time of one derivative over that of one plain evaluation, in the same run, for every timed function "
                    + "of suite \(suite) with each correct strategy; every suite's chart has the same scale.")
        }
        if let scaling = charts.scalingChart() {
            figure(
                scaling.document(),
                "How the cost ratio grows with the number of inputs: every counted function of the run, one marker per strategy.")
        }
        for (sweep, function) in zip(charts.sweepCharts(), charts.sweptFunctions) {
            figure(
                sweep.document(),
                "Error of each difference method against its step, measured against the reference. " + charts.sweepReason(function))
        }
        for (swell, family) in zip(charts.swellCharts(), charts.swellFamilies) {
            figure(swell.document(), charts.swellCaption(family))
        }
        return out + "</section>\n"
    }

    func resultsSection(_ summary: ReportSummary) -> String {
        var out = "<section id=\"results\">\n<h2>Results</h2>\n"
        let timed = report.metadata.timed
        for (suite, cells) in summary.suites {
            out += "<h3>Suite \(h(suite))</h3>\n<table>\n<thead><tr><th>function</th><th>strategy</th><th>verdict</th>"
                + "<th class=\"num\">err/allowed</th><th class=\"num\">digits</th><th class=\"num\">ω</th>"
                + "<th class=\"num\">ops ∇f / f</th>" + (timed ? "<th class=\"num\">time ratio</th>" : "")
                + "<th>points</th></tr></thead>\n<tbody>\n"
            for cell in cells {
                let operations = cell.cost.map { "\($0.derivative.total) / \($0.function.total)" } ?? "-"
                out += "<tr\(cell.verdict.failsRun ? " class=\"fails\"" : "")><td>\(h(cell.function.name))</td>"
                    + "<td>\(h(CellDescription.strategyLabel(cell)))</td><td>\(badge(cell.verdict))</td>"
                    + "<td class=\"num\">\(h(CellDescription.judgedRatio(cell)))</td>"
                    + "<td class=\"num\">\(CellDescription.digits(cell))</td>"
                    + "<td class=\"num\">\(CellDescription.ratio(cell.cost?.ratio))</td><td class=\"num\">\(operations)</td>"
                    + (timed ? "<td class=\"num\">\(CellDescription.ratio(cell.timing?.ratio))</td>" : "")
                    + "<td>\(pointsDetails(cell))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// The branch coverage: one row per function with a branch site (sides seen over sides reached), and
    /// its one-sided branches; nothing when coverage was not measured.
    func coverageSection() -> String {
        guard !report.coverage.isEmpty else { return "" }
        var out = "<section id=\"coverage\">\n<h2>Branch coverage</h2>\n"
            + "<p>Branch sites (<code>if</code>, <code>while</code>, <code>abs</code>, <code>relu</code>, <code>max</code>, "
            + "<code>min</code>) of each suite function and its hand-written derivative, and which sides the checked points "
            + "took. A one-sided branch was never tested on its other side.</p>\n"
            + "<table>\n<thead><tr><th>function</th><th class=\"num\">sides seen</th><th class=\"num\">points</th>"
            + "<th>one-sided branches</th></tr></thead>\n<tbody>\n"
        for coverage in report.coverage {
            let warnings = coverage.warnings.isEmpty ? "-" : coverage.warnings.map(h).joined(separator: "<br/>")
            out += "<tr\(coverage.warnings.isEmpty ? "" : " class=\"warns\"")><td>\(h(coverage.function.description))</td>"
                + "<td class=\"num\">\(coverage.sidesSeen) / \(2 * coverage.sites)</td><td class=\"num\">\(coverage.points)</td>"
                + "<td>\(warnings)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// The points of a cell, folded away: each with its coordinates, verdict, error and message.
    func pointsDetails(_ cell: CellResult) -> String {
        guard !cell.points.isEmpty else { return "-" }
        var out = "<details><summary>\(cell.points.count)</summary><ol>"
        for point in cell.points {
            let coordinates = point.point.count > 6
                ? point.point.prefix(6).map { NumberText.short($0) }.joined(separator: ", ") + ", … (\(point.point.count) inputs)"
                : point.point.map { NumberText.short($0) }.joined(separator: ", ")
            out += "<li>(\(h(coordinates))): \(h(point.verdict.rawValue))"
            if let entry = point.worstEntry, point.verdict != .disputed {
                out += ", error/allowed \(h(NumberText.short(entry.ratio)))"
            }
            if let message = point.message { out += " — \(h(message))" }
            out += "</li>"
        }
        return out + "</ol></details>"
    }
}
