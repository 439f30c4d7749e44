import Foundation
import GradCheck
import Testing

/// A one-input function given by name, generic over the scalar, with its hand-written derivative.
struct Kinked: TestFunction {
    let name: String
    var points: [[Double]]
    var id: FunctionID { FunctionID(suite: "test", name: name) }
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    var sampling: Sampling { Sampling(explicitPoints: points) }
    let hasHandCodedDerivative = true

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        switch name {
        case "abs": [S.abs(x[0]) * 3 + x[0]]
        case "relu": [S.relu(x[0]) + 0.5 * x[0]]
        case "max": [S.max(x[0], 0.25 * x[0]) * 2]
        case "steep-sine": [S.sin(1000 * x[0])]
        default: [x[0]]
        }
    }

    /// The derivative on the branch the program takes (abs: x < 0 ? −1 : +1; relu: x > 0 ? 1 : 0; max: its
    /// first argument on a tie).
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        switch name {
        case "abs": [[(x[0] < 0 ? -3 : 3) + 1]]
        case "relu": [[(x[0] > 0 ? 1 : 0) + 0.5]]
        case "max": [[0.25 * x[0] > x[0] ? 0.5 : 2]]
        case "steep-sine": [[1000 * R.cos(1000 * x[0])]]
        default: [[1]]
        }
    }
}

/// x² whose reference-number evaluation carries a deliberately wrong derivative (3x instead of 2x):
/// a stand-in for a rule bug in the reference, which the cross-check must expose.
struct ReferenceWithARuleBug: TestFunction {
    let id = FunctionID(suite: "test", name: "reference-rule-bug")
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    let sampling = Sampling(explicitPoints: [[1.5]])
    let hasHandCodedDerivative = true

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        if let r = x[0] as? ReferenceNumber<ExtendedReal>, let wrong = ReferenceNumber<ExtendedReal>(value: r.value * r.value, partials: r.partials.map { 3 * r.value * $0 }) as? S {
            return [wrong]
        }
        return [x[0] * x[0]]
    }

    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] { [[2 * x[0]]] }
}

@Suite("Verdicts: kinks, estimates, disputes, consensus, sweeps")
struct VerdictTests {
    func run(_ functions: [any TestFunction], _ strategies: [any DifferentiationStrategy] = StandardStrategies.all) -> RunReport {
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.pointsPerFunction = 10
        return Runner(reference: ExtendedForwardReference(), configuration: configuration).run(functions, strategies: strategies)
    }

    @Test(arguments: ["abs", "relu", "max"])
    func kinksGiveNoFalseFailureAtOrNearThem(name: String) {
        let points: [[Double]] = [[0], [1e-9], [-1e-9], [1e-300], [-Double.leastNonzeroMagnitude]]
        let report = run([Kinked(name: name, points: points)])
        for cell in report.cells {
            #expect(!cell.verdict.failsRun, "\(name) · \(cell.strategy): \(cell.verdict) \(cell.message ?? "")")
        }
        // Exactly at the kink the one-sided derivatives differ: the point is disputed (any value between them
        // is a convention), for every strategy. At ±1e-9 the exact strategies follow the program's branch
        // and pass; the complex step refuses a branch on its perturbed input.
        for cell in report.cells where cell.family.isExact {
            let declines = ["complex-step", "swift-autodiff"].contains(cell.strategy)  // a branch on x; no native form
            for point in cell.points {
                let x = point.point[0]
                let allowed: [Verdict] =
                    x == 0 ? (declines ? [.disputed, .unsupported] : [.disputed])  // on the kink
                    : x.magnitude < 1e-200 ? [.disputed, declines ? .unsupported : .pass]  // closer than any stencil resolves
                    : [declines ? .unsupported : .pass]
                #expect(allowed.contains(point.verdict), "\(name) · \(cell.strategy) at \(x): \(point.verdict) \(point.message ?? "")")
            }
        }
    }

    @Test func aStencilAcrossTheKinkUsesOneSidedDifferences() throws {
        let output = try CentralDifferenceStrategy().derivative(of: Kinked(name: "abs", points: []), at: [1e-9], variant: .correct)
        #expect(abs(output.jacobian[0][0] - 4) < 1e-8)
        #expect(output.caveat?.contains("one-sided quotient used") == true)  // a miss there would be inconclusive
        let forward = try ForwardDifferenceStrategy().derivative(of: Kinked(name: "abs", points: []), at: [-1e-9], variant: .correct)
        #expect(abs(forward.jacobian[0][0] - -2) < 1e-6)
    }

    @Test func aDifferenceWhoseOwnEstimateIsTooLargeIsInconclusive() throws {
        let report = run([Kinked(name: "steep-sine", points: [[0.3]])], [ForwardDifferenceStrategy()])
        let cell = try #require(report.cells.first)
        #expect(cell.verdict == .inconclusive)
        #expect(cell.message?.contains("own error estimate") == true)
        #expect(cell.points[0].errorEstimate != nil)
    }

    @Test func aRuleBugInTheReferenceIsDisputedNotBlamedOnTheStrategies() throws {
        let report = run([ReferenceWithARuleBug()], [HandCodedStrategy(), CentralDifferenceStrategy()])
        #expect(report.cells.allSatisfy { $0.verdict == .disputed })
        let message = try #require(report.cells[0].message)
        #expect(message.contains("reference disputed at ∂f/∂x: forward mode gives 4.5, extrapolated differences 3"))
    }

    @Test func richardsonIsAccurateToTwelveDigitsOnTheSeedFunction() throws {
        let output = try RichardsonStrategy().derivative(of: Nutty(), at: [2.0, 1.0], variant: .correct)
        let logTerm = log(2 / sin(1.0))
        let exact = [logTerm.squareRoot() + 0.5 / logTerm.squareRoot(), -2 * cos(1.0) / sin(1.0) / logTerm.squareRoot()]
        for j in 0..<2 {
            let error = abs(output.jacobian[0][j] - exact[j])
            #expect(error <= 1e-12 * abs(exact[j]), "entry \(j): \(error)")
            let estimate = try #require(output.errorEstimate?[0][j])
            #expect(estimate < 1e-10 && estimate > 0)
        }
    }

    @Test func aFailureNamesWhoAgrees() throws {
        let report = run([NuttyAsPrinted()], [HandCodedStrategy(), ForwardModeStrategy(), ReverseModeStrategy(), CentralDifferenceStrategy()])
        let failing = try #require(report.cells.first { $0.verdict == .fail })
        let consensus = try #require(failing.points.first { $0.verdict == .fail }?.consensus)
        #expect(consensus == "hand-coded disagrees; 3 of 3 other strategies agree with the reference (forward, reverse, central-difference)")
    }

    @Test func theSweepMeasuresFirstAndSecondOrderOnTheSeedFunction() throws {
        let reference = try ExtendedForwardReference().evaluate(Nutty(), at: [2, 1]).jacobian
        let sweep = StepSweep()
        let forward = try sweep.run(.forward, on: Nutty(), at: [2, 1], reference: reference)
        let central = try sweep.run(.central, on: Nutty(), at: [2, 1], reference: reference)
        #expect(abs(forward.convergenceOrder - 1) < 0.2, "forward order \(forward.convergenceOrder)")
        #expect(abs(central.convergenceOrder - 2) < 0.2, "central order \(central.convergenceOrder)")
        let optimum = try #require(forward.optimum)
        #expect(optimum.step < 1e-6 && optimum.step > 1e-10)
        #expect(forward.shape(tolerance: 1.5e-6) == .stepNoise)
    }

    @Test func aSweepAgainstAWrongDerivativeIsFlat() throws {
        let wrong = try HandCodedStrategy().derivative(of: NuttyAsPrinted(), at: [ExtendedReal(2), 1], variant: .correct).jacobian
        let curve = try StepSweep().run(.central, on: Nutty(), at: [2, 1], reference: wrong)
        #expect(curve.shape(tolerance: 3.7e-9) == .flat)
    }
}
