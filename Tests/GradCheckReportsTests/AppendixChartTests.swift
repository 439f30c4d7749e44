import Foundation
import GradCheck
import GradCheckReports
import Testing

@Suite("Sweep and swell charts from a run's appendix")
struct AppendixChartTests {
    /// The fixture run with a real appendix: sweeps of the seed function, and the swell study.
    static var report: RunReport {
        var report = ReportFixture.report
        report.appendix = RunAppendix(
            sweeps: RunStudies.sweeps(for: report, functions: [Nutty()]), swell: RunStudies.swell())
        return report
    }

    @Test func theHTMLDrawsASweepAndASwellChartPerFamily() throws {
        let report = Self.report
        #expect(report.appendix.sweeps.map(\.method) == ["forward-difference", "central-difference", "richardson"])
        let root = try XMLNode.parse(HTMLReport(report).render())
        let titles = root.all("svg").compactMap(\.title)
        #expect(titles.contains("\(ReportCharts.sweepTitlePrefix): starter/nutty at (2, 1)"))
        for family in ["logistic-map", "product-of-squares", "nested-sine", "repeated-squaring"] {
            #expect(titles.contains("\(ReportCharts.swellTitlePrefix): \(family)"), "\(family)")
        }
        let sweep = try #require(root.all("svg").first { $0.title?.hasPrefix(ReportCharts.sweepTitlePrefix) == true })
        #expect(sweep.allText.contains("relative step h (log scale)"))
        #expect(sweep.allText.contains("forward-difference (order 1.00)"))
        #expect(sweep.allText.contains("optimal h"))
    }

    @Test func theAppendixSurvivesTheJSONRoundTrip() throws {
        let report = Self.report
        let json = JSONReport(report).render()
        let decoded = try JSONReport.decode(json)
        // NaN ≠ NaN, so compare shapes and the re-encoded bytes rather than the values with ==.
        #expect(decoded.appendix.sweeps.count == report.appendix.sweeps.count)
        #expect(decoded.appendix.swell == report.appendix.swell)
        #expect(JSONReport(decoded).render() == json)
        let logistic = report.appendix.swell.filter { $0.family == "logistic-map" }
        #expect(logistic.last.map { $0.treeNodes > 10 * Double($0.dagNodes) } == true)
        #expect(logistic.allSatisfy { ($0.reverseOmega ?? 99) <= 5 })
    }
}
