import GradCheckCore
import GradCheckEngine

/// The JUnit XML report, for the test tabs of CI systems (Jenkins, GitLab, GitHub test reporters).
///
/// Layout (the common `junit-10.xsd` shape): a `<testsuites>` root; a `<testsuite>` per suite with its
/// counts (`tests`, `failures`, `errors`, `skipped`), its `time` and the run's metadata (seed, precision,
/// …) as `<properties>`; a `<testcase>` per function × strategy (a mutant is its own case) with
/// `classname` = the suite, `name` = `function · strategy` and a `time`. `fail` and `unexpected-pass` give
/// a `<failure>`, `error` an `<error>`; a caught mutant or `@xfail` (`expected-failure`) is a passing
/// case, since the check did what it was for, with what was caught as its `<system-out>`; the verdicts that neither pass nor fail (unsupported,
/// outside the domain, inconclusive, disputed) give a `<skipped>` with the reason.
///
/// `time` is in seconds: what the cell's timed derivative calls took (median × calls, ``testcaseSeconds(_:)``),
/// 0 when the run was not timed (`--no-timing`) or the cell has no timing. A run records no wall-clock
/// time per check, so this is the closest measured figure, and a run without timings stays byte-for-byte
/// deterministic.
public struct JUnitReport {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public func render() -> String {
        let summary = ReportSummary(report)
        let outcomes = report.cells.map { VerdictStyle.of($0.verdict).junit }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"gradcheck\" tests=\"\(report.cells.count)\" "
            + "failures=\"\(outcomes.filter { $0 == .failure }.count)\" errors=\"\(outcomes.filter { $0 == .error }.count)\" "
            + "time=\"\(Self.seconds(report.cells.reduce(0) { $0 + Self.testcaseSeconds($1) }))\">\n"
        for (suite, cells) in summary.suites {
            out += testsuite(suite, cells)
        }
        out += "</testsuites>\n"
        return out
    }

    func testsuite(_ suite: String, _ cells: [CellResult]) -> String {
        let outcomes = cells.map { VerdictStyle.of($0.verdict).junit }
        func count(_ outcome: VerdictStyle.JUnitOutcome) -> Int { outcomes.filter { $0 == outcome }.count }
        let seconds = cells.reduce(0) { $0 + Self.testcaseSeconds($1) }
        var out = "  <testsuite name=\(attribute(suite)) tests=\"\(cells.count)\" failures=\"\(count(.failure))\" "
            + "errors=\"\(count(.error))\" skipped=\"\(count(.skipped))\" time=\"\(Self.seconds(seconds))\">\n"
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
        let open = "    <testcase classname=\(attribute(cell.function.suite)) name=\(attribute(name)) "
            + "time=\"\(Self.seconds(Self.testcaseSeconds(cell)))\""
        let message = "\(cell.verdict.rawValue): \(cell.message ?? "no further detail")"
        switch VerdictStyle.of(cell.verdict).junit {
        case .passed where cell.verdict == .expectedFailure:
            // What was caught, for a reader of the case.
            return open + ">\n      <system-out>" + XMLText.escape(message) + "</system-out>\n    </testcase>\n"
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

    /// The seconds a cell's timed derivative calls took: its median time per derivative times the number
    /// of calls timed; 0 without a timing, or when the timing is not a finite, non-negative number (a
    /// saved report may hold anything).
    public static func testcaseSeconds(_ cell: CellResult) -> Double {
        guard let timing = cell.timing else { return 0 }
        let seconds = timing.medianNanoseconds * Double(timing.calls) / 1e9
        return seconds.isFinite && seconds >= 0 ? seconds : 0
    }

    /// Seconds as JUnit readers parse them: a plain decimal with up to 9 places (nanoseconds), no
    /// exponent, trailing zeros dropped ("0", "0.0125").
    static func seconds(_ value: Double) -> String {
        var text = NumberText.fixed(value, decimals: 9)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A double-quoted, escaped attribute value.
    func attribute(_ value: String) -> String { "\"" + XMLText.escape(value, attribute: true) + "\"" }
}
