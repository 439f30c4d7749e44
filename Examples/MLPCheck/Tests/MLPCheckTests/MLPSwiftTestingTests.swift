import GradCheckTesting
import MLPCheck
import Testing

@Suite("The MLP's backpropagation (Swift Testing)")
struct MLPSwiftTestingTests {
    let mlp = TinyMLP.example
    let box = [ClosedRange<Double>](repeating: -1...1, count: TinyMLP.parameterCount)

    @Test func backpropagationMatchesAtSeededRandomPoints() {
        expectGradient(of: mlp.loss, gradient: mlp.gradient, at: .random(5, in: box, seed: 1), layout: .tinyMLP)
        expectGradient(of: GenericMLPLoss(mlp), gradient: mlp.gradient, at: .random(5, in: box, seed: 1), layout: .tinyMLP)
    }

    @Test func genericCopyMatchesTheShippedLoss() {
        expectGenericCopy(GenericMLPLoss(mlp), matches: mlp.loss, at: .random(5, in: box, seed: 2))
    }

    /// The off-by-one is caught, in both shapes, and recorded as an issue (expected here).
    @Test func anOffByOneInBackpropagationIsCaught() {
        withKnownIssue("the loop over hidden units for ∂L/∂W2 stops one short") {
            expectGradient(of: mlp.loss, gradient: mlp.gradientWithOffByOneInW2, at: .point(TinyMLP.initialParameters), layout: .tinyMLP)
        }
    }

    /// What a person reads when the off-by-one fails: the entry by its layer and indices, the hint that
    /// only W2 is wrong, and the 26-coordinate point summarised.
    @Test func theFailureTextOfTheOffByOneIsPinned() {
        let report = checkGradient(
            of: GenericMLPLoss(mlp), gradient: mlp.gradientWithOffByOneInW2, at: .point(TinyMLP.initialParameters),
            layout: .tinyMLP)
        #expect(report.failureText == Self.offByOneText)
    }

    static let offByOneText = """
        gradient check failed at 1 of 1 point: 2 of 26 entries wrong
        reference: forward mode (all partials at once) in Float80, cross-checked by Richardson extrapolation in Float80
        tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ), rtol 2.22045e-11, atol 0, φ = 0.001·max|reference|
        worst: ∂f/∂W2[0,3] at point 1: got 0, reference 0.168335, abs error 0.168335, rel error 1
        hint: all 2 wrong entries lie in block W2: only W2 is wrong

        point  entry        got  reference  got/ref  abs error  rel error      allowed  ref. estimate
        -----  -----------  ---  ---------  -------  ---------  ---------  -----------  -------------
            1  ∂f/∂W2[0,3]    0   0.168335        0   0.168335          1  3.73789e-12          exact
            1  ∂f/∂W2[1,3]    0  0.0535603        0  0.0535603          1  1.18936e-12          exact

        point 1: [0.42073549240394825, 0.45464871341284085, 0.0705600040299336, …, -0.06617587504888651, 0.38127922523980134] (26 coordinates, explicit)
        """
}
