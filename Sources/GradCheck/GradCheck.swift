@_exported import GradCheckAutoDiff
@_exported import GradCheckCore
@_exported import GradCheckEngine
@_exported import GradCheckForward
@_exported import GradCheckNumeric
@_exported import GradCheckReverse
@_exported import GradCheckSuites
@_exported import GradCheckSymbolic

/// The standard set of strategies, in the order reports list them.
public enum StandardStrategies {
    /// Every built-in strategy: the portable ones, then `swift-autodiff` where the toolchain has `_Differentiation`.
    public static var all: [any DifferentiationStrategy] { portable + AutoDiffStrategies.available }

    /// The built-in strategies that need nothing beyond the standard library.
    public static var portable: [any DifferentiationStrategy] {
        [
            HandCodedStrategy(),
            ForwardModeStrategy(),
            ChunkedForwardModeStrategy(),
            ReverseModeStrategy(),
            ForwardDifferenceStrategy(),
            CentralDifferenceStrategy(),
            RichardsonStrategy(),
            ComplexStepStrategy(),
        ] + SymbolicStrategy.all
    }

    /// A registry holding every built-in strategy; plugins may be registered into it under new ids.
    public static func registry() -> StrategyRegistry {
        // The built-in ids are distinct by construction, so registration cannot fail.
        var registry = StrategyRegistry()
        for strategy in all { try? registry.register(strategy) }
        return registry
    }
}
