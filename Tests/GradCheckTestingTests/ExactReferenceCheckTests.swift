import Foundation
import GradCheck
import GradCheckTesting
import Testing

@Suite("Generic functions against the exact reference")
struct ExactReferenceCheckTests {
    @Test func aCorrectGradientPasses() {
        let report = expectGradient(of: Quadratic(), gradient: QuadraticClosures.gradient, at: [1, 2])
        #expect(report.passed)
        #expect(report.points.count == 1 && report.points[0].entries.count == 2)
        #expect(report.points[0].entries.allSatisfy { $0.referenceEstimate == nil && $0.absoluteError == 0 })
        #expect(report.failureText == nil)
    }

    @Test func aCorrectGradientPassesAtSeededRandomPoints() {
        let report = expectGradient(
            of: Quadratic(), gradient: QuadraticClosures.gradient,
            at: .points([[0, 0]], plus: 20, in: [-5...5, -5...5], seed: 42))
        #expect(report.passed)
        #expect(report.points.count == 21)
    }

    @Test func aWrongGradientIsRecordedAsAnIssueAtTheCallersLine() {
        let line = #line + 2
        withKnownIssue {
            expectGradient(of: Quadratic(), gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2])
        } matching: { issue in
            // The column is that of the call's argument list, as for Swift Testing's own #expect.
            issue.sourceLocation?.fileID == #fileID && issue.sourceLocation?.line == line
                && issue.sourceLocation?.column == 27
                && issue.comments.contains { $0.rawValue.hasPrefix("gradient check failed at 1 of 1 point: 1 of 2 entries wrong") }
        }
    }

    @Test func aHandWrittenJacobianOfAGenericVectorFunction() {
        func jacobian(_ x: [Double]) -> [[Double]] {
            [[cos(x[1]), -x[0] * sin(x[1])], [sin(x[1]), x[0] * cos(x[1])]]
        }
        let points = SamplePoints.points([[2, 0.5]], plus: 5, in: [0.1...3, -3...3], seed: 3)
        #expect(expectJacobian(of: Polar(), jacobian: jacobian, at: points).passed)
        let swapped = checkJacobian(of: Polar(), jacobian: { x in [jacobian(x)[1], jacobian(x)[0]] }, at: points)
        #expect(swapped.outcome == .failed)
        #expect(swapped.badEntries.first?.entry.name.hasPrefix("∂f[") == true)
    }

    @Test func aTestFunctionAndItsOwnDerivative() {
        let nutty = CorpusClosures(function: Nutty())
        #expect(expectGradient(of: Nutty(), gradient: nutty.gradient(.correct), at: [2, 1]).passed)
        let printed = checkGradient(of: Nutty(), gradient: nutty.gradient(.mutant(0)), at: [2, 1])
        #expect(printed.outcome == .failed)
        #expect(printed.failureText?.contains("gradient of starter/nutty check failed") == true)
        #expect(printed.badEntries.map(\.entry.name) == ["∂f/∂x1", "∂f/∂x2"] || printed.badEntries.count == 2)
    }

    @Test func theWrongShapeFails() {
        let report = checkGradient(of: Quadratic(), gradient: { _ in [1, 2, 3] }, at: [1, 2])
        #expect(report.outcome == .failed)
        #expect(report.points[0].message == "wrong shape: expected 1×2, got 1×3")
    }

    @Test func nanNeverPasses() {
        let report = checkGradient(of: Quadratic(), gradient: { _ in [.nan, 3] }, at: [1, 2], rtol: .infinity, atol: .infinity)
        #expect(report.outcome == .failed)
        #expect(report.badEntries.first?.entry.name == "∂f/∂x[0]")
    }

    @Test func aThrowingGradientFails() {
        struct Unfinished: Error {}
        let report = checkGradient(of: Quadratic(), gradient: { _ in throw Unfinished() }, at: [1, 2])
        #expect(report.outcome == .failed)
        #expect(report.points[0].message?.hasPrefix("the derivative under test threw") == true)
    }

    @Test func outsideTheDomainNothingIsVerified() {
        let nutty = CorpusClosures(function: Nutty())
        let report = checkGradient(of: Nutty(), gradient: nutty.gradient(.correct), at: [-1, 1])
        #expect(report.outcome == .undecided)
        #expect(report.failureText?.contains("undecided (nothing verified there):") == true)
    }

    @Test func noPointsMeansNothingVerified() {
        let report = checkGradient(of: Quadratic(), gradient: QuadraticClosures.gradient, at: .points([]))
        #expect(report.outcome == .undecided)
        #expect(!report.passed)
    }

    @Test func aPointOfTheWrongDimensionFails() {
        let report = checkGradient(of: Quadratic(), gradient: QuadraticClosures.gradient, at: .points([[1, 2], [1, 2, 3]]))
        #expect(report.outcome == .failed)
        #expect(report.points[1].message == "the point has 3 coordinates; the function has 2 inputs")
    }

    @Test func aLooserToleranceIsHonoured() {
        let nearlyRight = { (x: [Double]) in [2 * x[0] * (1 + 1e-9), 3] }
        #expect(checkGradient(of: Quadratic(), gradient: nearlyRight, at: [1, 2]).outcome == .failed)
        #expect(checkGradient(of: Quadratic(), gradient: nearlyRight, at: [1, 2], rtol: 1e-8).passed)
        #expect(checkGradient(of: Quadratic(), gradient: nearlyRight, at: [1, 2], atol: 1e-8).passed)
    }
}

/// Brown's badly scaled function, generically: at its minimum (10⁶, 2·10⁻⁶) rounding in Double alone moves
/// ∂f/∂x2 by about 10⁻⁹, so no check in Double can certify it.
struct BrownBadlyScaled: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        let a = x[0] - 1e6, b = x[1] - 2e-6, c = x[0] * x[1] - 2
        return a * a + b * b + c * c
    }
}

@Suite("The generic shape judges as the runner does")
struct GenericShapeJudgementTests {
    static func gradient(_ x: [Double]) -> [Double] {
        [2 * (x[0] - 1e6) + 2 * (x[0] * x[1] - 2) * x[1], 2 * (x[1] - 2e-6) + 2 * (x[0] * x[1] - 2) * x[0]]
    }

    static func typo(_ x: [Double]) -> [Double] {
        [2 * (x[0] - 1e6) + 2 * (x[0] * x[1] - 2) * x[1], 2 * (x[1] - 2.001e-6) + 2 * (x[0] * x[1] - 2) * x[0]]
    }

    @Test func anIllConditionedPointIsUndecidedNotPassed() {
        for gradient in [Self.gradient, Self.typo] {
            let report = checkGradient(of: BrownBadlyScaled(), gradient: gradient, at: [1e6, 2e-6])
            #expect(!report.passed)
            #expect(report.points[0].outcome != .passed)
        }
        let message = checkGradient(of: BrownBadlyScaled(), gradient: Self.gradient, at: [1e6, 2e-6]).points[0].message ?? ""
        #expect(message.contains("ill-conditioned"), "\(message)")
    }
}
