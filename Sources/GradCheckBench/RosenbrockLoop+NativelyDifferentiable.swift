#if canImport(_Differentiation)
import GradCheck

/// The benchmark's Rosenbrock loop in Swift's own AD, so that `swift-autodiff` is timed side by side with
/// the tape on the same function: `nativeRosenbrock` is the same loop over `[Double]`.
extension RosenbrockLoop: NativelyDifferentiable {
    public var nativeForm: NativeDifferentiableForm { .scalar(nativeRosenbrock) }
}
#endif
