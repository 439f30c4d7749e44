#if canImport(_Differentiation)
import _Differentiation
import Foundation
import GradCheck
import GradCheckTesting
import Testing

// A custom derivative registered with Swift's AD, right and wrong: the checks see through `gradient(at:of:)`
// to the `@derivative(of:)` the function reaches.

/// softplus(x) = ln(1 + eˣ), with its derivative σ(x) registered by hand.
func softplus(_ x: Double) -> Double { log1p(exp(x)) }

@derivative(of: softplus)
func softplusVJP(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
    (softplus(x), { v in v / (1 + exp(-x)) })
}

/// The same function with a deliberately wrong registered derivative: eˣ instead of eˣ/(1 + eˣ).
func sloppySoftplus(_ x: Double) -> Double { log1p(exp(x)) }

@derivative(of: sloppySoftplus)
func sloppySoftplusVJP(_ x: Double) -> (value: Double, pullback: (Double) -> Double) {
    (sloppySoftplus(x), { v in v * exp(x) })
}

@differentiable(reverse)
func lossWithSoftplus(_ x: [Double]) -> Double { softplus(x[0]) * x[1] + x[1] * x[1] }

@differentiable(reverse)
func lossWithSloppySoftplus(_ x: [Double]) -> Double { sloppySoftplus(x[0]) * x[1] + x[1] * x[1] }

/// The same loss, generically: the exact reference for the Swift functions above.
struct SoftplusLoss: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { S.softplus(x[0]) * x[1] + x[1] * x[1] }
}

@differentiable(reverse)
func polarToCartesian(_ x: [Double]) -> [Double] { [x[0] * cos(x[1]), x[0] * sin(x[1])] }

@Suite("Swift's own AD")
struct SwiftAutoDiffTests {
    static let box: [ClosedRange<Double>] = [-3...3, -2...2]

    @Test func aCorrectCustomDerivativePasses() {
        #expect(expectSwiftGradient(of: lossWithSoftplus, at: .random(8, in: Self.box, seed: 4)).passed)
        #expect(expectSwiftGradient(of: lossWithSoftplus, reference: SoftplusLoss(), at: .random(8, in: Self.box, seed: 4)).passed)
    }

    @Test func aWrongCustomDerivativeIsCaughtByTheDifferenceReference() {
        let report = checkSwiftGradient(of: lossWithSloppySoftplus, at: [0.5, 2])
        #expect(report.outcome == .failed)
        #expect(report.badEntries.map(\.entry.name) == ["∂f/∂x[0]"])
        #expect(report.failureText?.hasPrefix("Swift AD gradient check failed at 1 of 1 point: 1 of 2 entries wrong") == true)
        let line = #line + 2
        withKnownIssue {
            expectSwiftGradient(of: lossWithSloppySoftplus, at: [0.5, 2])
        } matching: { issue in
            issue.sourceLocation?.line == line
        }
    }

    @Test func aWrongCustomDerivativeIsCaughtByTheExactReference() {
        let report = checkSwiftGradient(of: lossWithSloppySoftplus, reference: SoftplusLoss(), at: .random(5, in: Self.box, seed: 4))
        #expect(report.outcome == .failed)
        #expect(report.points.allSatisfy { $0.outcome == .failed })
        #expect(report.reference == ExtendedForwardReference().description)
    }

    @Test func jacobiansByOnePullbackPerRow() {
        #expect(expectSwiftJacobian(of: polarToCartesian, at: .random(5, in: [0.1...3, -3...3], seed: 8)).passed)
    }

    @Test func aConstantFunctionHasAZeroGradientNotAnEmptyOne() throws {
        let constant: @differentiable(reverse) ([Double]) -> Double = { _ in 3 }
        #expect(try SwiftAutoDiff.gradient(of: constant, at: [1, 2, 3]) == [0, 0, 0])
        #expect(expectSwiftGradient(of: constant, at: [1, 2, 3]).passed)
    }

    @Test func theSwiftAutoDiffStrategyAgreesWithTheReferenceOnRosenbrock() {
        let functions: [any TestFunction] = [Rosenbrock(n: 2), Rosenbrock(n: 10), Rosenbrock(n: 100), PolarToCartesian()]
        let report = expectStrategy(SwiftAutoDiffStrategy(), on: functions, points: 5)
        #expect(report.passed)
        // 5 random points each, after the explicit points (PolarToCartesian has 1).
        #expect(report.points.count == 21 && report.points.allSatisfy { $0.outcome == .passed })
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.pointsPerFunction = 5
        let run = Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run(functions, strategies: [SwiftAutoDiffStrategy()])
        let worst = run.cells.flatMap(\.points).compactMap { $0.errors?.normwiseRelative }.max() ?? .nan
        #expect(worst <= 1e-14, "worst normwise relative error \(worst)")
    }

    @Test func theStrategyIsRegisteredAndHonestAboutWhatItCannotDo() throws {
        #expect(AutoDiffStrategies.isAvailable)
        #expect(StandardStrategies.all.map(\.id).last == "swift-autodiff")
        #expect(StandardStrategies.registry()["swift-autodiff"]?.family == .automatic)
        let strategy = SwiftAutoDiffStrategy()
        #expect(throws: StrategyError.unsupported("no native @differentiable(reverse) form")) {
            try strategy.derivative(of: CubicPolynomial(), at: [1.0], variant: .correct)
        }
        #expect(throws: StrategyError.unsupported("Swift's AD runs the native Double form; Float was asked for")) {
            try strategy.derivative(of: Rosenbrock(n: 3), at: [Float(1), 2, 3], variant: .correct)
        }
        let gradient = try strategy.derivative(of: Rosenbrock(n: 3), at: [1.0, 2, 3], variant: .correct).jacobian
        #expect(gradient == (try Rosenbrock(n: 3).handCodedDerivative(.correct, at: [1.0, 2, 3])))
    }
}
#endif
