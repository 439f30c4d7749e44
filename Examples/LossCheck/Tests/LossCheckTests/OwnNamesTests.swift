import GradCheckTesting
import LossCheck
import Testing

/// The project declares its own `Dual` and `Tolerance`, as GradCheck does; with both modules imported the
/// unqualified names are the project's (this file would not compile if `import GradCheckTesting` brought
/// GradCheck's types of those names along).
@Suite("A project with its own Dual and Tolerance")
struct OwnNamesTests {
    let loss = LogisticLoss.example

    /// The project's forward mode, checked as a gradient of the loss along a line: d/dt L(w + t·v) at t.
    @Test func theDualDirectionalDerivativeMatchesTheLineDerivative() {
        let w = [0.5, -1.2, 2.0], v = [1.0, 0.25, -0.5]
        let line = { (t: [Double]) -> Double in loss.value(zip(w, v).map { $0 + t[0] * $1 }) }
        let derivative = { (t: [Double]) -> [Double] in
            [loss.directionalDerivative(at: zip(w, v).map { $0 + t[0] * $1 }, along: v)]
        }
        expectGradient(of: line, gradient: derivative, at: .random(5, in: [-1...1], seed: 3))
        let dual: Dual = Dual(2, derivative: 1) * Dual(3)
        #expect(dual.derivative == 3)
    }

    @Test func gradientDescentWithTheProjectsToleranceReachesAStationaryPoint() {
        let tolerance: Tolerance = Tolerance(gradientNorm: 1e-10, maximumIterations: 10_000)
        let w = loss.fit(from: [0, 0, 0], step: 0.2, tolerance: tolerance)
        let g = loss.gradient(w)
        #expect(g.map { $0 * $0 }.reduce(0, +).squareRoot() <= 1e-10)
    }
}
