import Foundation
import GradCheck
import Testing

/// One elementary function, as a test function of one input.
struct Elementary: TestFunction {
    let name: String
    let apply: @Sendable (ReferenceNumber) -> ReferenceNumber
    var id: FunctionID { FunctionID(suite: "test", name: name) }
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    let sampling = Sampling()
    let hasHandCodedDerivative = false
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [apply(x[0] as! ReferenceNumber) as! S]
    }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}

@Suite("The extended-precision reference")
struct ReferenceTests {
    /// Each rule against the closed form of the derivative, evaluated in Float80.
    static let cases: [(String, @Sendable (ReferenceNumber) -> ReferenceNumber, Double, Double)] = [
        ("exp", { .exp($0) }, 0.7, exp(0.7)),
        ("expm1", { .expm1($0) }, 1e-3, exp(1e-3)),
        ("log", { .log($0) }, 2.5, 1 / 2.5),
        ("log1p", { .log1p($0) }, 0.25, 1 / 1.25),
        ("log2", { .log2($0) }, 3, 1 / (3 * log(2))),
        ("log10", { .log10($0) }, 3, 1 / (3 * log(10))),
        ("sin", { .sin($0) }, 0.4, cos(0.4)),
        ("cos", { .cos($0) }, 0.4, -sin(0.4)),
        ("tan", { .tan($0) }, 0.4, 1 / (cos(0.4) * cos(0.4))),
        ("asin", { .asin($0) }, 0.3, 1 / (1 - 0.09).squareRoot()),
        ("acos", { .acos($0) }, 0.3, -1 / (1 - 0.09).squareRoot()),
        ("atan", { .atan($0) }, 2, 1.0 / 5),
        ("sinh", { .sinh($0) }, 0.9, cosh(0.9)),
        ("cosh", { .cosh($0) }, 0.9, sinh(0.9)),
        ("tanh", { .tanh($0) }, 0.9, 1 / (cosh(0.9) * cosh(0.9))),
        ("sqrt", { .sqrt($0) }, 2, 0.5 / 2.0.squareRoot()),
        ("cbrt", { .cbrt($0) }, -8, 1.0 / 12),
        ("erf", { .erf($0) }, 0.5, 2 / Double.pi.squareRoot() * exp(-0.25)),
        ("pow x^2.5", { .pow($0, 2.5) }, 1.7, 2.5 * pow(1.7, 1.5)),
        ("pow 2^x", { .pow(2, $0) }, 1.7, pow(2, 1.7) * log(2)),
        ("pow x^-3", { .pow($0, -3) }, 1.7, -3 * pow(1.7, -4)),
        ("hypot", { .hypot($0, 4) }, 3, 3.0 / 5),
        ("atan2 y", { .atan2(y: $0, x: 2) }, 1, 2.0 / 5),
        ("atan2 x", { .atan2(y: 1, x: $0) }, 2, -1.0 / 5),
        ("quotient", { 1 / $0 }, 4, -1.0 / 16),
        ("sigmoid", { .sigmoid($0) }, 0.3, exp(-0.3) / ((1 + exp(-0.3)) * (1 + exp(-0.3)))),
        ("softplus", { .softplus($0) }, -0.3, 1 / (1 + exp(0.3))),
        ("abs", { .abs($0) }, -2, -1),
    ]

    @Test(arguments: cases.indices)
    func eachRuleMatchesItsClosedForm(index: Int) throws {
        let (name, apply, x, derivative) = Self.cases[index]
        let function = Elementary(name: name, apply: apply)
        let result = try ExtendedForwardReference().evaluate(function, at: [ExtendedReal(x)])
        let got = Double(result.jacobian[0][0])
        #expect(abs(got - derivative) <= 4e-16 * abs(derivative), "\(name): \(got) vs \(derivative)")
    }

    @Test func theReferenceSaysWhichPrecisionItUses() {
        #expect(ExtendedForwardReference().description.contains(ExtendedReal.precisionName))
    }

    @Test func constantsCarryNoPartials() throws {
        let result = try ExtendedForwardReference().evaluate(PolarToCartesian(), at: [2, 0.5])
        #expect(result.jacobian.count == 2 && result.jacobian.allSatisfy { $0.count == 2 })
    }
}
