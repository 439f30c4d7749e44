import GradCheckCore
import GradCheckReports
import Testing

/// The Markdown report reads top-down in a pull request: status, summary, failures, then every suite
/// folded away, and it never outgrows a GitHub job summary.
@Suite("The Markdown report")
struct MarkdownReportTests {
    let report = ReportFixture.report

    @Test func leadsWithStatusAndSummaryThenFailuresThenFoldedSuites() throws {
        let markdown = MarkdownReport(report).render()
        let status = try #require(markdown.range(of: "## GradCheck: ❌ failed"))
        let summary = try #require(markdown.range(of: "**9 checks: "))
        let failures = try #require(markdown.range(of: "### Failures (3)"))
        let firstSuite = try #require(markdown.range(of: "<details>"))
        #expect(status.lowerBound == markdown.startIndex)
        #expect(status.upperBound < summary.lowerBound && summary.upperBound < failures.lowerBound)
        #expect(failures.upperBound < firstSuite.lowerBound)
        // Every failure is shown before any suite table.
        #expect(markdown.components(separatedBy: "<details>")[0].components(separatedBy: "#### ").count == 4)
    }

    @Test func everySuiteIsOneDetailsBlockWithBlankLinesAroundItsTable() {
        let markdown = MarkdownReport(report).render()
        let blocks = markdown.components(separatedBy: "<details><summary>").dropFirst()
        #expect(blocks.count == ReportSummary(report).suites.count)
        #expect(markdown.components(separatedBy: "</details>").count - 1 == blocks.count)
        for (block, (suite, cells)) in zip(blocks, ReportSummary(report).suites) {
            #expect(block.hasPrefix((cells.contains { $0.verdict.failsRun } ? "❌ " : "") + "Suite \(suite): \(cells.count) checks: "))
            // GitHub renders a table inside <details> only when blank lines separate it from the HTML.
            #expect(block.contains("</summary>\n\n| function | strategy |"))
            #expect(block.contains(" |\n\n</details>\n"))
            let rows = block.components(separatedBy: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| function") }
            #expect(rows.count == cells.count)
        }
    }

    @Test func theSuiteSummaryGivesItsCounts() {
        let markdown = MarkdownReport(report).render()
        #expect(markdown.contains(
            "<details><summary>❌ Suite demo: 7 checks: 2 pass, 1 fail, 1 expected-failure, 1 error, 1 unsupported, 1 outside-domain</summary>"))
        #expect(markdown.contains("<details><summary>❌ Suite other: 2 checks: 1 inconclusive, 1 unexpected-pass</summary>"))
    }

    /// A line break in a suite's name must not end the HTML block of its summary early.
    @Test func aLineBreakInASuiteNameStaysInsideTheSummary() {
        var hostile = report
        hostile.cells = hostile.cells.map { cell in
            var cell = cell
            cell.function = FunctionID(suite: "two\n\nlines <b>", name: cell.function.name)
            return cell
        }
        let markdown = MarkdownReport(hostile).render()
        #expect(markdown.contains("<summary>❌ Suite two&#10;&#10;lines &lt;b&gt;: 9 checks:"))
    }

    /// With too little room, suite tables and then failures give way to a line saying what was left
    /// out, and the report stays within its limit.
    @Test func staysWithinItsByteLimitByLeavingOutTablesThenFailures() {
        let full = MarkdownReport(report).render()
        #expect(full.utf8.count <= MarkdownReport.gitHubJobSummaryLimit)
        let withoutLastTable = full.utf8.count - 100
        let cut = MarkdownReport(report, byteLimit: withoutLastTable).render()
        #expect(cut.utf8.count <= withoutLastTable)
        #expect(cut.contains("Suite demo: 7 checks:") && cut.contains("<details><summary>❌ Suite demo"))
        #expect(cut.contains("❌ Suite other: 2 checks: 1 inconclusive, 1 unexpected-pass: table left out to keep this report under"))

        let tiny = 1_500
        let minimal = MarkdownReport(report, byteLimit: tiny).render()
        #expect(minimal.utf8.count <= tiny)
        #expect(minimal.hasPrefix("## GradCheck: ❌ failed"))
        #expect(minimal.contains("more failures not shown here"))
        // The larger table gives way; a smaller one that still fits is kept.
        #expect(!minimal.contains("<summary>❌ Suite demo"))
    }
}
