import Foundation
import GradCheck
import Testing

/// Richardson extrapolation that carries the noise of its quotients (``RichardsonExtrapolation/tracksNoise``).
@Suite("Richardson extrapolation with measured noise")
struct RichardsonNoiseTests {
    /// sin(x) plus noise of standard deviation σ, a fixed pseudo-random function of x's bits.
    static func noisySine(_ x: Double, sigma: Double) -> Double {
        var generator = SeededGenerator(seed: x.bitPattern)
        return sin(x) + sigma * generator.nextDouble(in: -3.0.squareRoot()...3.0.squareRoot())
    }

    static func extrapolate(sigma: Double, tracksNoise: Bool, at x: Double) -> RichardsonExtrapolation.Estimate<Double>? {
        var extrapolation = RichardsonExtrapolation()
        extrapolation.tracksNoise = tracksNoise
        return extrapolation.extrapolate(from: 0.1, errorExponentStep: 2) { h in
            let quotient = (noisySine(x + h, sigma: sigma) - noisySine(x - h, sigma: sigma)) / (2 * h)
            return DifferenceSample(values: [quotient], noise: [3 * 2.0.squareRoot() * sigma / (2 * h)])
        }
    }

    @Test(arguments: [1e-12, 1e-9, 1e-6])
    func theEstimateCoversTheNoise(sigma: Double) throws {
        for x in [0.4, 1.0, 2.3] {
            let estimate = try #require(Self.extrapolate(sigma: sigma, tracksNoise: true, at: x))
            let error = abs(estimate.values[0] - cos(x))
            // The error is within the estimate, and the estimate is at least the noise of the quotients.
            #expect(error <= estimate.errors[0], "x = \(x), σ = \(sigma): error \(error), estimate \(estimate.errors[0])")
            #expect(estimate.errors[0] >= estimate.noise[0] && estimate.noise[0] >= 3 * 2.0.squareRoot() * sigma / 0.2)
            #expect(estimate.errors[0] < 1e4 * sigma, "a useful estimate: \(estimate.errors[0])")
        }
    }

    @Test func bothModesAgreeOnANoiselessFunction() throws {
        // With no noise, tracking changes neither the value nor its accuracy.
        let estimate = try #require(Self.extrapolate(sigma: 0, tracksNoise: false, at: 1.0))
        #expect(abs(estimate.values[0] - cos(1.0)) < 1e-12)
        let tracked = try #require(Self.extrapolate(sigma: 0, tracksNoise: true, at: 1.0))
        #expect(abs(tracked.values[0] - cos(1.0)) < 1e-12)
    }
}
