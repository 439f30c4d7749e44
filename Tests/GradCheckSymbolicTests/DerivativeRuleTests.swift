import GradCheckCore
import GradCheckSymbolic
import Testing

/// Every derivative rule against the closed form a person derives by hand (textbook calculus), and against
/// central differences in Float80; never against another differentiation mode.
@Suite("Derivative rules")
struct DerivativeRuleTests {
    typealias F = Float80

    /// f′(u) by hand, for each elementary function.
    static func handDerivative(_ f: ElementaryFunction, _ u: F) -> F {
        switch f {
        case .exp, .expm1: F.exp(u)
        case .log: 1 / u
        case .log1p: 1 / (1 + u)
        case .log2: 1 / (u * F.log(2))
        case .log10: 1 / (u * F.log(10))
        case .sin: F.cos(u)
        case .cos: -F.sin(u)
        case .tan: 1 + F.tan(u) * F.tan(u)
        case .asin: 1 / (1 - u * u).squareRoot()
        case .acos: -1 / (1 - u * u).squareRoot()
        case .atan: 1 / (1 + u * u)
        case .sinh: F.cosh(u)
        case .cosh: F.sinh(u)
        case .tanh: 1 - F.tanh(u) * F.tanh(u)
        case .sqrt: 1 / (2 * u.squareRoot())
        case .cbrt: 1 / (3 * F.cbrt(u) * F.cbrt(u))
        case .erf: 2 / F.pi.squareRoot() * F.exp(-u * u)
        }
    }

    /// For each elementary function f: d/dx f(u(x)) with u = 2x + x² (so the chain rule is exercised) equals
    /// f′(u)·(2 + 2x), simplified or not, at points where u lies in f's domain (u ∈ {0.21, 0.44, 0.69}).
    @Test(arguments: ElementaryFunction.allCases)
    func chainRuleOfEveryElementaryFunction(_ f: ElementaryFunction) throws {
        let x = E.input(0)
        let u = 2 * x + E.pow(x, 2)
        let expression = E.apply(f, u)
        for simplified in [true, false] {
            let derivative = try expression.derivative(withRespectTo: 0, simplified: simplified)
            for point: F in [0.1, 0.2, 0.3] {
                let uValue = 2 * point + point * point
                let expected = Self.handDerivative(f, uValue) * (2 + 2 * point)
                let got: F = derivative.evaluate(at: [point])
                #expect(relativeError(got, expected) < 1e-15, "\(f) simplified=\(simplified) at \(point): \(got) vs \(expected)")
                let difference = centralDifference(expression, at: [point], input: 0)
                #expect(relativeError(got, difference) < 1e-8, "\(f) vs central difference at \(point)")
            }
        }
    }

    /// d/dx of f(x) itself at points across each function's domain, including negative arguments where
    /// they are allowed (cbrt at −2, atan at −3, …).
    @Test(arguments: ElementaryFunction.allCases)
    func elementaryFunctionAcrossItsDomain(_ f: ElementaryFunction) throws {
        let points: [F] = switch f {
        case .log, .log2, .log10, .sqrt: [0.25, 1.5, 40]
        case .log1p: [-0.5, 0.25, 3]
        case .asin, .acos: [-0.9, 0.1, 0.7]
        default: [-2, -0.3, 0.6, 2.5]
        }
        let derivative = try E.apply(f, .input(0)).derivative(withRespectTo: 0)
        for point in points {
            let got: F = derivative.evaluate(at: [point])
            #expect(relativeError(got, Self.handDerivative(f, point)) < 1e-15, "\(f)' at \(point)")
        }
    }

    /// The arithmetic rules: sum, difference, negation, product, quotient, integer powers.
    @Test func arithmeticRules() throws {
        let x = E.input(0), y = E.input(1)
        let point: [F] = [1.7, -0.6]
        let (a, b) = (point[0], point[1])
        let cases: [(E, [F])] = [
            (x + y, [1, 1]),
            (x - y, [1, -1]),
            (-x, [-1, 0]),
            (x * y, [b, a]),
            (x / y, [1 / b, -a / (b * b)]),
            (x * x * y, [2 * a * b, a * a]),
            ((x + y) / (x - y), [-2 * b / ((a - b) * (a - b)), 2 * a / ((a - b) * (a - b))]),
        ]
        for (expression, expected) in cases {
            for simplified in [true, false] {
                for i in 0..<2 {
                    let got: F = try expression.derivative(withRespectTo: i, simplified: simplified).evaluate(at: point)
                    #expect(relativeError(got, expected[i], floor: 1) < 1e-17, "d(\(expression))/dx\(i + 1)")
                }
            }
        }
    }

    /// d/dx xⁿ = n·xⁿ⁻¹ for negative, zero and positive n.
    @Test(arguments: [-3, -1, 0, 1, 2, 5])
    func integerPowers(_ n: Int) throws {
        let derivative = try E.pow(.input(0), n).derivative(withRespectTo: 0)
        for point: F in [-1.5, 0.5, 2] {
            let expected = F(n) * F.pow(point, n - 1)
            let got: F = derivative.evaluate(at: [point])
            #expect(relativeError(got, expected, floor: 1) < 1e-17, "d/dx x^\(n) at \(point)")
        }
    }

    /// The two-argument functions: pow with both arguments varying, with a constant exponent (defined for a
    /// negative base), with a constant base; atan2; hypot.
    @Test func binaryFunctionRules() throws {
        let x = E.input(0), y = E.input(1)
        let (a, b): (F, F) = (1.3, 0.7)
        let p = F.pow(a, b)
        let cases: [(String, E, [F], [F])] = [
            ("pow(x, y)", E.apply(.pow, x, y), [a, b], [b * F.pow(a, b - 1), p * F.log(a)]),
            ("pow(x, 3)", E.apply(.pow, x, 3), [-2, b], [12, 0]),
            ("pow(x, 2.5)", E.apply(.pow, x, 2.5), [a, b], [2.5 * F.pow(a, 1.5), 0]),
            ("pow(2, y)", E.apply(.pow, 2, y), [a, b], [0, F.pow(2, b) * F.log(2)]),
            ("atan2(x, y)", E.apply(.atan2, x, y), [a, b], [b / (a * a + b * b), -a / (a * a + b * b)]),
            ("hypot(x, y)", E.apply(.hypot, x, y), [a, b], [a / F.hypot(a, b), b / F.hypot(a, b)]),
        ]
        for (name, expression, point, expected) in cases {
            for simplified in [true, false] {
                for i in 0..<2 {
                    let got: F = try expression.derivative(withRespectTo: i, simplified: simplified).evaluate(at: point)
                    #expect(relativeError(got, expected[i], floor: 1) < 1e-15, "d\(name)/dx\(i + 1), simplified=\(simplified)")
                    if expected[i].isFinite {
                        let difference = centralDifference(expression, at: point, input: i)
                        #expect(relativeError(got, difference, floor: 1) < 1e-8, "\(name) vs central difference")
                    }
                }
            }
        }
    }

    /// A two-output function with composites (cot, a constant quotient, hypot, atan2), through tracing and
    /// all three strategies, against its Jacobian derived by hand.
    @Test(arguments: SymbolicOptions.Method.allCases)
    func jacobianOfTracedFunction(_ method: SymbolicOptions.Method) throws {
        let (a, b, c): (F, F, F) = (0.4, 1.2, 0.9)
        let h = F.hypot(b, c), h3 = h * h * h, r2 = a * a + b * b, ea = F.exp(a)
        let expected: [[F]] = [
            [b, a, -1 / (3 * F.sin(c) * F.sin(c))],
            [ea / h + b / r2, -ea * b / h3 - a / r2, -ea * c / h3],
        ]
        let output = try SymbolicStrategy(method: method).derivative(of: TwoOutputs(), at: [a, b, c], variant: .correct)
        for i in 0..<2 {
            for j in 0..<3 {
                #expect(relativeError(output.jacobian[i][j], expected[i][j], floor: 1) < 1e-17, "J[\(i)][\(j)] by \(method)")
            }
        }
    }
}
