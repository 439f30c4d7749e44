import GradCheckCore

/// Measures what a strategy costs on a function: operations over ``Counted`` and time in `Double`.
public enum CostMeter {
    /// Operation counts of one derivative and of one plain evaluation at `point`, both run over
    /// `Counted<Double>`, and the strategy's own figures from the same run.
    public static func measure(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, on function: any TestFunction,
        at point: [Double]
    ) throws -> CostMeasurement {
        let counted = point.map { Counted<Double>($0) }
        let (output, derivativeCounts) = try OperationTally.measure {
            try strategy.derivative(of: function, at: counted, variant: variant)
        }
        let (_, functionCounts) = try OperationTally.measure { try function.evaluate(counted) }
        return CostMeasurement(derivative: derivativeCounts, function: functionCounts, figures: output.figures)
    }

    /// Median times (and the quartiles of their samples) of one derivative and of one plain `Double`
    /// evaluation at `point`, measured back to back with the same stopwatch.
    public static func time(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, on function: any TestFunction,
        at point: [Double], stopwatch: Stopwatch
    ) throws -> TimingMeasurement {
        let plain = try stopwatch.measure { _ = try function.evaluate(point) }
        let derivative = try stopwatch.measure {
            _ = try strategy.derivative(of: function, at: point, variant: variant)
        }
        return TimingMeasurement(
            medianNanoseconds: derivative.median, functionMedianNanoseconds: plain.median, calls: derivative.calls,
            quartilesNanoseconds: derivative.quartiles, functionQuartilesNanoseconds: plain.quartiles)
    }
}
