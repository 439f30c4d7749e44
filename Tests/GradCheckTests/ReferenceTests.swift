import Foundation
import GradCheck
import Testing

/// One elementary function (by name), as a test function of one input.
struct Elementary: TestFunction {
    let name: String
    var id: FunctionID { FunctionID(suite: "test", name: name) }
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    let sampling = Sampling()
    let hasHandCodedDerivative = false

    static func apply<S: DifferentiableScalar>(_ name: String, _ x: S) -> S {
        switch name {
        case "exp": .exp(x)
        case "expm1": .expm1(x)
        case "log": .log(x)
        case "log1p": .log1p(x)
        case "log2": .log2(x)
        case "log10": .log10(x)
        case "sin": .sin(x)
        case "cos": .cos(x)
        case "tan": .tan(x)
        case "asin": .asin(x)
        case "acos": .acos(x)
        case "atan": .atan(x)
        case "sinh": .sinh(x)
        case "cosh": .cosh(x)
        case "tanh": .tanh(x)
        case "sqrt": .sqrt(x)
        case "cbrt": .cbrt(x)
        case "erf": .erf(x)
        case "pow x^2.5": .pow(x, 2.5)
        case "pow 2^x": .pow(2, x)
        case "pow x^-3": .pow(x, -3)
        case "hypot": .hypot(x, 4)
        case "atan2 y": .atan2(y: x, x: 2)
        case "atan2 x": .atan2(y: 1, x: x)
        case "quotient": 1 / x
        case "sigmoid": .sigmoid(x)
        case "softplus": .softplus(x)
        case "abs": .abs(x)
        default: fatalError("no elementary function named \(name)")
        }
    }

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [Self.apply(name, x[0])] }

    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}

@Suite("The extended-precision reference")
struct ReferenceTests {
    /// Each rule against the closed form of the derivative, evaluated in Float80.
    static let cases: [(String, Double, Double)] = [
        ("exp", 0.7, exp(0.7)),
        ("expm1", 1e-3, exp(1e-3)),
        ("log", 2.5, 1 / 2.5),
        ("log1p", 0.25, 1 / 1.25),
        ("log2", 3, 1 / (3 * log(2))),
        ("log10", 3, 1 / (3 * log(10))),
        ("sin", 0.4, cos(0.4)),
        ("cos", 0.4, -sin(0.4)),
        ("tan", 0.4, 1 / (cos(0.4) * cos(0.4))),
        ("asin", 0.3, 1 / (1 - 0.09).squareRoot()),
        ("acos", 0.3, -1 / (1 - 0.09).squareRoot()),
        ("atan", 2, 1.0 / 5),
        ("sinh", 0.9, cosh(0.9)),
        ("cosh", 0.9, sinh(0.9)),
        ("tanh", 0.9, 1 / (cosh(0.9) * cosh(0.9))),
        ("sqrt", 2, 0.5 / 2.0.squareRoot()),
        ("cbrt", -8, 1.0 / 12),
        ("erf", 0.5, 2 / Double.pi.squareRoot() * exp(-0.25)),
        ("pow x^2.5", 1.7, 2.5 * pow(1.7, 1.5)),
        ("pow 2^x", 1.7, pow(2, 1.7) * log(2)),
        ("pow x^-3", 1.7, -3 * pow(1.7, -4)),
        ("hypot", 3, 3.0 / 5),
        ("atan2 y", 1, 2.0 / 5),
        ("atan2 x", 2, -1.0 / 5),
        ("quotient", 4, -1.0 / 16),
        ("sigmoid", 0.3, exp(-0.3) / ((1 + exp(-0.3)) * (1 + exp(-0.3)))),
        ("softplus", -0.3, 1 / (1 + exp(0.3))),
        ("abs", -2, -1),
    ]

    @Test(arguments: cases.indices)
    func eachRuleMatchesItsClosedForm(index: Int) throws {
        let (name, x, derivative) = Self.cases[index]
        let function = Elementary(name: name)
        let result = try ExtendedForwardReference().evaluate(function, at: [ExtendedReal(x)])
        let got = Double(result.jacobian[0][0])
        #expect(abs(got - derivative) <= 4e-16 * abs(derivative), "\(name): \(got) vs \(derivative)")
    }

    @Test func theReferenceSaysWhichPrecisionItUses() {
        #expect(ExtendedForwardReference().description.contains(ExtendedReal.precisionName))
    }

    /// xⁿ for n = Int.min in extended precision, where the exponent's parity survives: n − 1 is no Int,
    /// so xⁿ⁻¹ is xⁿ / x (at x = −1: value 1, derivative n·(−1)ⁿ⁻¹ = 2⁶³).
    @Test func integerPowerOfIntMin() {
        let x = ReferenceNumber<ExtendedReal>(input: -1, index: 0, count: 1)
        let y = ReferenceNumber.pow(x, Int.min)
        #expect(y.value == 1)
        #expect(y.partials == [0x1p63])
    }

    @Test func constantsCarryNoPartials() throws {
        let result = try ExtendedForwardReference().evaluate(PolarToCartesian(), at: [2, 0.5])
        #expect(result.jacobian.count == 2 && result.jacobian.allSatisfy { $0.count == 2 })
    }
}
