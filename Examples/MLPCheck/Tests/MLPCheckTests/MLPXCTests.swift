import GradCheckTesting
import MLPCheck
import XCTest

final class MLPXCTests: XCTestCase {
    let mlp = TinyMLP.example

    func testBackpropagationMatches() {
        let box = [ClosedRange<Double>](repeating: -1...1, count: TinyMLP.parameterCount)
        expectGradient(of: mlp.loss, gradient: mlp.gradient, at: .random(5, in: box, seed: 3), layout: .tinyMLP)
    }

    func testAnOffByOneInBackpropagationIsCaught() {
        let report = checkGradient(
            of: GenericMLPLoss(mlp), gradient: mlp.gradientWithOffByOneInW2, at: .point(TinyMLP.initialParameters),
            layout: .tinyMLP)
        XCTAssertEqual(report.outcome, .failed)
        XCTAssertEqual(report.badEntries.map(\.entry.name), ["∂f/∂W2[0,3]", "∂f/∂W2[1,3]"])
        XCTAssertEqual(report.failureText, MLPSwiftTestingTests.offByOneText)
    }
}
