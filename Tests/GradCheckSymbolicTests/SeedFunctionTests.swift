import GradCheckCore
import GradCheckSymbolic
import Testing

/// The first article's example f = x1·sqrt(log(x1/sin(x2²))) at (2, 1), against the formulas derived by hand:
/// ∂f/∂x1 = √L + 1/(2√L), ∂f/∂x2 = −x1·x2·cot(x2²)/√L, with L = log(x1/sin(x2²)).
@Suite("The first article's example")
struct SeedFunctionTests {
    static func handGradient<R: RealNumber>(_ x1: R, _ x2: R) -> [R] {
        let l = R.log(x1 / R.sin(x2 * x2))
        let root = R.sqrt(l)
        return [root + 1 / (2 * root), -x1 * x2 * R.cot(x2 * x2) / root]
    }

    @Test(arguments: SymbolicOptions.Method.allCases)
    func gradientAgreesWithTheHandFormulaInDouble(_ method: SymbolicOptions.Method) throws {
        let output = try SymbolicStrategy(method: method).derivative(of: Nutty(), at: [2.0, 1.0], variant: .correct)
        let expected = Self.handGradient(2.0, 1.0)
        for j in 0..<2 {
            #expect(relativeError(output.jacobian[0][j], expected[j]) <= 1e-12, "∂f/∂x\(j + 1) by \(method)")
        }
    }

    @Test(arguments: SymbolicOptions.Method.allCases)
    func gradientAgreesWithTheHandFormulaInFloat80(_ method: SymbolicOptions.Method) throws {
        let point: [Float80] = [2, 1]
        let output = try SymbolicStrategy(method: method).derivative(of: Nutty(), at: point, variant: .correct)
        let expected = Self.handGradient(point[0], point[1])
        for j in 0..<2 {
            #expect(relativeError(output.jacobian[0][j], expected[j]) <= 1e-17, "∂f/∂x\(j + 1) by \(method)")
        }
    }

    /// The simplified gradient reads like the hand-derived one (cot written as cos/sin).
    @Test func printedGradientIsTheHandFormula() throws {
        let derivative = try SymbolicDerivative(of: Nutty(), at: [2, 1])
        #expect(derivative.printedFunction == ["x1*sqrt(log(x1/sin(x2^2)))"])
        #expect(
            derivative.printedGradient == [
                "sqrt(log(x1/sin(x2^2))) + 1/(2*sqrt(log(x1/sin(x2^2))))",
                "-x1*x2*cos(x2^2)/(sin(x2^2)*sqrt(log(x1/sin(x2^2))))",
            ])
        #expect(derivative.region == "valid everywhere (no data-dependent branch)")
        #expect(derivative.report.contains("df/dx2 = -x1*x2*cos(x2^2)/(sin(x2^2)*sqrt(log(x1/sin(x2^2))))"))
    }

    /// The unsimplified derivative is what the rules write down, zeros and ones included.
    @Test func unsimplifiedGradientShowsTheRawRules() throws {
        let derivative = try SymbolicDerivative(of: Nutty(), at: [2, 1], options: SymbolicOptions(method: .unsimplified))
        let text = derivative.printedGradient[1]
        #expect(text.hasPrefix("0*sqrt(log(x1/sin(x2*x2)))"))
        #expect(text.contains("(1*x2 + x2*1)"))
        let sizes = derivative.sizes
        #expect(sizes.derivativeTree! > 4 * sizes.functionTree)
    }
}
