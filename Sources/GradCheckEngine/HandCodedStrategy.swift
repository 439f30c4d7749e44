import GradCheckCore

/// The function's own hand-written gradient or Jacobian (or one of its mutants).
///
/// Evaluated in the requested precision; exact up to rounding when it is right. A function without a
/// hand-written derivative is `unsupported`.
public struct HandCodedStrategy: DifferentiationStrategy {
    public let id = "hand-coded"
    public let family = StrategyFamily.handCoded
    public let summary = "the function's hand-written gradient or Jacobian"

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        if variant == .correct && !function.hasHandCodedDerivative {
            throw StrategyError.unsupported("no hand-written derivative")
        }
        return StrategyOutput(
            jacobian: try function.handCodedDerivative(variant, at: point),
            figures: StrategyFigures(passes: 1))
    }
}
