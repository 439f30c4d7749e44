import Foundation
import GradCheck
import GradCheckReports
import Testing

/// The HTML report fits a 1,280-pixel window: structural checks in place of screenshots. Every chart
/// fits the page's content width except the heatmap, which scrolls sideways in its own frame with its
/// function names kept in view; every colour and mark of the heatmap is in its legend, undecided checks
/// are not drawn in the red of failure, and every chart has a caption.
@Suite("The HTML report's layout")
struct HTMLLayoutTests {
    /// Reports that exercise every chart: the fixture, the fixture with its appendix (sweeps and swell),
    /// and a real timed run.
    static var reports: [RunReport] { [ReportFixture.report, AppendixChartTests.report, RealRun.make(timed: true)] }

    static func isInScrollFrame(_ node: XMLNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor {
            if current.attributes["class"] == "scroll-frame" { return true }
            ancestor = current.parent
        }
        return false
    }

    @Test func thePageFitsA1280PixelWindow() {
        // A scroll bar takes up to 17 px of the window.
        #expect(HTMLStyle.pageWidth + 17 <= 1280)
        let html = HTMLReport(ReportFixture.report).render()
        #expect(html.contains("box-sizing: border-box;"))
        #expect(html.contains("max-width: \(HTMLStyle.pageWidth)px;"))
        #expect(html.contains(".scroll-frame { display: grid; overflow-x: auto;"))
        #expect(html.contains(".scroll-frame > svg.sticky-labels { position: sticky; left: 0;"))
    }

    @Test func everyChartOutsideAScrollFrameFitsTheContentWidth() throws {
        for report in Self.reports {
            let root = try XMLNode.parse(HTMLReport(report).render())
            let svgs = root.all("svg")
            #expect(svgs.count >= 3)
            for svg in svgs where !Self.isInScrollFrame(svg) {
                let width = try #require(svg.attributes["width"].flatMap(Double.init))
                #expect(width <= Double(HTMLStyle.contentWidth), "\(svg.title ?? "?") is \(width) px wide")
            }
        }
    }

    /// The heatmap sits in a scrolling frame with a copy of its function names laid over it, as wide as
    /// the names' column, as tall as the grid, and hidden from screen readers.
    @Test func theHeatmapScrollsInItsFrameWithItsNamesInView() throws {
        let root = try XMLNode.parse(HTMLReport(ReportFixture.report).render())
        let frames = root.all("div").filter { $0.attributes["class"] == "scroll-frame" }
        #expect(frames.count == 1)
        let svgs = try #require(frames.first).children.filter { $0.name == "svg" }
        #expect(svgs.map(\.title) == [ReportCharts.heatmapTitle, "Function names of: " + ReportCharts.heatmapTitle])
        let (grid, names) = (svgs[0], svgs[1])
        #expect(names.attributes["class"] == "sticky-labels" && names.attributes["aria-hidden"] == "true")
        let gridLabels = grid.all("g").first { $0.attributes["class"] == "labels" }?.all("text").map(\.allText) ?? []
        let stickyLabels = names.all("text").map(\.allText)
        #expect(!stickyLabels.isEmpty && stickyLabels.allSatisfy(gridLabels.contains))
        let namesWidth = try #require(names.attributes["width"].flatMap(Double.init))
        #expect(namesWidth < Double(HTMLStyle.contentWidth) / 2)
    }

    /// A wide run's heatmap is wider than the page (and so scrolls in its frame), while its legend's
    /// swatches wrap within the page.
    @Test func aWideHeatmapsLegendStaysWithinThePage() throws {
        var report = ReportFixture.report
        let template = report.cells[0]
        for index in 0..<30 {
            var cell = template
            cell.strategy = "strategy-with-a-long-name-\(index)"
            report.cells.append(cell)
        }
        let heatmap = ReportCharts(report).verdictHeatmap()
        #expect(heatmap.document().width > Double(HTMLStyle.contentWidth))
        let root = try XMLNode.parse(heatmap.document().render())
        let legend = try #require(root.all("g").first { $0.attributes["class"] == "legend" })
        let right = legend.all("text").compactMap { text -> Double? in
            guard let x = text.attributes["x"].flatMap(Double.init) else { return nil }
            return x + TextMetrics.width(of: text.allText, size: 11)
        }.max() ?? 0
        #expect(right <= Double(HTMLStyle.contentWidth))
    }

    /// Every kind of cell (colour) and every mark drawn in a cell is explained by the legend.
    @Test func everyColourAndMarkOfTheHeatmapIsInItsLegend() throws {
        for report in Self.reports + [Self.undecidedReport] {
            let root = try XMLNode.parse(ReportCharts(report).verdictHeatmap().document().render())
            let cells = root.all("g").filter { $0.attributes["class"] == "cell" }
            let legend = try #require(root.all("g").first { $0.attributes["class"] == "legend" })
            let explained = Set(legend.all("g").compactMap { $0.attributes["data-kind"] })
            var used = Set(cells.compactMap { $0.attributes["data-kind"] })
            if cells.contains(where: { $0.all("rect").first?.attributes["stroke"] == "#000" }) { used.insert(Heatmap.emphasizedKind) }
            #expect(used.isSubset(of: explained), "unexplained: \(used.subtracting(explained))")
            let legendText = legend.allText
            let marks = Set(cells.flatMap { $0.all("text").first?.allText.split(separator: " ").map(String.init) ?? [] })
                .filter { Double($0) == nil }
            for mark in marks { #expect(legendText.contains(mark), "the mark \(mark) is not in the legend") }
        }
    }

    /// A run with inconclusive and disputed checks, judged and not.
    static var undecidedReport: RunReport {
        var report = ReportFixture.report
        for index in report.cells.indices where report.cells[index].verdict == .pass {
            report.cells[index].verdict = index % 2 == 0 ? .disputed : .inconclusive
        }
        return report
    }

    /// Undecided checks (inconclusive, disputed) are violet with `?`, never a colour of the digits
    /// scale's red end, which reads as failure.
    @Test func undecidedChecksAreNotRed() throws {
        let report = Self.undecidedReport
        let root = try XMLNode.parse(ReportCharts(report).verdictHeatmap().document().render())
        let undecided = root.all("g").filter { $0.attributes["data-kind"] == "undecided" && $0.attributes["class"] == "cell" }
        #expect(undecided.count == report.cells.filter { [.inconclusive, .disputed].contains($0.verdict) }.count)
        let reds = Set(stride(from: 0.0, through: 6, by: 0.05).map(Palette.digitsColor))
        for cell in undecided {
            let fill = try #require(cell.all("rect").first?.attributes["fill"])
            #expect(!reds.contains(fill))
            #expect(cell.all("text").first?.allText.hasPrefix("?") == true)
        }
    }

    /// Every chart has a caption, and a sweep's says why that function was swept.
    @Test func everyChartHasACaptionSayingWhatAndWhy() throws {
        for report in Self.reports {
            let root = try XMLNode.parse(HTMLReport(report).render())
            for figure in root.all("figure") {
                let caption = figure.children.first { $0.name == "figcaption" }?.allText ?? ""
                #expect(caption.count > 40, "\(figure.all("svg").first?.title ?? "?"): \(caption)")
            }
        }
        let root = try XMLNode.parse(HTMLReport(AppendixChartTests.report).render())
        let captions = root.all("figcaption").map(\.allText)
        #expect(captions.contains { $0.contains("starter/nutty is swept as an example") || $0.contains("Swept because") })
        // A swell caption names the parameter its chart's axis shows.
        let report = AppendixChartTests.report
        for family in ReportCharts(report).swellFamilies {
            let parameter = try #require(report.appendix.swell.first { $0.family == family }?.parameterName)
            #expect(captions.contains { $0.contains("the \(family) family against \(parameter),") }, "\(family)")
        }
    }
}

/// Why a function's sweeps are in the report, in words built from the run's own verdicts.
@Suite("The reason given for a sweep")
struct SweepReasonTests {
    @Test func namesTheDifferenceMethodsThatDidNotPass() {
        var report = AppendixChartTests.report
        let nutty = FunctionID(suite: "starter", name: "nutty")
        let charts = ReportCharts(report)
        #expect(charts.sweepReason(nutty) == "No difference method failed or was inconclusive in this run, so starter/nutty is swept as an example.")
        let template = report.cells[0]
        for (strategy, verdict) in [("forward-difference", Verdict.inconclusive), ("central-difference", .inconclusive), ("richardson", .fail)] {
            var cell = template
            cell.function = nutty
            cell.strategy = strategy
            cell.verdict = verdict
            report.cells.append(cell)
        }
        #expect(ReportCharts(report).sweepReason(nutty)
            == "Swept because richardson failed; forward-difference and central-difference were inconclusive here; the sweep is taken at the worst point of that check.")
    }

    /// At a point where the derivative vanishes (Himmelblau's minimum), the caption says why the best step
    /// is tiny, instead of leaving "optimal h 1e-14" unexplained.
    @Test func aSweepWhereTheDerivativeVanishesSaysWhyItsStepIsTiny() throws {
        var report = AppendixChartTests.report
        let nutty = FunctionID(suite: "starter", name: "nutty")
        #expect(!ReportCharts(report).sweepReason(nutty).contains(ReportCharts.vanishingDerivativeNote))
        let point = try #require(report.appendix.sweeps.first { $0.function == nutty }?.point)
        var cell = report.cells[0]
        cell.function = nutty
        var result = PointResult(point: point, verdict: .pass)
        result.reference = [[0, 0]]
        cell.points = [result]
        report.cells.append(cell)
        #expect(ReportCharts(report).sweepReason(nutty).hasSuffix(" " + ReportCharts.vanishingDerivativeNote))
    }
}
