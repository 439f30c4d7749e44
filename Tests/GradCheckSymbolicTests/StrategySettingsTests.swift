import GradCheckCore
import GradCheckSymbolic
import Testing

/// A run's settings reach the strategies they concern through `adopting(_:)`: the symbolic strategies take
/// the expression size cap, and keep their own default when the run sets none.
@Suite struct StrategySettingsTests {
    @Test func theSymbolicStrategiesAdoptTheNodeLimit() throws {
        for strategy in SymbolicStrategy.all {
            let capped = try #require(strategy.adopting(StrategySettings(expressionNodeLimit: 77)) as? SymbolicStrategy)
            #expect(capped.nodeLimit == 77 && capped.method == strategy.method)
            let unchanged = try #require(strategy.adopting(StrategySettings()) as? SymbolicStrategy)
            #expect(unchanged.nodeLimit == strategy.nodeLimit)
        }
    }
}
