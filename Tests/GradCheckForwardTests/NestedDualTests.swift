import GradCheckCore
import GradCheckTestFixtures
import GradCheckForward
import Testing

/// f′(x) by one forward pass, for any scalar (so it nests).
func derivative<S: DifferentiableScalar>(at x: S, of f: (Dual<S>) -> Dual<S>) -> S {
    f(Dual.variable(x)).tangent
}

/// Second derivatives with dual numbers of dual numbers.
@Suite struct NestedDualTests {
    /// f(x) = x³·sin x: f″ = 6x·sin x + 6x²·cos x − x³·sin x.
    @Test(arguments: [-1.3, 0.7, 2.9])
    func secondDerivativeOfOneVariable(_ x: Double) {
        func f<S: DifferentiableScalar>(_ x: S) -> S { S.pow(x, 3) * S.sin(x) }
        // Inner level seeds direction x, outer level seeds x again: value.tangent = f′, tangent.tangent = f″.
        let seeded = Dual<Dual<Double>>(value: .variable(x), tangent: Dual(value: 1))
        let result = f(seeded)
        let hand = 6 * x * Double.sin(x) + 6 * x * x * Double.cos(x) - x * x * x * Double.sin(x)
        let first = 3 * x * x * Double.sin(x) + x * x * x * Double.cos(x)
        #expect(close(result.value.tangent, first, rtol: 1e-14))
        #expect(close(result.tangent.value, first, rtol: 1e-14))
        #expect(close(result.tangent.tangent, hand, rtol: 1e-14), "f″(\(x)) = \(result.tangent.tangent), hand \(hand)")
    }

    /// g(x, y) = x²y³ + sin(xy): ∂²g/∂x∂y = 6xy² + cos(xy) − xy·sin(xy), by seeding x at one level and y
    /// at the other.
    @Test func mixedSecondDerivative() {
        func g<S: DifferentiableScalar>(_ x: S, _ y: S) -> S { x * x * S.pow(y, 3) + S.sin(x * y) }
        let (x0, y0) = (0.8, -1.1)
        let x = Dual<Dual<Double>>(value: .variable(x0))
        let y = Dual<Dual<Double>>(value: Dual(value: y0), tangent: Dual(value: 1))
        let result = g(x, y)
        let hand = 6 * x0 * y0 * y0 + Double.cos(x0 * y0) - x0 * y0 * Double.sin(x0 * y0)
        #expect(close(result.tangent.tangent, hand, rtol: 1e-14))
    }

    /// Second derivatives through every elementary rule: the nested rules must differentiate the first
    /// ones correctly (a central difference of the first derivative, in extended precision).
    @Test(arguments: UnaryCase.allCases)
    func secondDerivativeMatchesDifferenceOfFirst(_ function: UnaryCase) {
        for x in function.points {
            let point = ExtendedReal(x)
            let seeded = Dual<Dual<ExtendedReal>>(value: .variable(point), tangent: Dual(value: 1))
            let second = function.apply(seeded).tangent.tangent
            let difference = centralDifference({ function.apply(Dual.variable($0)).tangent }, at: point)
            #expect(close(second, difference, rtol: 1e3 * differenceTolerance), "\(function)″(\(x))")
        }
    }

    /// pow(x, y) nested at a negative base with a constant exponent: the structural-zero test looks at every
    /// level, so the second derivative 3·2·x is right.
    @Test func nestedPowerAtNegativeBase() {
        let seeded = Dual<Dual<Double>>(value: .variable(-2), tangent: Dual(value: 1))
        let result = Dual.pow(seeded, Dual(3))
        #expect(result.value.tangent == 12)
        #expect(result.tangent.tangent == -12)
    }

    /// Perturbation confusion: d/dx [x · d/dy (x + y) at y = 1] at x = 1 is 1 (a confused implementation
    /// that mixes the two perturbations gives 2). Each level's perturbation is its own type here.
    @Test func noPerturbationConfusion() {
        let result = derivative(at: 1.0) { (x: Dual<Double>) in
            x * derivative(at: Dual<Double>(1)) { (y: Dual<Dual<Double>>) in Dual(value: x) + y }
        }
        #expect(result == 1)
    }
}
