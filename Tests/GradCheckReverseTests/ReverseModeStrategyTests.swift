import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

@Suite struct ReverseModeStrategyTests {
    let strategy = ReverseModeStrategy()

    @Test func identity() {
        #expect(strategy.id == "reverse")
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
        // Two inputs and six operations; 8 code bytes + 8 operand indices + 8 partials.
        #expect(output.figures.passes == 2)
        #expect(output.figures.functionEvaluations == 1)
        #expect(output.figures.tapeEntries == 8)
        #expect(output.figures.tapeBytes == 8 + 8 * 4 + 8 * 8)
    }

    @Test(arguments: [-1.5, 0.25, 1.7])
    func fanOutAccumulates(_ x: Double) throws {
        let output = try strategy.derivative(of: FanOut(), at: [x], variant: .correct)
        #expect(close(output.jacobian[0][0], 3 * x * x + 1, rtol: 1e-15))
    }

    @Test func vectorFunctionJacobianByRows() throws {
        let (x, y, z) = (0.7, -1.2, 2.5)
        let output = try strategy.derivative(of: VectorFunction(), at: [x, y, z], variant: .correct)
        let expected = VectorFunction.jacobian(x, y, z)
        #expect(output.jacobian.count == 3 && output.jacobian.allSatisfy { $0.count == 3 })
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(close(output.jacobian[i][j], expected[i][j], rtol: 1e-15), "J[\(i)][\(j)]")
            }
        }
        #expect(output.figures.passes == 4)
    }

    /// Outputs that are an input itself, or a constant (no tape node): rows eⱼ and 0.
    @Test func inputAndConstantOutputs() throws {
        struct Passthrough: ExampleFunction {
            var inputNames: [String] { ["x", "y"] }
            var outputCount: Int { 3 }
            func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [x[0], S(3), x[1] * x[0]] }
        }
        let output = try strategy.derivative(of: Passthrough(), at: [2.0, 5.0], variant: .correct)
        #expect(output.jacobian == [[1, 0], [0, 0], [5, 2]])
    }

    @Test(arguments: [0.5, -2.0, 1.5, 3.0, 7.2])
    func controlFlowFollowsThePlainProgram(_ x: Double) throws {
        let output = try strategy.derivative(of: Branchy(), at: [x], variant: .correct)
        #expect(close(output.jacobian[0][0], Branchy.derivative(x), rtol: 1e-13))
        let difference = centralDifference({ try! Branchy().evaluate([$0])[0] }, at: ExtendedReal(x))
        #expect(close(Double(difference), output.jacobian[0][0], rtol: 1e-7))
    }

    /// A second gradient of the same function on the same tape allocates nothing more.
    @Test func tapeIsReusedAcrossGradients() throws {
        let f = Rosenbrock(n: 50)
        let tape = Tape<Double>()
        let first = try ReverseModeStrategy.derivative(of: f, at: f.point(), on: tape)
        let capacity = tape.capacityInBytes
        #expect(capacity > 0)
        let shifted = f.point().map { $0 + 0.125 }
        let second = try ReverseModeStrategy.derivative(of: f, at: shifted, on: tape)
        #expect(tape.capacityInBytes == capacity)
        #expect(first.figures.tapeEntries == second.figures.tapeEntries)
        for (ad, hand) in zip(second.jacobian[0], f.gradient(shifted)) {
            #expect(close(ad, hand, rtol: 1e-14))
        }
        tape.reset()
        #expect(tape.entryCount == 0 && tape.capacityInBytes == capacity)
    }
}
