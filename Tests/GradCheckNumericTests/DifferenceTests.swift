import Foundation
import GradCheck
import Testing

/// f(x, y) = (exp(x)·sin(y), x³ − y): a vector-valued function with known derivatives.
struct ExpSin: TestFunction {
    let id = FunctionID(suite: "test", name: "exp-sin")
    let summary = ""
    let inputNames = ["x", "y"]
    let outputCount = 2
    let sampling = Sampling()
    let hasHandCodedDerivative = true
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [S.exp(x[0]) * S.sin(x[1]), x[0] * x[0] * x[0] - x[1]]
    }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        [[R.exp(x[0]) * R.sin(x[1]), R.exp(x[0]) * R.cos(x[1])], [3 * x[0] * x[0], -1]]
    }
}

@Suite("Finite differences")
struct DifferenceTests {
    let point: [Double] = [0.7, 1.3]
    var exact: [[Double]] {
        [[exp(0.7) * sin(1.3), exp(0.7) * cos(1.3)], [3 * 0.49, -1]]
    }

    func maxRelativeError(_ a: [[Double]], _ b: [[Double]]) -> Double {
        zip(a.joined(), b.joined()).map { abs($0 - $1) / max(abs($1), 1e-300) }.max() ?? 0
    }

    @Test func forwardDifferenceIsAccurateToAboutHalfThePrecision() throws {
        let output = try ForwardDifferenceStrategy().derivative(of: ExpSin(), at: point, variant: .correct)
        let error = maxRelativeError(output.jacobian, exact)
        #expect(error < 1e-6 && error > 1e-12)  // O(√ε), and a difference is never exact here
        #expect(output.figures.functionEvaluations == 3)
    }

    @Test func centralDifferenceIsAccurateToAboutTwoThirdsOfThePrecision() throws {
        let output = try CentralDifferenceStrategy().derivative(of: ExpSin(), at: point, variant: .correct)
        let error = maxRelativeError(output.jacobian, exact)
        #expect(error < 1e-9 && error > 1e-15)
        #expect(output.figures.functionEvaluations == 5)  // 2n, plus f(x) for its branch decisions
        #expect(output.jacobian.count == 2 && output.jacobian[0].count == 2)
    }

    @Test func singlePrecisionStepsScaleWithItsEpsilon() throws {
        let output = try CentralDifferenceStrategy().derivative(of: ExpSin(), at: point.map(Float.init), variant: .correct)
        let error = maxRelativeError(output.jacobian.map { $0.map(Double.init) }, exact)
        #expect(error < 1e-3)
    }

    @Test func stepsAreExactlyRepresentable() {
        for x in [0.1, 1.0 / 3, 123.456, -7.77e5, 1e-8] {
            let h = DifferenceStep.step(at: x, scale: Double.ulpOfOne.squareRoot())
            #expect((x + h) - x == h, "x = \(x)")
            #expect(h >= Double.ulpOfOne.squareRoot() * max(1, abs(x)) * 0.5)
        }
    }

    @Test func theStepGrowsWithTheCoordinate() {
        let small = DifferenceStep.step(at: 1.0, scale: 1e-5)
        let large = DifferenceStep.step(at: 1e6, scale: 1e-5)
        #expect(abs(small - 1e-5) < 1e-15)
        #expect(abs(large / small - 1e6) < 1)
    }
}
