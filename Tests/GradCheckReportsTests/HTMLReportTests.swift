import GradCheck
import GradCheckReports
import Testing

@Suite("The HTML report")
struct HTMLReportTests {
    @Test func isWellFormedXMLWithTheCharts() throws {
        let html = HTMLReport(ReportFixture.report).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        let root = try XMLNode.parse(html)
        #expect(root.name == "html")
        let charts = root.all("svg")
        let titles = charts.compactMap(\.title)
        // The cost and time charts are small multiples, one per suite (the fixture's time ratios are all in
        // suite demo).
        #expect(titles == [
            ReportCharts.heatmapTitle, "Function names of: " + ReportCharts.heatmapTitle,
            ReportCharts.costTitle + " — suite demo", ReportCharts.costTitle + " — suite other",
            ReportCharts.timeTitle + " — suite demo", ReportCharts.scalingTitle,
        ])
        #expect(charts.allSatisfy { $0.attributes["xmlns"] == "http://www.w3.org/2000/svg" && $0.attributes["viewBox"] != nil })
    }

    @Test func theHeatmapHasACellPerCheckWithItsVerdictOnHover() throws {
        let report = ReportFixture.report
        let root = try XMLNode.parse(HTMLReport(report).render())
        let heatmap = try #require(root.all("svg").first { $0.title == ReportCharts.heatmapTitle })
        let cells = heatmap.all("g").filter { $0.attributes["class"] == "cell" }
        #expect(cells.count == report.cells.count)
        let hovers = cells.compactMap(\.title)
        #expect(hovers.contains { $0.hasPrefix("demo/quadratic · forward-difference: pass, 8.1 correct digits") })
        #expect(hovers.contains { $0.hasPrefix("demo/polar · hand-coded: fail, 0.0 correct digits, error/allowed") })
        #expect(hovers.contains { $0.hasPrefix("demo/quadratic · hand-coded (mutant 1): expected-failure") })
        // Axis and legend texts: the heatmap's colour scale says what it measures.
        #expect(heatmap.allText.contains("correct digits of a judged check (−log₁₀ max rel err)"))
        #expect(heatmap.allText.contains("fails the run"))
        // The failing cell is outlined.
        let failing = try #require(cells.first { $0.title?.hasPrefix("demo/polar · hand-coded") == true })
        #expect(failing.all("rect").first?.attributes["stroke"] == "#000")
    }

    @Test func theCostChartHasAMarkerPerCountedCellAndAnAxisWithItsUnit() throws {
        let root = try XMLNode.parse(HTMLReport(ReportFixture.report).render())
        let chart = try #require(root.all("svg").first { $0.title == ReportCharts.costTitle + " — suite demo" })
        let dots = chart.all("g").first { $0.attributes["class"] == "dots" }
        // Correct variants with a cost in suite demo: quadratic × 2, polar × 1 (stale-xfail is in suite other).
        #expect(dots?.children.count == 3)
        let other = try #require(root.all("svg").first { $0.title == ReportCharts.costTitle + " — suite other" })
        #expect(other.all("g").first { $0.attributes["class"] == "dots" }?.children.count == 1)
        #expect(dots?.children.compactMap(\.title).contains("demo/quadratic · forward-difference: 4.00") == true)
        #expect(chart.allText.contains("ω = operations of the derivative ÷ operations of f (log scale)"))
        let legend = chart.all("g").first { $0.attributes["class"] == "legend" }
        #expect(legend?.allText.contains("hand-coded") == true && legend?.allText.contains("central-difference") == true)
    }

    @Test func needsNoScriptAndFetchesNothing() {
        let html = HTMLReport(ReportFixture.report).render()
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        let links = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(links.allSatisfy { $0.hasPrefix("#") }, "\(links)")
    }

    @Test func showsTheFailureWithItsEntriesAndReplayCommand() throws {
        let root = try XMLNode.parse(HTMLReport(ReportFixture.report).render())
        let failures = root.all("article")
        #expect(failures.count == 3)  // fail, error, unexpected-pass
        let text = failures[0].allText
        #expect(text.contains("demo/polar · hand-coded"))
        #expect(text.contains("error/allowed") && text.contains("outside"))
        #expect(text.contains("gradcheck run --function 'demo/polar' --strategy hand-coded --seed 42 --points 2"))
    }

    @Test func aRealRunWithTimingsHasTheScalingChartToo() throws {
        let report = RealRun.make(timed: true)
        let root = try XMLNode.parse(HTMLReport(report).render())
        let titles = root.all("svg").compactMap(\.title)
        #expect(titles.contains(ReportCharts.timeTitle + " — suite starter"))
        #expect(titles.contains(ReportCharts.scalingTitle))
    }
}

/// Long runs read suite by suite: the cost and time charts are one per suite, every one on the scale of
/// the whole run, so their markers compare across charts.
@Suite struct ChartSmallMultipleTests {
    @Test func everySuiteHasItsOwnChartOnTheRunsScale() throws {
        let charts = ReportCharts(ReportFixture.report).costCharts()
        #expect(charts.map(\.suite) == ["demo", "other"])
        let values = ReportFixture.report.cells.filter { !$0.isMutant }.compactMap { $0.cost?.ratio }
        for (_, chart) in charts {
            #expect(chart.axisCovers == [values.min()!, values.max()!])
            #expect(chart.rowLabels.allSatisfy { $0.hasPrefix(chart.title.components(separatedBy: "suite ").last! + "/") })
        }
    }
}
