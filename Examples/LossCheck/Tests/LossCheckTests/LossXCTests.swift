import GradCheckTesting
import LossCheck
import XCTest

final class LossXCTests: XCTestCase {
    let loss = LogisticLoss.example

    func testTheGradientMatches() {
        expectGradient(of: loss.value, gradient: loss.gradient, at: [0.5, -1.2, 2])
        expectGradient(of: loss.value, gradient: loss.gradient, at: .random(20, in: [-3...3, -3...3, -3...3], seed: 1))
    }

    func testAForgottenRegularisationTermIsCaught() {
        #if canImport(Darwin)
        // Apple's XCTest: the recorded failure is expected.
        XCTExpectFailure("the gradient without λ·w is wrong, and the check must say so") {
            expectGradient(of: loss.value, gradient: loss.gradientForgettingRegularisation, at: [0.5, -1.2, 2])
        }
        #else
        // swift-corelibs-xctest (Linux, Windows) has no XCTExpectFailure: assert on the pure report instead.
        let report = checkGradient(of: loss.value, gradient: loss.gradientForgettingRegularisation, at: [0.5, -1.2, 2])
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.outcome, .failed)
        XCTAssertTrue(report.failureText?.hasPrefix("gradient check failed at 1 of 1 point") == true, report.description)
        print(report)
        #endif
    }
}
