#if canImport(_Differentiation)
import _Differentiation
import GradCheckCore

/// `swift-autodiff`: Swift's own reverse-mode AD (`_Differentiation`) on the function's native
/// `@differentiable(reverse)` form (``NativelyDifferentiable``).
///
/// - Functions without a native form are `unsupported`.
/// - Swift's AD runs the native `Double` code, so the strategy computes in `Double` only; any other
///   precision (`Float`, or ``Counted`` for operation counts) is `unsupported` rather than quietly
///   computed in `Double` and converted. Its cost therefore shows as not measured; its timing is real.
/// - One forward sweep and one pullback per output row.
public struct SwiftAutoDiffStrategy: DifferentiationStrategy {
    public let id = "swift-autodiff"
    public let family = StrategyFamily.automatic
    public let summary = "Swift's _Differentiation (reverse mode) on the function's native @differentiable form"

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        guard let native = function as? any NativelyDifferentiable else {
            throw StrategyError.unsupported("no native @differentiable(reverse) form")
        }
        guard R.self == Double.self else {
            throw StrategyError.unsupported("Swift's AD runs the native Double form; \(R.precisionName) was asked for")
        }
        let rows: [[Double]]
        do {
            rows = try SwiftAutoDiff.jacobian(of: native.nativeForm, at: point.map(\.doubleValue))
        } catch let error as SwiftAutoDiff.ShapeError {
            throw StrategyError.failed(error.description)
        }
        return StrategyOutput(
            jacobian: rows.map { $0.map { R(extended: ExtendedReal($0)) } },
            figures: StrategyFigures(passes: 1 + rows.count))
    }
}
#endif
