import GradCheckCore
import GradCheckSymbolic
import Testing

/// Tracing sees through control flow: each data-dependent decision becomes a path condition, and the
/// closed form is the derivative of the branch taken.
@Suite("Path conditions")
struct PathConditionTests {
    @Test func branchesLoopsAndCompositesAreRecorded() throws {
        let derivative = try SymbolicDerivative(of: Branchy(), at: [3, 0.7])
        let conditions = derivative.pathConditions.map { $0.string(inputNames: ["x1", "x2"]) }
        #expect(conditions == ["x2 > 0.5", "x1 >= 0", "x1 > 1", "x1/2 > 1", "x1/2/2 <= 1", "x2 <= x1/2/2"])
        #expect(derivative.region == "valid where " + conditions.joined(separator: " and "))
        #expect(derivative.figures[SymbolicFigure.pathConditions] == 6)
        // On that branch f = x1·x2 + x1 + x1/4 + σ(x1): ∂f/∂x1 = x2 + 1.25 + σ(x1)(1 − σ(x1)), ∂f/∂x2 = x1.
        let s = 1 / (1 + Double.exp(-3))
        let gradient = derivative.evaluate(at: [3.0, 0.7])[0]
        #expect(relativeError(gradient[0], 0.7 + 1.25 + s * (1 - s)) < 1e-14)
        #expect(gradient[1] == 3)
    }

    @Test func theOtherBranchHasItsOwnClosedForm() throws {
        let derivative = try SymbolicDerivative(of: Branchy(), at: [-3, 0.2])
        let conditions = derivative.pathConditions.map { $0.string(inputNames: ["x1", "x2"]) }
        #expect(conditions == ["x2 <= 0.5", "x1 < 0", "x1 <= 1", "x2 > x1"])
        // f = x1 + x2 − x1 + x2 + σ(x1): ∂f/∂x1 = σ′(x1), ∂f/∂x2 = 2.
        #expect(derivative.printedGradient[1] == "2")
        let s = 1 / (1 + Double.exp(3))
        #expect(relativeError(derivative.evaluate(at: [-3.0, 0.2])[0][0], s * (1 - s)) < 1e-14)
    }

    @Test func strategiesReportTheCountOfConditions() throws {
        for strategy in SymbolicStrategy.all {
            let output = try strategy.derivative(of: Branchy(), at: [3.0, 0.7], variant: .correct)
            #expect(output.figures.extra[SymbolicFigure.pathConditions] == 6, "\(strategy.id)")
        }
    }

    @Test func aFunctionWithoutBranchesHoldsEverywhere() throws {
        let derivative = try SymbolicDerivative(of: Nutty(), at: [2, 1])
        #expect(derivative.pathConditions.isEmpty)
        #expect(derivative.figures[SymbolicFigure.pathConditions] == 0)
    }

    /// Comparisons between constants decide nothing about the region; a constant side is written on the
    /// right; a comparison that was false is recorded negated; repeated decisions are recorded once.
    @Test func normalisationOfConditions() throws {
        struct Compare: PlainTestFunction {
            var id: FunctionID { FunctionID(suite: "tests", name: "compare") }
            var inputNames: [String] { ["t"] }
            func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
                var y = x[0]
                if S(1) < S(2) { y = y * 2 }
                if S(0.5) < x[0] { y = y + 1 }
                if x[0] == S(7) { y = y * 3 }
                for _ in 0..<3 where x[0] <= S(10) { y = y + x[0] }
                return [y]
            }
        }
        let derivative = try SymbolicDerivative(of: Compare(), at: [1])
        #expect(derivative.pathConditions.map { $0.string(inputNames: ["t"]) } == ["t > 0.5", "t != 7", "t <= 10"])
        #expect(derivative.printedGradient == ["5"])
    }
}
