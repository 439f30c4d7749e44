import GradCheckCore
import GradCheckEngine
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// Reverse mode costs one forward and one reverse sweep: ω = ops(∇f)/ops(f) is a constant, whatever n.
@Suite struct ReverseCostTests {
    @Test(arguments: [10, 100])
    func rosenbrockGradientIsRight(_ n: Int) throws {
        let f = Rosenbrock(n: n)
        let output = try ReverseModeStrategy().derivative(of: f, at: f.point(), variant: .correct)
        for (ad, hand) in zip(output.jacobian[0], f.gradient(f.point())) {
            #expect(close(ad, hand, rtol: 1e-14))
        }
        #expect(output.figures.passes == 2)
    }

    @Test(arguments: [10, 100])
    func costRatioIsBoundedIndependentlyOfN(_ n: Int) throws {
        let f = Rosenbrock(n: n)
        let cost = try CostMeter.measure(ReverseModeStrategy(), variant: .correct, on: f, at: f.point())
        let entries = cost.figures.tapeEntries!, bytes = cost.figures.tapeBytes!
        #expect(cost.ratio <= 4.5)
        #expect(Double(bytes) / Double(entries) <= 16)
    }
}
