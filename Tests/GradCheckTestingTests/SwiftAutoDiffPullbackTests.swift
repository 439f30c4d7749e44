#if canImport(_Differentiation)
import _Differentiation
import Foundation
import GradCheckTesting
import Testing

/// f(x) = (x₀·x₁, x₀ + sin x₁), differentiated by Swift's AD.
@differentiable(reverse)
func productAndSine(_ x: [Double]) -> [Double] { [x[0] * x[1], x[0] + sin(x[1])] }

/// The same f with a pullback registered by hand that has ∂f₀/∂x₀ and ∂f₀/∂x₁ swapped.
func lopsided(_ x: [Double]) -> [Double] { [x[0] * x[1], x[0] + sin(x[1])] }

@derivative(of: lopsided)
func lopsidedVJP(_ x: [Double]) -> (value: [Double], pullback: (Array<Double>.TangentVector) -> Array<Double>.TangentVector) {
    // The true pullback is w ↦ (w₀·x₁ + w₁, w₀·x₀ + w₁·cos x₁); this one swaps x₀ and x₁ in ∂f₀.
    (lopsided(x), { w in
        let w0 = w.base.isEmpty ? 0 : w.base[0], w1 = w.base.count < 2 ? 0 : w.base[1]
        return Array<Double>.DifferentiableView([w0 * x[0] + w1, w0 * x[1] + w1 * cos(x[1])])
    })
}

@differentiable(reverse)
func callsLopsided(_ x: [Double]) -> [Double] { lopsided(x) }

@Suite("Swift AD pullbacks")
struct SwiftAutoDiffPullbackTests {
    @Test func swiftsPullbacksPass() {
        let box: [ClosedRange<Double>] = [-2...2, -2...2]
        #expect(expectSwiftPullback(of: polarToCartesian, at: .random(4, in: box, seed: 3), directions: .randomAndUnitBasis()).passed)
        #expect(expectSwiftPullback(of: productAndSine, at: .random(4, in: box, seed: 3)).passed)
        #expect(expectSwiftPullback(of: lossWithSoftplus, at: .random(4, in: box, seed: 3)).passed)
    }

    @Test func aWrongCustomPullbackIsCaughtNamingTheEntries() {
        let report = checkSwiftPullback(of: callsLopsided, at: [0.5, 2], directions: .unitBasis)
        #expect(report.outcome == .failed)
        #expect(report.subject == "Swift AD pullback")
        #expect(report.badEntries.map(\.entry.name).sorted() == ["vjp(e0)[0] = ∂f[0]/∂x[0]", "vjp(e0)[1] = ∂f[0]/∂x[1]"])
        #expect(checkSwiftPullback(of: lossWithSloppySoftplus, at: [0.5, 2]).outcome == .failed)
    }
}
#endif
