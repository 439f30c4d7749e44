import GradCheckCore
import GradCheckEngine
import GradCheckSymbolic
import Testing

/// The strategies through the registry protocol, in every precision, against hand-coded derivatives.
@Suite("Symbolic strategies")
struct StrategyTests {
    static let functions: [any TestFunction] = [
        LogisticMap(steps: 5), ProductOfSquaresPlusOne(n: 6), NestedSine(depth: 7), RepeatedSquaring(squarings: 5),
    ]

    @Test func idsAndFamilies() throws {
        #expect(SymbolicStrategy.all.map(\.id) == ["symbolic", "symbolic-unsimplified", "symbolic-adjoint"])
        #expect(SymbolicStrategy.all.allSatisfy { $0.family == .symbolic && !$0.summary.isEmpty })
        let registry = try StrategyRegistry(SymbolicStrategy.all)
        #expect(registry.ids.count == 3)
    }

    func check<R: RealNumber>(_: R.Type, tolerance: Double) throws {
        for function in Self.functions {
            let point = function.sampling.explicitPoints[0].map { R($0) }
            let expected = try function.handCodedDerivative(.correct, at: point)
            for strategy in SymbolicStrategy.all {
                let output = try strategy.derivative(of: function, at: point, variant: .correct)
                #expect(output.jacobian.count == 1 && output.jacobian[0].count == function.inputCount)
                for (got, want) in zip(output.jacobian[0], expected[0]) {
                    #expect(
                        relativeError(got.doubleValue, want.doubleValue, floor: 1e-30) < tolerance,
                        "\(strategy.id) on \(function.id) in \(R.precisionName)")
                }
            }
        }
    }

    @Test func float() throws { try check(Float.self, tolerance: 1e-4) }
    @Test func double() throws { try check(Double.self, tolerance: 1e-12) }
    @Test func float80() throws { try check(Float80.self, tolerance: 1e-15) }
    @Test func counted() throws { try check(Counted<Double>.self, tolerance: 1e-12) }

    /// Figures: every size key the method builds, timings, passes.
    @Test func figures() throws {
        let keys: [String: [String]] = [
            "symbolic": [
                SymbolicFigure.functionTree, SymbolicFigure.functionDAG, SymbolicFigure.functionSimplifiedTree,
                SymbolicFigure.functionSimplifiedDAG, SymbolicFigure.derivativeTree, SymbolicFigure.derivativeDAG,
                SymbolicFigure.derivativeSimplifiedTree, SymbolicFigure.derivativeSimplifiedDAG,
                SymbolicFigure.evaluatedNodes, SymbolicFigure.differentiateNanoseconds,
                SymbolicFigure.simplifyNanoseconds, SymbolicFigure.pathConditions,
            ],
            "symbolic-unsimplified": [
                SymbolicFigure.functionTree, SymbolicFigure.functionDAG, SymbolicFigure.derivativeTree,
                SymbolicFigure.derivativeDAG, SymbolicFigure.evaluatedNodes, SymbolicFigure.differentiateNanoseconds,
                SymbolicFigure.pathConditions,
            ],
            "symbolic-adjoint": [
                SymbolicFigure.functionTree, SymbolicFigure.functionDAG, SymbolicFigure.functionSimplifiedTree,
                SymbolicFigure.functionSimplifiedDAG, SymbolicFigure.derivativeSimplifiedTree,
                SymbolicFigure.derivativeSimplifiedDAG, SymbolicFigure.evaluatedNodes,
                SymbolicFigure.differentiateNanoseconds, SymbolicFigure.simplifyNanoseconds,
                SymbolicFigure.pathConditions,
            ],
        ]
        for strategy in SymbolicStrategy.all {
            let output = try strategy.derivative(of: LogisticMap(steps: 3), at: [0.3], variant: .correct)
            #expect(Set(output.figures.extra.keys) == Set(keys[strategy.id]!), "\(strategy.id)")
            #expect(output.figures.passes == 1 && output.figures.functionEvaluations == 1)
            #expect(output.figures.extra[SymbolicFigure.functionDAG] == 12)
        }
    }

    @Test func mutantsAreNotTheirBusiness() {
        #expect(throws: StrategyError.self) {
            _ = try SymbolicStrategy().derivative(of: LogisticMap(steps: 2), at: [0.3], variant: .mutant(0))
        }
    }

    /// The runner checks the symbolic strategies like any other (here against the hand-coded derivative
    /// as the reference), and they pass.
    @Test func runnerPassesThem() throws {
        struct HandReference: ReferenceDerivative {
            var description: String { "hand-coded in Float80" }
            func evaluate(_ function: any TestFunction, at point: [ExtendedReal]) throws -> ReferenceResult {
                ReferenceResult(
                    value: try function.evaluate(point), jacobian: try function.handCodedDerivative(.correct, at: point))
            }
        }
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        let report = Runner(reference: HandReference(), configuration: configuration)
            .run(Self.functions, strategies: SymbolicStrategy.all)
        #expect(report.cells.count == 12)
        for cell in report.cells {
            #expect(cell.verdict == .pass, "\(cell.strategy) on \(cell.function): \(cell.message ?? "")")
        }
    }
}
