import Foundation
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// Issue 21, item 4: a gradient wrong only where x > 0.999 passes at the default points; the run warns
/// that the branch took one side only, and `--points auto` reaches the other side and fails.
@Suite("Branch coverage and --points auto")
struct BranchCoverageCommandTests {
    let tool = GradCheckTool()

    func suite() throws -> (folder: String, file: String) {
        let folder = NSTemporaryDirectory() + "gradcheck-coverage-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = """
            @domain(x: 0.95...1)
            func kink(x) {
                return x * x
            }
            gradient kink {
                if x > 0.999 {
                    return [3 * x]
                }
                return [2 * x]
            }
            """
        try source.write(toFile: folder + "/kink.grad", atomically: true, encoding: .utf8)
        return (folder, folder + "/kink.grad")
    }

    @Test func aGradientWrongOnlyBeyondABranchPassesWithAWarningAndFailsWithAutoPoints() throws {
        let (folder, file) = try suite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = tool.run(["run", file, "--strategy", "hand-coded", "--no-timing"])
        #expect(plain.exitCode == .success, "\(plain.standardOutput)")
        #expect(plain.standardOutput.contains(
            "warning: kink/kink: branch at \(file):6:8 (if) took only the false side at the 3 checked points"))

        let auto = tool.run(["run", file, "--strategy", "hand-coded", "--no-timing", "--points", "auto"])
        #expect(auto.exitCode == .failure, "\(auto.standardOutput)")
        #expect(auto.standardOutput.contains("FAIL kink/kink"))
        #expect(!auto.standardOutput.contains("took only"))
        #expect(auto.standardOutput.contains("--strategy hand-coded --seed 1 --points auto"))
        // The same seed gives the same points.
        let again = tool.run(["run", file, "--strategy", "hand-coded", "--no-timing", "--points", "auto"])
        #expect(again.standardOutput == auto.standardOutput)
        let typo = tool.run(["run", file, "--points", "automatic"])
        #expect(typo.exitCode == .usage)
        #expect(typo.standardError.contains("a whole number from 0 to 1000, or auto"))
    }

    @Test func theJSONReportCarriesTheCoverageAndReadsBack() throws {
        let (folder, file) = try suite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = tool.run(["run", file, "--strategy", "hand-coded", "--no-timing", "--format", "json"])
        #expect(json.exitCode == .success)
        #expect(!json.standardOutput.contains("warning: kink/kink"))
        #expect(json.standardError.contains("took only the false side"))
        let report = try JSONReport.decode(json.standardOutput)
        let coverage = try #require(report.coverage.first)
        #expect(coverage.function.name == "kink" && coverage.sites == 1 && coverage.sidesSeen == 1 && coverage.points == 3)
        #expect(coverage.fraction == 0.5 && coverage.warnings.count == 1)
        #expect(JSONReport(report).render() == json.standardOutput)
        #expect(MarkdownReport(report).render().contains("### One-sided branches"))
        let html = HTMLReport(report).render()
        #expect(html.contains("<h2>Branch coverage</h2>"))
        #expect(html.contains("<td>kink/kink</td><td class=\"num\">1 / 2</td><td class=\"num\">3</td>"))
        #expect(html.contains("(if) took only the false side at the 3 checked points"))
        // A sides count beyond twice the sites is refused.
        let bad = json.standardOutput.replacingOccurrences(of: "\"sidesSeen\": 1", with: "\"sidesSeen\": 3")
        #expect(bad != json.standardOutput)
        #expect(throws: (any Error).self) { try JSONReport.decode(bad) }
    }

    /// A function whose coverage evaluation overruns the cell timeout is listed as not measured: the run
    /// goes on and ends with its verdicts. The loop never ends (it stops at its cancellation token), so the
    /// overrun does not depend on the machine's speed.
    @Test func aCoverageEvaluationThatOverrunsTheCellTimeoutIsNotMeasured() throws {
        let folder = NSTemporaryDirectory() + "gradcheck-coverage-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/slow.grad"
        try """
            @domain(x: 0.5...1)
            func slow(x) {
                var s = x
                var i = 0
                while i >= 0 {
                    s = s + 0
                    i = i + 1
                }
                return s
            }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let run = tool.run([
            "run", file, "--strategy", "forward", "--no-timing", "--format", "json", "--cell-timeout", "0.05",
            "--max-iterations", "1000000000000",
        ])
        let report = try JSONReport.decode(run.standardOutput)
        let coverage = try #require(report.coverage.first)
        #expect(coverage.sites == 0 && coverage.points == 3)
        #expect(coverage.warnings == ["branch coverage not measured: evaluating the 3 checked points took over 0.05 s (--cell-timeout)"])
        #expect(run.standardError.contains("warning: slow/slow: branch coverage not measured"))
    }
}
