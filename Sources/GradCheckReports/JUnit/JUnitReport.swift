import GradCheckCore

/// The JUnit XML report, for the test tabs of CI systems (Jenkins, GitLab, GitHub test reporters).
///
/// Layout (the common `junit-10.xsd` shape): a `<testsuites>` root; a `<testsuite>` per suite with its
/// counts (`tests`, `failures`, `errors`, `skipped`) and the run's metadata as `<properties>`; a
/// `<testcase>` per function × strategy (a mutant is its own case) with `classname` = the suite and
/// `name` = `function · strategy`. `fail` and `unexpected-pass` give a `<failure>`, `error` an `<error>`,
/// and the verdicts that neither pass nor fail (caught mutants and `@xfail`s, unsupported, outside the
/// domain, inconclusive, disputed) a `<skipped>` with the reason. No `time` is written: the report's
/// timings are per derivative, not per test, and leaving them out keeps the file deterministic.
public struct JUnitReport {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public func render() -> String {
        let summary = ReportSummary(report)
        let outcomes = report.cells.map { VerdictStyle.of($0.verdict).junit }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"gradcheck\" tests=\"\(report.cells.count)\" "
            + "failures=\"\(outcomes.filter { $0 == .failure }.count)\" errors=\"\(outcomes.filter { $0 == .error }.count)\">\n"
        for (suite, cells) in summary.suites {
            out += testsuite(suite, cells)
        }
        out += "</testsuites>\n"
        return out
    }

    func testsuite(_ suite: String, _ cells: [CellResult]) -> String {
        let outcomes = cells.map { VerdictStyle.of($0.verdict).junit }
        func count(_ outcome: VerdictStyle.JUnitOutcome) -> Int { outcomes.filter { $0 == outcome }.count }
        var out = "  <testsuite name=\(attribute(suite)) tests=\"\(cells.count)\" failures=\"\(count(.failure))\" "
            + "errors=\"\(count(.error))\" skipped=\"\(count(.skipped))\">\n"
        out += "    <properties>\n"
        for (name, value) in properties() {
            out += "      <property name=\(attribute(name)) value=\(attribute(value))/>\n"
        }
        out += "    </properties>\n"
        for cell in cells { out += testcase(cell) }
        out += "  </testsuite>\n"
        return out
    }

    func properties() -> [(String, String)] {
        let m = report.metadata
        return [
            ("seed", String(m.seed)), ("pointsPerFunction", String(m.pointsPerFunction)), ("precision", m.precision),
            ("reference", m.reference), ("buildConfiguration", m.buildConfiguration), ("timed", String(m.timed)),
        ]
    }

    func testcase(_ cell: CellResult) -> String {
        let name = "\(cell.function.name) · \(CellDescription.strategyLabel(cell))"
        let open = "    <testcase classname=\(attribute(cell.function.suite)) name=\(attribute(name))"
        let message = "\(cell.verdict.rawValue): \(cell.message ?? "no further detail")"
        switch VerdictStyle.of(cell.verdict).junit {
        case .passed:
            return open + "/>\n"
        case .skipped:
            return open + ">\n      <skipped message=\(attribute(message))/>\n    </testcase>\n"
        case .failure, .error:
            let element = VerdictStyle.of(cell.verdict).junit == .error ? "error" : "failure"
            let details = TextReport(report).failureBlock(cell)
            return open + ">\n      <\(element) message=\(attribute(message)) type=\(attribute(cell.verdict.rawValue))>"
                + XMLText.escape(details) + "</\(element)>\n    </testcase>\n"
        }
    }

    /// A double-quoted, escaped attribute value.
    func attribute(_ value: String) -> String { "\"" + XMLText.escape(value, attribute: true) + "\"" }
}
