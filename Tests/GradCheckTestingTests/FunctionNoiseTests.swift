import Foundation
@testable import GradCheckTesting
import Testing

/// ECnoise on functions whose noise is known by construction.
@Suite("The noise level of a closure")
struct FunctionNoiseTests {
    /// σ·u(x) with u uniform on [−√3, √3] (standard deviation 1), a fixed pseudo-random function of x's bits.
    static func noise(_ x: Double, sigma: Double) -> Double {
        var generator = SeededGenerator(seed: x.bitPattern)
        return sigma * generator.nextDouble(in: -3.0.squareRoot()...3.0.squareRoot())
    }

    static func estimate(at x: Double, _ f: (Double) -> Double) -> Double {
        FunctionNoise.estimate(center: [f(x)], scale: x.magnitude) { delta in [f(x + delta)] }[0]
    }

    @Test(arguments: [1e-12, 1e-10, 1e-8, 1e-6])
    func addedNoiseIsMeasuredWithinAFactorOfThree(sigma: Double) {
        for x in [0.3, 1.7, -2.4] {
            let measured = Self.estimate(at: x) { sin($0) + 2 + Self.noise($0, sigma: sigma) }
            #expect(measured > sigma / 3 && measured < 3 * sigma, "x = \(x): σ = \(sigma), measured \(measured)")
        }
    }

    @Test func aValueRoundedToThirtyBitsHasTheNoiseOfItsQuantum() {
        // Rounding to a quantum q is noise of standard deviation q/√12.
        let quantum = pow(2.0, -29.0)  // values in [1, 2): 30 significant bits
        let measured = Self.estimate(at: 0.9) { roundedToBits(1.2 + 0.1 * sin($0), 30) }
        #expect(measured > quantum / 12.0.squareRoot() / 3 && measured < 3 * quantum / 12.0.squareRoot(), "\(measured)")
    }

    @Test func aSmoothDoubleFunctionHasRoundingNoiseOnly() {
        let measured = Self.estimate(at: 1.3) { exp($0) * cos($0) + 4 }
        #expect(measured < 1e-15)
    }

    @Test func aCurvatureJumpIsNotTakenForNoise() {
        // Huber's loss at r = δ: the second derivative jumps; the trace of that jump shrinks with h.
        let huber = { (r: Double) in abs(r) <= 1 ? r * r / 2 : abs(r) - 0.5 }
        #expect(Self.estimate(at: 1) { huber($0) } < 1e-12)
    }

    @Test func aDifferenceTableOfPureNoiseIsAcceptedAndATrendIsNot() {
        let noisy = (0..<7).map { Self.noise(Double($0), sigma: 1e-9) + 5 }
        let verdict = FunctionNoise.judge(noisy)
        let accepted = if case .noise(let level) = verdict { level > 1e-10 && level < 1e-8 } else { false }
        #expect(accepted, "\(verdict)")
        let trend = FunctionNoise.judge((0..<7).map { 1 + 1e-3 * Double($0 * $0 * $0) })
        #expect(trend == .inconclusive || trend == .stepTooLarge)
        #expect(FunctionNoise.judge([1, 1, 1, 1, 1, 1, 1]) == .stepTooSmall)
        #expect(FunctionNoise.judge([1, 2, 3, 4, 5, 6, 7]) == .stepTooLarge)
    }
}
