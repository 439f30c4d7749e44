#if canImport(_Differentiation)
import _Differentiation
import GradCheckCore

/// A test function that also comes in a form Swift's own AD can differentiate: the same mathematics
/// written over `Double` as a `@differentiable(reverse)` function.
///
/// The generic ``TestFunction/evaluate(_:)`` stays the function's definition (every other strategy and
/// the reference run it); the native form is a second, independent transcription that the
/// `swift-autodiff` strategy (``SwiftAutoDiffStrategy``) differentiates with `_Differentiation`. A
/// mismatch between the two transcriptions shows up as a failure of `swift-autodiff` alone.
public protocol NativelyDifferentiable: TestFunction {
    /// The function over `Double`, differentiable by Swift's AD.
    var nativeForm: NativeDifferentiableForm { get }
}

/// A function over `Double` in a form Swift's reverse-mode AD can differentiate.
public enum NativeDifferentiableForm {
    /// A scalar function (one output): its derivative is the gradient.
    case scalar(@differentiable(reverse) ([Double]) -> Double)
    /// A vector-valued function: its derivative is the Jacobian, one pullback per output row.
    case vector(@differentiable(reverse) ([Double]) -> [Double])
}
#endif
