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
        #expect(demo.attributes["errors"] == "1" && demo.attributes["skipped"] == "3")
        #expect(suites[1].attributes["failures"] == "1" && suites[1].attributes["skipped"] == "1")
        // properties come first, as the schema's sequence demands
        #expect(demo.children.first?.name == "properties")
        #expect(demo.all("property").first { $0.attributes["name"] == "seed" }?.attributes["value"] == "42")

        let cases = root.all("testcase")
        #expect(cases.count == 9)
        #expect(cases.allSatisfy { $0.attributes["classname"] != nil && $0.attributes["name"] != nil })
        func outcome(_ name: String) -> String? { cases.first { $0.attributes["name"] == name }?.children.first?.name }
        #expect(outcome("quadratic · hand-coded") == nil)
        #expect(outcome("quadratic · hand-coded (mutant 1)") == "skipped")
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
        #expect(skipped.contains("expected-failure: mutant caught at 2/2 points: factor 3 instead of 2"))
    }
}
