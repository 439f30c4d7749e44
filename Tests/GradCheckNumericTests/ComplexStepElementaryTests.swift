import Foundation
import GradCheck
import Testing

/// The elementary functions one at a time: the complex-step derivative against the closed form, both at
/// the same Double point, the closed form evaluated in ExtendedReal (Float80 on x86-64).
@Suite("Complex step: every elementary function against its closed form")
struct ComplexStepElementaryTests {
    typealias E = ExtendedReal

    /// The relative error of a Double result against an extended-precision closed form.
    static func relativeError(_ got: Double, _ want: E) -> Double {
        Double(((E(got) - want) / want).magnitude)
    }

    @Test(arguments: UnaryElementary.allCases)
    func unaryDerivativeMatchesTheClosedForm(_ kind: UnaryElementary) throws {
        for x in kind.points {
            let output = try ComplexStepStrategy().derivative(of: UnaryFunction(kind: kind), at: [x], variant: .correct)
            let error = Self.relativeError(output.jacobian[0][0], kind.derivative(E(x)))
            #expect(error <= 1e-15, "\(kind) at \(x): relative error \(error)")
            #expect(output.figures.passes == 1 && output.figures.functionEvaluations == 1)
        }
    }

    @Test(arguments: BinaryElementary.allCases)
    func binaryPartialsMatchTheClosedForm(_ kind: BinaryElementary) throws {
        for point in kind.points {
            let output = try ComplexStepStrategy().derivative(of: BinaryFunction(kind: kind), at: point, variant: .correct)
            let want = kind.gradient(E(point[0]), E(point[1]))
            for j in 0..<2 {
                let error = Self.relativeError(output.jacobian[0][j], want[j])
                #expect(error <= 1e-15, "\(kind) at \(point), ∂/∂x\(j + 1): relative error \(error)")
            }
        }
    }

    /// (−2)³ through pow(x, y) with y = 3: the real program's value and its derivative 3·(−2)² = 12,
    /// not the principal complex power's ≈ 10⁻¹⁵/h garbage.
    @Test func powerOfANegativeBaseWithAnIntegerExponentFollowsTheRealProgram() throws {
        let strategy = ComplexStepStrategy()
        let column = try strategy.column(0, of: BinaryFunction(kind: .pow), at: [-2.0, 3])
        #expect(column == [12])
        let real = ComplexStepNumber<Double>.pow(ComplexStepNumber(real: -2, imaginary: 0x1p-67), 3.0)
        #expect(real.real == -8 && real.imaginary == 12 * 0x1p-67)
    }

    /// Values with no imaginary part are computed by the real functions, NaN included.
    @Test func realValuesFollowTheRealFunctions() {
        typealias C = ComplexStepNumber<Double>
        #expect(C.log(C(-1)).real.isNaN && C.sqrt(C(-4)).real.isNaN)
        #expect(C.exp(C(800)).real == .infinity && C.exp(C(800)).imaginary == 0)
        #expect(C.cbrt(C(-8)).real == -2 && C.cbrt(C(real: -8, imaginary: 0x1p-67)).real == -2)
    }

    /// Smith's division: no overflow where c² + d² would overflow, no underflow where it would underflow.
    @Test func divisionNeitherOverflowsNorUnderflows() {
        typealias C = ComplexStepNumber<Double>
        for scale in [1e300, 1e-300, 1.0] {
            let q = C(real: 1 * scale, imaginary: 3 * scale) / C(real: 2 * scale, imaginary: 1 * scale)
            #expect(abs(q.real - 1) < 1e-15 && abs(q.imaginary - 1) < 1e-15, "scale \(scale): \(q)")
            let mirrored = C(real: 3 * scale, imaginary: 1 * scale) / C(real: 1 * scale, imaginary: 2 * scale)
            #expect(abs(mirrored.real - 1) < 1e-15 && abs(mirrored.imaginary + 1) < 1e-15, "scale \(scale)")
        }
        // (1 + i·h)/(3 + 2i·h) = 1/3 + i·h/9 to O(h²).
        let tiny = C(real: 1, imaginary: 1e-20) / C(real: 3, imaginary: 2e-20)
        #expect(abs(tiny.imaginary / (1e-20 / 9) - 1) < 1e-15)
    }

    /// The exact complex formulas agree with the first-order picture f(a) + i·b·f′(a) at larger b too,
    /// to O(b²): a check that the formulas are the analytic extensions, not lifts in disguise.
    @Test func analyticFormulasAreGenuineComplexFunctions() {
        typealias C = ComplexStepNumber<Double>
        let z = C(real: 0.6, imaginary: 0.8)
        // Identities that hold only for the genuine complex functions.
        let e = C.exp(C.log(z))
        #expect(abs(e.real - 0.6) < 1e-15 && abs(e.imaginary - 0.8) < 1e-15)
        let s = C.sqrt(z) * C.sqrt(z)
        #expect(abs(s.real - 0.6) < 1e-15 && abs(s.imaginary - 0.8) < 1e-15)
        let one = C.sin(z) * C.sin(z) + C.cos(z) * C.cos(z)
        #expect(abs(one.real - 1) < 1e-15 && abs(one.imaginary) < 1e-15)
        let t = C.tan(z) - C.sin(z) / C.cos(z)
        #expect(abs(t.real) < 1e-15 && abs(t.imaginary) < 1e-15)
        let th = C.tanh(z) - C.sinh(z) / C.cosh(z)
        #expect(abs(th.real) < 1e-15 && abs(th.imaginary) < 1e-15)
        let a = C.tan(C.atan(z))
        #expect(abs(a.real - 0.6) < 1e-15 && abs(a.imaginary - 0.8) < 1e-15)
        let l = C.log1p(z) - C.log(C(1) + z)
        #expect(abs(l.real) < 1e-15 && abs(l.imaginary) < 1e-15)
        let m = C.expm1(z) - (C.exp(z) - C(1))
        #expect(abs(m.real) < 1e-15 && abs(m.imaginary) < 1e-15)
        let p = C.pow(z, C(real: 1.5, imaginary: -0.25)) - C.exp(C(real: 1.5, imaginary: -0.25) * C.log(z))
        #expect(abs(p.real) < 1e-15 && abs(p.imaginary) < 1e-15)
    }
}

/// f(x) = one elementary function of x.
struct UnaryFunction: TestFunction {
    let kind: UnaryElementary
    var id: FunctionID { FunctionID(suite: "complex-step", name: kind.rawValue) }
    let summary = ""
    let inputNames = ["x"]
    let outputCount = 1
    let sampling = Sampling()
    let hasHandCodedDerivative = false
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [kind.apply(x[0])] }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}

/// f(x, y) = one two-argument operation.
struct BinaryFunction: TestFunction {
    let kind: BinaryElementary
    var id: FunctionID { FunctionID(suite: "complex-step", name: kind.rawValue) }
    let summary = ""
    let inputNames = ["x", "y"]
    let outputCount = 1
    let sampling = Sampling()
    let hasHandCodedDerivative = false
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [kind.apply(x[0], x[1])] }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}

enum UnaryElementary: String, CaseIterable, Sendable {
    case exp, expm1, log, log1p, log2, log10, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, sqrt, cbrt, erf
    case cot, cube = "pow(x, 3)", inverseSquare = "pow(x, -2)"

    func apply<S: DifferentiableScalar>(_ x: S) -> S {
        switch self {
        case .exp: S.exp(x)
        case .expm1: S.expm1(x)
        case .log: S.log(x)
        case .log1p: S.log1p(x)
        case .log2: S.log2(x)
        case .log10: S.log10(x)
        case .sin: S.sin(x)
        case .cos: S.cos(x)
        case .tan: S.tan(x)
        case .asin: S.asin(x)
        case .acos: S.acos(x)
        case .atan: S.atan(x)
        case .sinh: S.sinh(x)
        case .cosh: S.cosh(x)
        case .tanh: S.tanh(x)
        case .sqrt: S.sqrt(x)
        case .cbrt: S.cbrt(x)
        case .erf: S.erf(x)
        case .cot: S.cot(x)
        case .cube: S.pow(x, 3)
        case .inverseSquare: S.pow(x, -2)
        }
    }

    /// The closed-form derivative.
    func derivative(_ x: ExtendedReal) -> ExtendedReal {
        typealias E = ExtendedReal
        return switch self {
        case .exp, .expm1: E.exp(x)
        case .log: 1 / x
        case .log1p: 1 / (1 + x)
        case .log2: 1 / (x * E.log(2))
        case .log10: 1 / (x * E.log(10))
        case .sin: E.cos(x)
        case .cos: -E.sin(x)
        case .tan: 1 / (E.cos(x) * E.cos(x))
        case .asin: 1 / E.sqrt(1 - x * x)
        case .acos: -1 / E.sqrt(1 - x * x)
        case .atan: 1 / (1 + x * x)
        case .sinh: E.cosh(x)
        case .cosh: E.sinh(x)
        case .tanh: 1 / (E.cosh(x) * E.cosh(x))
        case .sqrt: 1 / (2 * E.sqrt(x))
        case .cbrt: 1 / (3 * E.cbrt(x) * E.cbrt(x))
        case .erf: 2 / E.sqrt(E.acos(-1)) * E.exp(-x * x)
        case .cot: -1 / (E.sin(x) * E.sin(x))
        case .cube: 3 * x * x
        case .inverseSquare: -2 / (x * x * x)
        }
    }

    /// Points inside the domain, away from zeros of the derivative, spanning small and large arguments.
    var points: [Double] {
        switch self {
        case .exp: [-2.5, 0.3, 40]
        case .expm1: [-1.25, 1e-9, 0.3, 7]
        case .log, .log2, .log10: [0.2, 1.5, 8, 1e5]
        case .log1p: [-0.7, 1e-9, 0.3, 3, 1e6]
        case .sin, .cos: [-2, 0.7, 3]
        case .tan: [-1.2, 0.4, 1.5]
        case .asin, .acos: [-0.9, 0.1, 0.5, 0.999]
        case .atan: [-3, 0.2, 1, 50]
        case .sinh, .cosh: [-3, 0.5, 10]
        case .tanh: [-4, 0.3, 12]
        case .sqrt: [0.01, 2, 1e6]
        case .cbrt: [-8, 0.3, 27]
        case .erf: [-1.5, 0.2, 2]
        case .cot: [-2, 0.5, 1.3]
        case .cube, .inverseSquare: [-1.5, 0.3, 7]
        }
    }
}

enum BinaryElementary: String, CaseIterable, Sendable {
    case product, quotient, pow, hypot, atan2

    func apply<S: DifferentiableScalar>(_ x: S, _ y: S) -> S {
        switch self {
        case .product: x * y
        case .quotient: x / y
        case .pow: S.pow(x, y)
        case .hypot: S.hypot(x, y)
        case .atan2: S.atan2(y: x, x: y)
        }
    }

    /// The closed-form gradient (∂/∂x, ∂/∂y).
    func gradient(_ x: ExtendedReal, _ y: ExtendedReal) -> [ExtendedReal] {
        typealias E = ExtendedReal
        switch self {
        case .product: return [y, x]
        case .quotient: return [1 / y, -x / (y * y)]
        case .pow: return [y * E.pow(x, y - 1), E.pow(x, y) * E.log(x)]
        case .hypot:
            let r = E.hypot(x, y)
            return [x / r, y / r]
        case .atan2:
            let r2 = x * x + y * y
            return [y / r2, -x / r2]
        }
    }

    var points: [[Double]] {
        switch self {
        case .product, .quotient: [[1.3, -0.7], [2e5, 3e-4]]
        case .pow: [[2.5, 1.7], [0.3, -2.2], [7, 0.5]]
        case .hypot: [[3, 4], [-1e-3, 2]]
        case .atan2: [[0.5, 2], [-1, -0.25], [3, -1]]
        }
    }
}
