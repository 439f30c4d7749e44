import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReverse
import Testing

@Suite("gradcheck trace and gradcheck sweep")
struct TraceAndSweepTests {
    let tool = GradCheckTool()

    @Test func theSeedsTraceListsItsStepsInOrder() {
        let result = tool.run(["trace", "starter/nutty", "--at", "2,1"])
        #expect(result.exitCode == .success)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let primal = ["v₋₁   x1", "v₀    x2", "v₁    v₀²", "v₂    sin v₁", "v₃    v₋₁ / v₂", "v₄    log v₃", "v₅    √v₄", "v₆    v₋₁ · v₅", "y     v₆"]
        var position = 0
        for expected in primal {
            let found = lines[position...].firstIndex { $0.hasPrefix(expected) }
            #expect(found != nil, "missing \(expected)")
            position = (found ?? position) + 1
        }
        #expect(result.standardOutput.contains("v₄    log v₃       0.865751"))
    }

    @Test func theAdjointTraceAccumulatesTheFanOutAndEndsAtTheGradient() throws {
        let trace = try ComputationTrace.record(Nutty(), at: [2, 1])
        let (steps, gradient) = trace.adjointTrace()
        let intoX1 = steps.filter { $0.target == -1 }
        #expect(intoX1.count == 2)  // v₋₁ feeds v₃ and v₆
        #expect(intoX1.map(\.accumulates) == [false, true])
        let exact = try Nutty().handCodedDerivative(.correct, at: [2.0, 1.0])[0]
        #expect(abs(gradient[0] - exact[0]) < 1e-15 && abs(gradient[1] - exact[1]) < 1e-15)
        let text = tool.run(["trace", "starter/nutty", "--at", "2,1"]).standardOutput
        #expect(text.contains("v̄₋₁      v̄₋₁ + v̄₃·∂v₃/∂v₋₁"))
        #expect(text.contains("gradient: ∂f/∂x1 = v̄₋₁ = 1.46783, ∂f/∂x2 = v̄₀ = -1.38017"))
    }

    @Test func theTangentTraceFollowsTheChosenInput() throws {
        let trace = try ComputationTrace.record(Nutty(), at: [2, 1])
        let steps = trace.tangentTrace(input: 1)
        #expect(steps.map(\.label) == Array(-1...6))
        let exact = try Nutty().handCodedDerivative(.correct, at: [2.0, 1.0])[0][1]
        #expect(abs(try #require(steps.last).tangent - exact) < 1e-15)
        let markdown = tool.run(["trace", "starter/nutty", "--at", "2,1", "--input", "x1", "--format", "markdown"]).standardOutput
        #expect(markdown.contains("### Forward tangent trace (∂/∂x1)"))
        #expect(markdown.contains("| v₁ | v₀² | 1 |"))
    }

    @Test func theGraphIsGraphviz() {
        let dot = tool.run(["trace", "starter/nutty", "--at", "2,1", "--format", "dot"]).standardOutput
        #expect(dot.hasPrefix("digraph \"starter/nutty\" {"))
        #expect(dot.contains("n1 -> n5 [label=\"1.1884\"]"))  // v₋₁ → v₃
        #expect(dot.contains("n1 -> n8 [label=\"0.930457\"]"))  // v₋₁ → v₆: the fan-out
        #expect(dot.hasSuffix("}\n"))
    }

    @Test func badTraceArgumentsAreUsageErrors() {
        #expect(tool.run(["trace", "starter/nutty", "--at", "2"]).exitCode == .usage)
        #expect(tool.run(["trace", "starter/nutty", "--at", "2,x"]).exitCode == .usage)
        #expect(tool.run(["trace", "starter/nutty", "--input", "x3"]).exitCode == .usage)
        #expect(tool.run(["trace", "starter/nuty"]).standardError.contains("did you mean 'starter/nutty'?"))
    }

    @Test func theSweepReportsOrdersAndOptimalSteps() {
        let result = tool.run(["sweep", "starter/nutty", "--at", "2,1"])
        #expect(result.exitCode == .success)
        let summary = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("forward-difference ") || $0.hasPrefix("central-difference ") }
        #expect(summary.count == 2)
        #expect(summary[0].contains(" 1.00 ") && summary[1].contains(" 2.00 "))
        let flat = tool.run(["sweep", "starter/nutty", "--at", "2,1", "--against", "hand-coded", "--strategy", "central-difference"])
        #expect(flat.exitCode == .success)
        let againstPrinted = tool.run(["sweep", "starter/nutty-as-printed", "--at", "2,1", "--against", "hand-coded", "--strategy", "central-difference"])
        #expect(againstPrinted.standardOutput.contains("flat at about "), "\(againstPrinted.standardOutput)")
        #expect(againstPrinted.standardOutput.contains("settle away from hand-coded at every step"))
    }

    /// At the origin the curves say what they show: the cone tip of `seeds/norm2` (reference 0) gives
    /// forward quotients of exactly 1 at every step — a kink, with absolute errors — and the polar angle
    /// of `jacobians/cartesian_to_polar` has no finite reference there, so its curves have no information.
    /// Neither is called a wrong derivative or function.
    @Test func aSweepAtTheOriginStatesWhatItObserved() {
        let tip = tool.run(["sweep", "seeds/norm2", "--at", "0,0"])
        #expect(tip.exitCode == .success)
        #expect(tip.standardOutput.contains("the reference is 0 in every entry here: the errors are absolute"), "\(tip.standardOutput)")
        let forward = tip.standardOutput.split(separator: "\n").first { $0.hasPrefix("forward-difference ") } ?? ""
        #expect(forward.contains("flat at about 1.41421: the quotients settle away from the reference at every step (a kink or jump here"), "\(forward)")
        let polar = tool.run(["sweep", "jacobians/cartesian_to_polar", "--at", "0,0"])
        #expect(polar.exitCode == .success)
        #expect(polar.standardOutput.contains("no finite error: the reference is nan here, nothing to measure against"), "\(polar.standardOutput)")
        for output in [tip.standardOutput, polar.standardOutput] {
            #expect(!output.contains("is wrong"), "\(output)")
        }
    }
}

@Suite("gradcheck swell and list --expressions")
struct SymbolicCommandTests {
    let tool = GradCheckTool()

    @Test func theSwellStudyShowsTreesDAGsAndReverseOmega() {
        let result = tool.run(["swell", "--family", "logistic-map"])
        #expect(result.exitCode == .success)
        let row = result.standardOutput.split(separator: "\n").first {
            $0.split(separator: " ", omittingEmptySubsequences: true).prefix(2) == ["logistic-map", "steps=9"]
        }
        // L10 (nine steps from l₁ = x): the raw derivative tree has tens of thousands of nodes; its
        // simplified DAG stays within 3× the function's DAG; reverse mode's ω is a small constant.
        let cells = row.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
        #expect(cells.count == 10)
        if cells.count == 10 {
            #expect(Int(cells[5])! > 20_000)
            #expect(Int(cells[7])! <= 3 * Int(cells[4])!)
            #expect(Double(cells[8])! <= 5)
        }
        #expect(tool.run(["swell", "--family", "logistic"]).exitCode == .usage)
    }

    @Test func listingExpressionsShowsClosedFormsAndRegions() {
        let out = tool.run(["list", "functions", "--expressions"]).standardOutput
        #expect(out.contains("starter/if-branches at (2, 1):\n  f(x1, x2) = x2*x1^2\n    df/dx1 = 2*x1*x2\n    df/dx2 = x1^2\n  valid where x1 > x2"))
        #expect(out.contains("valid everywhere (no data-dependent branch)"))
        #expect(out.contains("characters in all"))
    }

    @Test func symbolicStrategiesReportTheirRegionAsANote() throws {
        let output = try SymbolicStrategy.all[0].derivative(of: PiecewiseBranch(), at: [2.0, 1.0], variant: .correct)
        #expect(output.figures.notes == ["valid where x1 > x2"])
    }
}

/// A suite named by its file (which may hold any character) is shown, not sent, in trace and sweep output.
@Suite struct TraceAndSweepControlCharacterTests {
    let tool = GradCheckTool()

    @Test func aSuiteNameWithAnEscapeIsShownNotSent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-ctl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "func f(x) {\n    return x * x\n}\n".write(toFile: folder + "/a\u{1B}[31m.grad", atomically: false, encoding: .utf8)
        let function = "a\u{1B}[31m/f"
        for arguments in [
            ["trace", function, "--suite", folder, "--at", "1"], ["trace", function, "--suite", folder, "--at", "1", "--format", "markdown"],
            ["trace", function, "--suite", folder, "--at", "1", "--format", "dot"], ["sweep", function, "--suite", folder, "--at", "1"],
        ] {
            let result = tool.run(arguments)
            #expect(result.exitCode == .success, "\(arguments): \(result.standardError)")
            #expect(!result.standardOutput.contains("\u{1B}"), "\(arguments)")
            #expect(result.standardOutput.contains("a\\u{1B}[31m/f") || result.standardOutput.contains("a\\\\u{1B}[31m/f"), "\(arguments)")
        }
    }
}
