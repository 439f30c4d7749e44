import Foundation
import GradCheckCore
import GradCheckEngine
import GradCheckReports
import Testing

/// The judgement record: every format shows the numbers the judge decided, and saved reports of the
/// previous schema still read.
@Suite("One judgement record in every format")
struct JudgementRecordTests {
    /// The deciding entry of every failing cell appears with the same error, bound and ratio in text,
    /// Markdown, HTML and JUnit, and JSON carries the records unchanged.
    @Test func everyFormatShowsTheSameJudgedNumbers() throws {
        let report = ReportFixture.report
        let text = TextReport(report).render()
        let markdown = MarkdownReport(report).render()
        let html = HTMLReport(report).render()
        let junit = JUnitReport(report).render()
        let decoded = try JSONReport.decode(JSONReport(report).render())
        var checked = 0
        for (index, cell) in report.cells.enumerated() where cell.verdict.failsRun {
            guard let worst = cell.worstPointIndex, let entries = cell.points[worst].entries else { continue }
            // Compared as text: a NaN error is the same record though NaN ≠ NaN.
            #expect("\(decoded.cells[index].points[worst].entries ?? [])" == "\(entries)")
            for entry in entries where entry.outcome == .outside {
                let cells = EntryRows.cells(entry)
                for number in [cells[3], cells[4], cells[5]] {
                    #expect(text.contains(number), "text lacks \(number)")
                    #expect(markdown.contains(number), "markdown lacks \(number)")
                    #expect(html.contains(number), "html lacks \(number)")
                    #expect(junit.contains(number), "junit lacks \(number)")
                }
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// A `gradcheck-report/1` file (no entry records) is read, its records rebuilt as that version
    /// judged them, and it renders in every format.
    @Test func aVersionOneReportIsStillRead() throws {
        let text = try String(contentsOf: GoldenFile.url("legacy-v1-fixture.json"), encoding: .utf8)
        #expect(text.contains("\"gradcheck-report/1\""))
        let report = try JSONReport.decode(text)
        let polar = try #require(report.cells.first { $0.function.name == "polar" && $0.strategy == "hand-coded" })
        let entries = try #require(polar.points[0].entries)
        #expect(entries.count == 4)
        #expect(entries.filter { $0.outcome == .outside }.map { [$0.row, $0.column] } == [[1, 1]])
        #expect(!TextReport(report).render().isEmpty && !HTMLReport(report).render().isEmpty)
    }

    @Test func digitsAreNeverNegativeZero() {
        #expect(EntryJudgement.digits(relative: 1.05).sign == .plus)
        #expect(NumberText.fixed(-0.04, decimals: 1) == "0.0")
        #expect(EntryJudgement.digits(relative: .nan) == 0)
    }
}
