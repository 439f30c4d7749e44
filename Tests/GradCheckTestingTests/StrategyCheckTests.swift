import GradCheck
import GradCheckTesting
import Testing

/// A plugin that claims to be exact but doubles forward mode's answer.
struct DoublingPlugin: DifferentiationStrategy {
    let id = "doubling"
    let family = StrategyFamily.automatic
    let summary = "forward mode, times two"

    func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let exact = try ForwardModeStrategy().derivative(of: function, at: point, variant: variant)
        return StrategyOutput(jacobian: exact.jacobian.map { $0.map { 2 * $0 } })
    }
}

/// A plugin that handles nothing.
struct RefusingPlugin: DifferentiationStrategy {
    let id = "refusing"
    let family = StrategyFamily.automatic
    let summary = "unsupported everywhere"

    func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        throw StrategyError.unsupported("not implemented yet")
    }
}

@Suite("Strategies against the corpus")
struct StrategyCheckTests {
    @Test(arguments: StandardStrategies.all.map(\.id))
    func everyStandardStrategyPassesOnTheCorpus(id: String) throws {
        let strategy = try #require(StandardStrategies.registry()[id])
        let report = expectStrategy(strategy)
        #expect(report.passed)
        #expect(report.points.contains { $0.outcome == .passed })
    }

    @Test func aWrongPluginFailsAndNamesTheFunctions() {
        let report = checkStrategy(DoublingPlugin(), points: 2)
        #expect(report.outcome == .failed)
        let failing = Set(report.points.filter { $0.outcome == .failed }.compactMap(\.function))
        #expect(failing.contains("starter/rosenbrock[n=10]") && failing.contains("starter/polar-to-cartesian"))
        #expect(report.failureText?.contains("replay: the same call (13 functions, points: 2, seed: 1)") == true)
    }

    @Test func aStrategyThatVerifiesNothingDoesNotPass() {
        let report = checkStrategy(RefusingPlugin(), on: [CubicPolynomial()])
        #expect(report.outcome == .undecided)
        #expect(report.failureText?.contains("unsupported: not implemented yet") == true || report.failureText?.contains("not implemented yet") == true)
    }

    @Test func handCodedMutantsMustBeCaughtAndTheNegativeControlFails() {
        #expect(checkStrategy(HandCodedStrategy(), on: [Nutty()]).passed)  // its mutant is caught
        let control = checkStrategy(HandCodedStrategy(), on: [NuttyAsPrinted()])
        #expect(control.outcome == .failed)
        #expect(control.badEntries.first?.point.function == "starter/nutty-as-printed")
    }

    @Test func aChosenSuiteAndToleranceOverride() {
        // Doubling is a relative error of exactly 1: it fails by default, passes when rtol allows 1.5,
        // and fails again below 1.
        #expect(checkStrategy(DoublingPlugin(), on: [ExpSinSquare(), SharedNodes()]).outcome == .failed)
        #expect(checkStrategy(DoublingPlugin(), on: [ExpSinSquare(), SharedNodes()], rtol: 1.5).passed)
        #expect(checkStrategy(DoublingPlugin(), on: [ExpSinSquare(), SharedNodes()], rtol: 0.9).outcome == .failed)
    }
}
