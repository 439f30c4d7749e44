import GradCheckTesting
import Testing

@Suite("Parameter layouts")
struct ParameterLayoutTests {
    static let layout: ParameterLayout = ["W1": [4, 8], "b1": [8], "W2": [2, 8], "b2": [2]]

    @Test func coordinatesAreNamedRowMajorWithinTheirBlock() {
        #expect(Self.layout.count == 32 + 8 + 16 + 2)
        #expect(Self.layout.name(of: 0) == "W1[0,0]")
        #expect(Self.layout.name(of: 19) == "W1[2,3]")  // 2·8 + 3
        #expect(Self.layout.name(of: 32) == "b1[0]")
        #expect(Self.layout.name(of: 40 + 15) == "W2[1,7]")
        #expect(Self.layout.name(of: 57) == "b2[1]")
        #expect(Self.layout.name(of: 58) == "x[58]")
        #expect((["scale": []] as ParameterLayout).names == ["scale"])
    }

    @Test func aLayoutThatDoesNotFitSaysWhy() {
        #expect(Self.layout.mismatch(inputCount: 58) == nil)
        #expect(Self.layout.mismatch(inputCount: 36)
            == "the layout covers 58 coordinates (W1: 4×8 = 32, b1: 8, W2: 2×8 = 16, b2: 2) but the point has 36")
        #expect((["W": [0, 3]] as ParameterLayout).mismatch(inputCount: 0)
            == "layout block 'W' has shape [0, 3]: every extent must be at least 1")
        #expect(ParameterLayout([("a", [2]), ("a", [1])]).mismatch(inputCount: 3) == "layout block name 'a' is used twice")
        let report = checkGradient(
            of: QuadraticClosures.value, gradient: QuadraticClosures.gradient, at: [1, 2], layout: ["w": [3]])
        #expect(report.outcome == .failed)
        #expect(report.failureText?.contains("point 1: the layout covers 3 coordinates (w: 3) but the point has 2") == true)
    }

    @Test func entriesAreNamedByTheLayoutInEveryShape() {
        let layout: ParameterLayout = ["a": [], "b": []]
        let closure = checkGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2], layout: layout)
        let generic = checkGradient(of: Quadratic(), gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2], layout: layout)
        #expect(closure.badEntries.map(\.entry.name) == ["∂f/∂a"])
        #expect(generic.badEntries.map(\.entry.name) == ["∂f/∂a"])
        let jacobian = checkJacobian(of: Polar(), jacobian: { x in [[1, 0], [0, 1]] }, at: [1, 0.5], layout: ["r": [], "θ": []])
        #expect(jacobian.badEntries.map(\.entry.name).contains("∂f[0]/∂θ"))
    }
}
