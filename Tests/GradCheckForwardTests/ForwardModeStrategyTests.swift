import GradCheckCore
import GradCheckTestFixtures
import GradCheckForward
import Testing

@Suite struct ForwardModeStrategyTests {
    let strategy = ForwardModeStrategy()

    @Test func identity() {
        #expect(strategy.id == "forward")
        #expect(strategy.family == .automatic)
    }

    /// The first article at (2, 1): ∂f/∂x₁ = √L + 1/(2√L), ∂f/∂x₂ = −x₁·x₂·cot(x₂²)/√L, L = ln(x₁/sin x₂²).
    @Test func firstArticleFunctionMatchesHandFormula() throws {
        let (x1, x2) = (2.0, 1.0)
        let l = Double.log(x1 / Double.sin(x2 * x2))
        let expected = [l.squareRoot() + 1 / (2 * l.squareRoot()), -x1 * x2 / Double.tan(x2 * x2) / l.squareRoot()]
        let output = try strategy.derivative(of: ArticleFunction(), at: [x1, x2], variant: .correct)
        #expect(output.jacobian.count == 1)
        for (ad, hand) in zip(output.jacobian[0], expected) {
            #expect(close(ad, hand, rtol: 1e-14), "AD \(ad), hand \(hand)")
        }
        #expect(output.figures.passes == 2)
        #expect(output.figures.functionEvaluations == 2)
    }

    /// The article's tangent trace for ẋ₂ = 1, step by step: v̇₁ = 2v₀v̇₀, v̇₂ = cos(v₁)v̇₁, …
    @Test func firstArticleTangentTrace() {
        let x1 = Dual<Double>(value: 2), x2 = Dual<Double>.variable(1)
        let v1 = Dual.pow(x2, 2), v2 = Dual.sin(v1), v3 = x1 / v2, v4 = Dual.log(v3), v5 = Dual.sqrt(v4)
        let v6 = x1 * v5
        #expect(v1.tangent == 2)
        #expect(close(v2.tangent, Double.cos(1) * 2, rtol: 1e-15))
        #expect(close(v3.tangent, -2 * v2.tangent / (v2.value * v2.value), rtol: 1e-15))
        #expect(close(v4.tangent, v3.tangent / v3.value, rtol: 1e-15))
        #expect(close(v5.tangent, v4.tangent / (2 * v5.value), rtol: 1e-15))
        #expect(close(v6.tangent, 2 * v5.tangent, rtol: 1e-15))
    }

    @Test(arguments: [-1.5, 0.25, 1.7])
    func fanOutAccumulates(_ x: Double) throws {
        let output = try strategy.derivative(of: FanOut(), at: [x], variant: .correct)
        #expect(close(output.jacobian[0][0], 3 * x * x + 1, rtol: 1e-15))
    }

    @Test func vectorFunctionJacobianByColumns() throws {
        let (x, y, z) = (0.7, -1.2, 2.5)
        let output = try strategy.derivative(of: VectorFunction(), at: [x, y, z], variant: .correct)
        let expected = VectorFunction.jacobian(x, y, z)
        #expect(output.jacobian.count == 3 && output.jacobian.allSatisfy { $0.count == 3 })
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(close(output.jacobian[i][j], expected[i][j], rtol: 1e-15), "J[\(i)][\(j)]")
            }
        }
        #expect(output.figures.passes == 3)
    }

    @Test(arguments: [0.5, -2.0, 1.5, 3.0, 7.2])
    func controlFlowFollowsThePlainProgram(_ x: Double) throws {
        let output = try strategy.derivative(of: Branchy(), at: [x], variant: .correct)
        #expect(close(output.jacobian[0][0], Branchy.derivative(x), rtol: 1e-13))
        // Independent of the hand formula: a central difference in extended precision.
        let difference = centralDifference({ try! Branchy().evaluate([$0])[0] }, at: ExtendedReal(x))
        #expect(close(Double(difference), output.jacobian[0][0], rtol: 1e-7))
    }

    @Test func functionWithoutInputs() throws {
        struct Constant: ExampleFunction {
            var inputNames: [String] { [] }
            var outputCount: Int { 2 }
            func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [S(1), S(2)] }
        }
        let output = try strategy.derivative(of: Constant(), at: [Double](), variant: .correct)
        #expect(output.jacobian == [[], []])
        #expect(output.figures.passes == 0)
    }
}
