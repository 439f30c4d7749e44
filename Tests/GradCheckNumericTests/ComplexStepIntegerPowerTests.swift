import Foundation
import GradCheck
import Testing

/// xⁿ with an `Int` exponent through the complex step, for every exponent down to `Int.min`: the value is
/// the real program's and the derivative n·xⁿ⁻¹ is forward mode's, with no NaN from squares overflowing and
/// no loss of accuracy from an imaginary part grown |n|-fold.
@Suite("Complex step: integer powers for every Int exponent")
struct ComplexStepIntegerPowerTests {
    typealias C = ComplexStepNumber<Double>

    static let exponents = [Int.min, Int.min + 1, -1_000_001, -3, -1, 0, 1, 2, 3, 1_000_001, Int.max]
    static let bases: [Double] = [-1, 1, 1.5, -1.5, 0.5, -0.5, 2, 0]

    /// The same bits, or both NaN.
    static func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a == b }

    @Test(arguments: exponents)
    func complexStepMatchesForwardMode(exponent: Int) throws {
        let function = IntegerPowerFunction(exponent: exponent)
        for x in Self.bases {
            let complex = try ComplexStepStrategy().derivative(of: function, at: [x], variant: .correct).jacobian[0][0]
            let forward = try ForwardModeStrategy().derivative(of: function, at: [x], variant: .correct).jacobian[0][0]
            #expect(Self.same(complex, forward), "x = \(x), n = \(exponent): complex step \(complex), forward \(forward)")
        }
    }

    /// The cases that broke: at x = −1 the derivative of x^(−2⁶³) is 2⁶³, at x = 1.5 it is 0 (not NaN).
    @Test func theSmallestExponentGivesItsExactDerivative() throws {
        let function = IntegerPowerFunction(exponent: .min)
        #expect(try ComplexStepStrategy().column(0, of: function, at: [-1]) == [0x1p63])
        #expect(try ComplexStepStrategy().column(0, of: function, at: [1.5]) == [0])
        let h = 0x1p-67
        let z = C.pow(C(real: -1, imaginary: h), .min)
        #expect(z.real == 1 && z.imaginary == 0x1p63 * h)
    }

    /// The value is the real program's, bit for bit; z⁰ is 1 even at z = 0.
    @Test func theRealPartIsTheRealProgramsPower() {
        for n in Self.exponents {
            for a in Self.bases {
                let z = C.pow(C(real: a, imaginary: 0x1p-67), n)
                #expect(Self.same(z.real, Double.pow(a, n)), "\(a)^\(n): \(z.real)")
                #expect(Self.same(C.pow(C(a), n).real, Double.pow(a, n)) && C.pow(C(a), n).imaginary == 0)
            }
        }
        #expect(C.pow(C(real: 0, imaginary: 0x1p-67), 0).real == 1)
    }
}

/// f(x) = xⁿ for a fixed `Int` exponent n.
struct IntegerPowerFunction: TestFunction {
    let exponent: Int
    var id: FunctionID { FunctionID(suite: "complex-step", name: "x^\(exponent)") }
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    let sampling = Sampling()
    let hasHandCodedDerivative = false
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [S.pow(x[0], exponent)] }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}
