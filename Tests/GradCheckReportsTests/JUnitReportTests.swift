import GradCheckCore
import GradCheckEngine
import GradCheckReports
import Testing

@Suite("The JUnit report")
struct JUnitReportTests {
    @Test func hasASuitePerSuiteAndACasePerCheckWithTheRightOutcome() throws {
        let root = try XMLNode.parse(JUnitReport(ReportFixture.report).render())
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "9" && root.attributes["failures"] == "2" && root.attributes["errors"] == "1")
        let suites = root.all("testsuite")
        #expect(suites.map { $0.attributes["name"] } == ["demo", "other"])
        let demo = suites[0]
        #expect(demo.attributes["tests"] == "7" && demo.attributes["failures"] == "1")
        #expect(demo.attributes["errors"] == "1" && demo.attributes["skipped"] == "2")
        #expect(suites[1].attributes["failures"] == "1" && suites[1].attributes["skipped"] == "1")
        // properties come first, as the schema's sequence demands
        #expect(demo.children.first?.name == "properties")
        #expect(demo.all("property").first { $0.attributes["name"] == "seed" }?.attributes["value"] == "42")

        let cases = root.all("testcase")
        #expect(cases.count == 9)
        #expect(cases.allSatisfy { $0.attributes["classname"] != nil && $0.attributes["name"] != nil })
        func outcome(_ name: String) -> String? { cases.first { $0.attributes["name"] == name }?.children.first?.name }
        #expect(outcome("quadratic · hand-coded") == nil)
        #expect(outcome("quadratic · hand-coded (mutant 1)") == "system-out")
        #expect(outcome("polar · hand-coded") == "failure")
        #expect(outcome("polar · forward-difference") == "error")
        #expect(outcome("log · hand-coded") == "skipped")
        #expect(outcome("log · complex-step") == "skipped")
        #expect(outcome("stale-xfail · central-difference") == "failure")
        #expect(outcome("kink · central-difference") == "skipped")

        let failure = try #require(root.all("failure").first)
        #expect(failure.attributes["type"] == "fail")
        #expect(failure.attributes["message"]?.hasPrefix("fail: 2 of 4 entries wrong") == true)
        #expect(failure.allText.contains("replay: gradcheck run --function 'demo/polar' --strategy hand-coded --seed 42"))
        let skipped = root.all("skipped").map { $0.attributes["message"] ?? "" }
        #expect(skipped.contains("unsupported: log is not analytic on the negative axis"))
        #expect(!skipped.contains { $0.hasPrefix("expected-failure") })
    }

    /// A caught mutant met its purpose: a passing case (no <skipped/>, <failure/> or <error/>) that says
    /// what was caught.
    @Test func aCaughtMutantIsAPassingCase() throws {
        let root = try XMLNode.parse(JUnitReport(ReportFixture.report).render())
        let mutant = try #require(root.all("testcase").first { $0.attributes["name"] == "quadratic · hand-coded (mutant 1)" })
        #expect(mutant.children.map(\.name) == ["system-out"])
        #expect(mutant.children[0].allText == "expected-failure: mutant caught at 2/2 points: factor 3 instead of 2")
    }

    /// Every case and suite has a time in seconds: the cell's timed calls (median × calls), else 0; a
    /// suite's (and the root's) is the sum of its cases'.
    @Test func everyCaseAndSuiteHasATimeInSeconds() throws {
        let report = ReportFixture.report
        let root = try XMLNode.parse(JUnitReport(report).render())
        let cases = root.all("testcase")
        #expect(cases.count == report.cells.count)
        for (element, cell) in zip(cases, report.cells) {
            let time = try #require(element.attributes["time"].flatMap(Double.init))
            if let timing = cell.timing {
                #expect(abs(time - timing.medianNanoseconds * Double(timing.calls) / 1e9) < 1e-9)
                #expect(time > 0)
            } else {
                #expect(time == 0)
            }
            #expect(element.attributes["time"]?.contains("e") == false)
        }
        let allCases = cases.compactMap { $0.attributes["time"].flatMap(Double.init) }.reduce(0, +)
        #expect(abs((root.attributes["time"].flatMap(Double.init) ?? -1) - allCases) < 1e-8)
        for suite in root.all("testsuite") {
            let total = suite.all("testcase").compactMap { $0.attributes["time"].flatMap(Double.init) }.reduce(0, +)
            let time = try #require(suite.attributes["time"].flatMap(Double.init))
            #expect(abs(time - total) < 1e-8)
        }
    }

    @Test func aRunWithoutTimingsHasZeroTimes() throws {
        let root = try XMLNode.parse(JUnitReport(RealRun.make()).render())
        #expect(root.all("testcase").allSatisfy { $0.attributes["time"] == "0" })
        #expect(root.all("testsuite").allSatisfy { $0.attributes["time"] == "0" })
    }

    @Test func propertiesGiveTheSeedAndPrecision() throws {
        let root = try XMLNode.parse(JUnitReport(ReportFixture.report).render())
        for suite in root.all("testsuite") {
            let properties = Dictionary(
                uniqueKeysWithValues: suite.all("property").compactMap { p in p.attributes["name"].map { ($0, p.attributes["value"] ?? "") } })
            #expect(properties["seed"] == "42")
            #expect(properties["precision"] == "Double")
        }
    }

    @Test func secondsAreWrittenAsPlainDecimals() {
        var cell = ReportFixture.report.cells[0]
        cell.timing = TimingMeasurement(medianNanoseconds: 1_250, functionMedianNanoseconds: 500, calls: 10_000)
        #expect(JUnitReport.testcaseSeconds(cell) == 0.0125)
        cell.timing = TimingMeasurement(medianNanoseconds: .infinity, functionMedianNanoseconds: 500, calls: 3)
        #expect(JUnitReport.testcaseSeconds(cell) == 0)
        cell.timing = nil
        #expect(JUnitReport.testcaseSeconds(cell) == 0)
    }
}
