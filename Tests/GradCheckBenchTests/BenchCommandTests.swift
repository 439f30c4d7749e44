import Foundation
import GradCheckCLI
import Testing

/// `gradcheck bench` end to end, in process, on tiny sizes.
@Suite struct BenchCommandTests {
    @Test func printsTheTable() {
        let result = GradCheckTool().run(["bench", "--function", "rosenbrock", "--sizes", "8,16", "--samples", "1", "--budget", "1"])
        #expect(result.exitCode == .success, "\(result.standardError)")
        #expect(result.standardOutput.contains("function") && result.standardOutput.contains("reverse"))
        #expect(result.standardOutput.contains("swift-autodiff"), "timed side by side with the tape")
        // The interpreter section: the suite's Rosenbrock against the compiled one, the same value.
        let row = result.standardOutput.split(separator: "\n").drop { !$0.hasPrefix("the .grad interpreter") }.dropFirst(2).first
        let cells = row?.split(separator: " ", omittingEmptySubsequences: true) ?? []
        #expect(cells.first == "8")
        #expect(cells.last.flatMap { Double($0) }.map { $0 <= 1e-15 } == true)
        #expect(result.standardOutput.contains("the floor of a tape on a serial sum"))
    }

    @Test func printsJSON() throws {
        let result = GradCheckTool().run(
            ["bench", "--function", "product", "--sizes", "8", "--samples", "1", "--method", "reverse", "--format", "json"])
        #expect(result.exitCode == .success)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let cells = try #require(json?["cells"] as? [[String: Any]])
        #expect(cells.map { $0["method"] as? String } == ["f", "reverse"], "the plain function is always the baseline")
    }

    @Test func rejectsBadOptions() {
        #expect(GradCheckTool().run(["bench", "--function", "nope"]).exitCode == .usage)
        #expect(GradCheckTool().run(["bench", "--sizes", "10,x"]).exitCode == .usage)
        #expect(GradCheckTool().run(["bench", "--sizes", "0"]).exitCode == .usage)
        #expect(GradCheckTool().run(["bench", "--budget", "-1"]).exitCode == .usage)
        #expect(GradCheckTool().run(["bench", "--method", "telepathy"]).exitCode == .usage)
    }

    @Test func hasHelpAndIsListedInTheOverview() {
        let help = GradCheckTool().run(["help", "bench"])
        #expect(help.exitCode == .success && help.standardOutput.contains("--budget"))
        #expect(GradCheckTool().run(["--help"]).standardOutput.contains("bench"))
    }
}
