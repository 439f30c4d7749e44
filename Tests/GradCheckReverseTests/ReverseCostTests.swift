import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// f(x) = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², i = 0 … n − 2.
struct Rosenbrock: ExampleFunction {
    let n: Int
    var inputNames: [String] { (0..<n).map { "x[\($0)]" } }
    var outputCount: Int { 1 }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var sum: S = 0
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i]
            let b = 1 - x[i]
            sum = sum + 100 * a * a + b * b
        }
        return [sum]
    }

    /// The gradient by hand.
    func gradient(_ x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: n)
        for i in 0..<(n - 1) {
            let a = x[i + 1] - x[i] * x[i]
            g[i] += -400 * a * x[i] - 2 * (1 - x[i])
            g[i + 1] += 200 * a
        }
        return g
    }

    func point() -> [Double] { (0..<n).map { 0.5 + 0.37 * Double.sin(Double($0)) } }
}

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
        print("reverse mode, Rosenbrock n = \(n): ops(f) = \(cost.function.total), "
            + "ops(∇f) = \(cost.derivative.total), ω = \(cost.ratio); tape \(entries) entries, \(bytes) bytes "
            + "(\(Double(bytes) / Double(entries)) bytes per entry)")
        #expect(cost.ratio <= 4.5)
        #expect(Double(bytes) / Double(entries) <= 16)
    }
}
