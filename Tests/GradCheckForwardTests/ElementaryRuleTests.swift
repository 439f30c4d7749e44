import GradCheckCore
import GradCheckTestFixtures
import GradCheckForward
import Testing

/// Every derivative rule of `Dual` against central differences in extended precision and closed forms.
@Suite struct ElementaryRuleTests {
    let strategy = ForwardModeStrategy()

    @Test(arguments: UnaryCase.allCases)
    func unaryRuleMatchesCentralDifference(_ function: UnaryCase) throws {
        for x in function.points {
            let point = ExtendedReal(x)
            let derivative = try strategy.derivative(of: Unary(function: function), at: [point], variant: .correct)
            let ad = derivative.jacobian[0][0]
            let difference = centralDifference({ function.apply($0) }, at: point)
            #expect(close(ad, difference, rtol: differenceTolerance), "\(function)′(\(x)): AD \(ad), difference \(difference)")
            #expect(close(ad, function.closedForm(point), rtol: closedFormTolerance), "\(function)′(\(x)): AD \(ad), closed form")
        }
    }

    @Test(arguments: BinaryCase.allCases)
    func binaryRuleMatchesCentralDifferences(_ function: BinaryCase) throws {
        for (x, y) in function.points {
            let (px, py) = (ExtendedReal(x), ExtendedReal(y))
            let gradient = try strategy.derivative(of: Binary(function: function), at: [px, py], variant: .correct)
                .jacobian[0]
            let dx = centralDifference({ function.apply($0, py) }, at: px)
            let dy = centralDifference({ function.apply(px, $0) }, at: py)
            #expect(close(gradient[0], dx, rtol: differenceTolerance), "∂\(function)/∂x at (\(x), \(y))")
            #expect(close(gradient[1], dy, rtol: differenceTolerance), "∂\(function)/∂y at (\(x), \(y))")
        }
    }

    /// pow(x, c) with a constant exponent and a negative base: defined for integer c, and the exponent
    /// term (which has ln x = NaN) must not be formed.
    @Test func powerWithConstantExponentAtNegativeBase() {
        let cube = Dual<Double>.pow(.variable(-2), Dual(3))
        #expect(cube.value == -8)
        #expect(cube.tangent == 12)
        let inverseSquare = Dual<Double>.pow(.variable(-2), Dual(-2))
        #expect(inverseSquare.value == 0.25)
        #expect(inverseSquare.tangent == 0.25)
        // The integer-exponent form agrees.
        #expect(Dual<Double>.pow(.variable(-2), 3).tangent == 12)
    }

    /// pow(c, y) with a constant base: cʸ·ln c; pow(x, y) at x = 0: ∂/∂y is the limit 0, ∂/∂x = y·0^(y−1).
    @Test func powerWithConstantBaseAndAtZero() {
        let exponential = Dual<Double>.pow(Dual(2), .variable(3))
        #expect(close(exponential.tangent, 8 * Double.log(2), rtol: 1e-15))
        let atZeroY = Dual<Double>.pow(Dual(0), .variable(2))
        #expect(atZeroY.tangent == 0)
        let atZeroX = Dual<Double>.pow(.variable(0), Dual(2))
        #expect(atZeroX.tangent == 0)
        let linear = Dual<Double>.pow(.variable(0), Dual(1))
        #expect(linear.tangent == 1)
    }

    /// The rules chosen for accuracy keep full relative accuracy where the textbook forms lose it.
    @Test func accuracyWhereTextbookFormsFail() {
        // expm1 far left: eˣ is below the rounding error of −1, so value + 1 would give 0.
        let expm1 = Dual<Double>.expm1(.variable(-40)).tangent
        #expect(close(expm1 / Double.exp(-40), 1, rtol: 1e-15))
        // tanh far out: 1 − tanh² is exactly 0 past |x| ≈ 19; 1/cosh² is right.
        let tanh = Dual<Double>.tanh(.variable(25)).tangent
        let truth = 4 * Double.exp(-50) / ((1 + Double.exp(-50)) * (1 + Double.exp(-50)))
        #expect(tanh > 0 && close(tanh / truth, 1, rtol: 1e-14))
        // asin near 1: 1 − x² cancels; (1 − x)(1 + x) does not.
        let x = 1 - 0x1p-40
        let asin = Dual<Double>.asin(.variable(x)).tangent
        let exact = 1 / ((1 - x) * (1 + x)).squareRoot()
        #expect(close(asin / exact, 1, rtol: 1e-15))
    }

    /// Values are bit-for-bit the plain type's, so branches follow the plain program.
    @Test(arguments: UnaryCase.allCases)
    func valuesEqualThePlainComputation(_ function: UnaryCase) {
        for x in function.points {
            #expect(function.apply(Dual<Double>.variable(x)).value == function.apply(x))
        }
    }

    @Test func comparisonsIgnoreTangents() {
        #expect(Dual<Double>(value: 1, tangent: 5) == Dual(value: 1, tangent: -3))
        #expect(Dual<Double>(value: 1, tangent: 5) < Dual(value: 2, tangent: -3))
        #expect(Dual<Double>(2.5).tangent == 0)
        let literal: Dual<Double> = 3
        #expect(literal.value == 3 && literal.tangent == 0)
    }
}
