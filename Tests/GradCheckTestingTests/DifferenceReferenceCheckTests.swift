import Foundation
import GradCheckTesting
import Testing

@Suite("Closures over Double against the difference reference")
struct DifferenceReferenceCheckTests {
    @Test func aCorrectGradientPasses() {
        let report = expectGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.gradient, at: [1, 2])
        #expect(report.passed)
        #expect(report.points[0].entries.allSatisfy { $0.referenceEstimate != nil })
    }

    @Test func aWrongGradientIsRecordedAtTheCallersLine() {
        let line = #line + 2
        withKnownIssue {
            expectGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2])
        } matching: { issue in
            issue.sourceLocation?.line == line
                && issue.comments.contains { $0.rawValue.contains("worst: ∂f/∂x[0] at point 1: got 1, reference 2") }
        }
    }

    @Test func closuresOfSeveralInputsAndOutputs() {
        let softmax = { (x: [Double]) -> [Double] in
            let e = x.map { exp($0) }
            let s = e.reduce(0, +)
            return e.map { $0 / s }
        }
        let jacobian = { (x: [Double]) -> [[Double]] in
            let p = softmax(x)
            return p.indices.map { i in p.indices.map { j in p[i] * ((i == j ? 1 : 0) - p[j]) } }
        }
        let box: [ClosedRange<Double>] = Array(repeating: -3...3, count: 4)
        #expect(expectJacobian(of: softmax, jacobian: jacobian, at: .random(10, in: box, seed: 5)).passed)
        let transposedWrongly = { (x: [Double]) -> [[Double]] in
            let p = softmax(x)
            return p.indices.map { i in p.indices.map { j in p[j] * ((i == j ? 1 : 0) - p[j]) } }
        }
        #expect(checkJacobian(of: softmax, jacobian: transposedWrongly, at: .random(3, in: box, seed: 5)).outcome == .failed)
    }

    @Test func aSmallButRealErrorIsCaught() {
        // ∂f/∂x[0] off by one part in a million: far above the reference's error, so it must fail.
        let report = checkGradient(
            of: QuadraticClosures.value, gradient: { x in [2 * x[0] * (1 + 1e-6), 3] }, at: .random(5, in: [-2...2, 1...2]))
        #expect(report.outcome == .failed)
    }

    @Test func aJumpNearThePointIsUndecidedNotPassed() {
        let step = { (x: [Double]) -> Double in x[0] < 0.5 ? 0 : 1 }
        let report = checkGradient(of: step, gradient: { _ in [0] }, at: [0.5 + 1e-9])
        #expect(report.outcome == .undecided)
        #expect(report.failureText?.contains("is too large to decide") == true)
    }

    @Test func aFunctionThatIsNotFiniteAtThePointIsUndecided() {
        let report = checkGradient(of: { x in log(x[0]) }, gradient: { x in [1 / x[0]] }, at: [-1])
        #expect(report.outcome == .undecided)
        #expect(report.points[0].message == "the function is not finite here: the point lies outside its domain")
    }

    @Test func nearTheEdgeOfADomainSmallerStepsStillDecide() {
        // The large steps of √x at 10⁻⁴ leave the domain; the smaller starting steps do not.
        let report = expectGradient(of: { x in x[0].squareRoot() }, gradient: { x in [0.5 / x[0].squareRoot()] }, at: [1e-4])
        #expect(report.passed)
    }

    @Test func aFunctionThatThrowsOutsideItsDomainIsCheckedNearTheEdge() {
        struct OutsideDomain: Error {}
        let root = { (x: [Double]) throws -> Double in
            guard x[0] >= 0 else { throw OutsideDomain() }
            return x[0].squareRoot()
        }
        #expect(expectGradient(of: root, gradient: { x in [0.5 / x[0].squareRoot()] }, at: [1e-4]).passed)
        #expect(checkGradient(of: root, gradient: { _ in [0] }, at: [-1]).outcome == .undecided)
    }

    @Test func aThrowingFunctionIsUndecided() {
        struct Diverged: Error {}
        let report = checkGradient(of: { _ in throw Diverged() }, gradient: { _ in [0] }, at: [1])
        #expect(report.outcome == .undecided)
    }
}
