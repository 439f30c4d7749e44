import Foundation
import GradCheck
@testable import GradCheckCLI
import Testing

/// `central-difference` with a step 100 times too large: still a central difference, four digits worse.
struct WorsenedCentralDifference: DifferentiationStrategy {
    let id = "central-difference"
    let family = StrategyFamily.higherOrderDifference
    let summary = "a central difference with a step 100 times too large"
    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        let columns = try point.indices.map { j -> [R] in
            let h = DifferenceStep.step(at: point[j], scale: 100 * R.cbrt(R.machineEpsilon))
            let ahead = try function.evaluate(DifferenceStep.shifted(point, index: j, by: h))
            let behind = try function.evaluate(DifferenceStep.shifted(point, index: j, by: -h))
            return DifferenceQuotient.central(ahead, behind, h: h)
        }
        return StrategyOutput(jacobian: (0..<function.outputCount).map { i in columns.map { $0[i] } })
    }
}

@Suite("Baselines")
struct BaselineTests {
    let quick = ["run", "--function", "starter/nutty", "--function", "starter/cubic", "--strategy", "central-difference",
                 "--strategy", "reverse", "--no-timing"]

    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "gradcheck-baseline-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func anUnchangedRunHasNoRegression() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let saved = directory + "/base.json"
        #expect(GradCheckTool().run(quick + ["--format", "json", "--output", saved]).exitCode == .success)
        let again = GradCheckTool().run(quick + ["--baseline", saved])
        #expect(again.exitCode == .success)
        #expect(again.standardOutput.contains("BASELINE \(saved): 0 regressions"))
    }

    @Test func aWorsenedStrategyIsARegressionAndFailsTheRun() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let saved = directory + "/base.json"
        #expect(GradCheckTool().run(quick + ["--format", "json", "--output", saved]).exitCode == .success)
        let worse = try StrategyRegistry([ReverseModeStrategy(), WorsenedCentralDifference()])
        let result = GradCheckTool(registry: worse).run(quick + ["--baseline", saved])
        #expect(result.exitCode == .failure)
        #expect(result.standardOutput.contains("REGRESSION starter/nutty · central-difference: "))
        #expect(result.standardOutput.contains("correct digits 10.4 → "))
        #expect(!result.standardOutput.contains("REGRESSION starter/nutty · reverse"))
    }

    @Test func aBadBaselineIsADataError() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{ not json".write(toFile: directory + "/bad.json", atomically: true, encoding: .utf8)
        let result = GradCheckTool().run(quick + ["--baseline", directory + "/bad.json"])
        #expect(result.exitCode == .invalidData)
        #expect(result.standardError.hasPrefix("error: baseline \(directory)/bad.json: "))
        #expect(GradCheckTool().run(quick + ["--baseline", directory + "/missing.json"]).standardError.contains("no such file"))
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test func theSameSeedGivesTheSameJSONWhateverTheOrderOfStrategies() {
        let tool = GradCheckTool()
        let base = ["run", "--no-timing", "--format", "json", "--seed", "11", "--function", "starter/*"]
        let first = tool.run(base + ["--strategy", "reverse", "--strategy", "hand-coded", "--strategy", "richardson"])
        let second = tool.run(base + ["--strategy", "richardson", "--strategy", "hand-coded", "--strategy", "reverse"])
        let again = tool.run(base + ["--strategy", "reverse", "--strategy", "hand-coded", "--strategy", "richardson"])
        #expect(first.exitCode == .success)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput == again.standardOutput)
        #expect(first.standardOutput != tool.run(base.dropLast(4) + ["--seed", "12", "--function", "starter/*", "--strategy", "reverse"]).standardOutput)
    }
}
