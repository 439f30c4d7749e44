#if canImport(_Differentiation)
import _Differentiation
import Foundation
import GradCheckAutoDiff
import GradCheckCore

// Native `@differentiable(reverse)` transcriptions of starter functions, for the `swift-autodiff`
// strategy. Each is written out again over `Double` (not derived from the generic `evaluate`), so Swift's
// AD is checked on its own code path against the reference.

extension Rosenbrock: NativelyDifferentiable {
    /// f(x) = Σᵢ 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², a loop over `[Double]`.
    public var nativeForm: NativeDifferentiableForm { .scalar(nativeRosenbrock) }
}

/// Rosenbrock over `[Double]`, differentiable by Swift's AD (the benchmark uses it too).
@differentiable(reverse)
public func nativeRosenbrock(_ x: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<(withoutDerivative(at: x.count) - 1) {
        let valley = x[i + 1] - x[i] * x[i]
        let offset = 1 - x[i]
        sum += 100 * valley * valley + offset * offset
    }
    return sum
}

extension PolarToCartesian: NativelyDifferentiable {
    /// (r, θ) ↦ (r·cos θ, r·sin θ): two outputs, so Swift's AD takes one pullback per row.
    public var nativeForm: NativeDifferentiableForm { .vector(nativePolarToCartesian) }
}

@differentiable(reverse)
func nativePolarToCartesian(_ x: [Double]) -> [Double] {
    [x[0] * cos(x[1]), x[0] * sin(x[1])]
}
#endif
