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
    func everyStandardStrategyPassesOnTheStarterCorpus(id: String) throws {
        let strategy = try #require(StandardStrategies.registry()[id])
        let report = expectStrategy(strategy, on: CheckDefaults.starterCorpus)
        #expect(report.passed)
        #expect(report.points.contains { $0.outcome == .passed })
    }

    /// The default corpus is the standard one: the 81 `.grad` functions, then the 13 of the starter
    /// corpus, without negative controls — what `gradcheck run` checks with no path.
    @Test func theDefaultCorpusIsTheStandardCorpus() {
        #expect(CheckDefaults.standardCorpus.count == 81)
        #expect(CheckDefaults.starterCorpus.count == 13)
        #expect(CheckDefaults.corpus.map(\.id) == (CheckDefaults.standardCorpus + CheckDefaults.starterCorpus).map(\.id))
        #expect(Set(CheckDefaults.standardCorpus.map(\.id.suite)) == Set(StandardCorpus.suiteNames))
        #expect(!CheckDefaults.corpus.contains { $0.tags.contains("negative-control") })
        #expect(expectStrategy(ForwardModeStrategy(), points: 1).passed)
    }

    @Test func aWrongPluginFailsAndNamesTheFunctions() {
        let report = checkStrategy(DoublingPlugin(), points: 2)
        #expect(report.outcome == .failed)
        let failing = Set(report.points.filter { $0.outcome == .failed }.compactMap(\.function))
        #expect(failing.contains("starter/rosenbrock[n=10]") && failing.contains("starter/polar-to-cartesian"))
        #expect(failing.contains { $0.hasPrefix("classic/") })
        #expect(report.failureText?.contains("replay: swift test --filter 'aWrongPluginFailsAndNamesTheFunctions' "
            + "(the same call checks the same points: 94 functions, points: 2, seed: 1)") == true)
    }

    /// `gradcheck` cannot load a plugin, so the replay names the test and how to narrow the call; a
    /// strategy `gradcheck` knows also gets the command.
    @Test func theReplayNamesTheTestAndACommandOnlyForKnownStrategies() throws {
        let plugin = try #require(checkStrategy(DoublingPlugin(), on: [CubicPolynomial()], points: 1).replayHint)
        #expect(plugin == "swift test --filter 'theReplayNamesTheTestAndACommandOnlyForKnownStrategies' (the same call "
            + "checks the same points: 1 function, points: 1, seed: 1); only the first failing function: "
            + "on: functions.filter { $0.id.description == \"starter/cubic\" }")
        #expect(!plugin.contains("gradcheck run"))
        let known = try #require(checkStrategy(HandCodedStrategy(), on: [NuttyAsPrinted()], points: 1).replayHint)
        #expect(known.hasSuffix("; or gradcheck run --strategy hand-coded --function 'starter/nutty-as-printed' --seed 1 --points 1"))
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
