/// Settings a run gives every strategy; each strategy takes those that concern it (see
/// ``DifferentiationStrategy/adopting(_:)``) and ignores the rest, so the command line needs to know no
/// strategy's type.
public struct StrategySettings: Sendable, Equatable {
    /// The most nodes a symbolic strategy's expressions may grow to before it gives up as `unsupported`
    /// (`--max-nodes`); nil: each strategy's own default.
    public var expressionNodeLimit: Int?

    public init(expressionNodeLimit: Int? = nil) {
        self.expressionNodeLimit = expressionNodeLimit
    }
}

extension DifferentiationStrategy {
    /// This strategy with the `settings` that concern it; by default the strategy unchanged.
    public func adopting(_ settings: StrategySettings) -> any DifferentiationStrategy { self }
}
