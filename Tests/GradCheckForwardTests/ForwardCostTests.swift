import GradCheckCore
import GradCheckEngine
import GradCheckTestFixtures
import GradCheckForward
import Testing

/// Forward mode costs n passes: O(n·ops(f)).
@Suite struct ForwardCostTests {
    @Test(arguments: [10, 100])
    func rosenbrockGradientIsRight(_ n: Int) throws {
        let f = Rosenbrock(n: n)
        let output = try ForwardModeStrategy().derivative(of: f, at: f.point(), variant: .correct)
        for (ad, hand) in zip(output.jacobian[0], f.gradient(f.point())) {
            #expect(close(ad, hand, rtol: 1e-14))
        }
        #expect(output.figures.passes == n)
    }

    @Test func operationCountGrowsWithTheNumberOfInputs() throws {
        var flops: [Int: Int] = [:]
        for n in [10, 100] {
            let f = Rosenbrock(n: n)
            let cost = try CostMeter.measure(ForwardModeStrategy(), variant: .correct, on: f, at: f.point())
            flops[n] = cost.derivative.total
            #expect(cost.ratio >= Double(n), "ω grows like n")
        }
        let growth = Double(flops[100]!) / Double(flops[10]!)
        #expect(growth >= 50)
    }
}
