import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// Every partial that reverse mode records, against central differences in extended precision and
/// closed forms, through each recording path (both operands tracked, one a constant, a tracing tape).
@Suite struct ElementaryRuleTests {
    let strategy = ReverseModeStrategy()

    @Test(arguments: UnaryCase.allCases)
    func unaryPartialMatchesCentralDifference(_ function: UnaryCase) throws {
        for x in function.points {
            let point = ExtendedReal(x)
            let derivative = try strategy.derivative(of: Unary(function: function), at: [point], variant: .correct)
            let ad = derivative.jacobian[0][0]
            let difference = centralDifference({ function.apply($0) }, at: point)
            #expect(close(ad, difference, rtol: differenceTolerance), "\(function)′(\(x)): AD \(ad), difference \(difference)")
            #expect(close(ad, function.closedForm(point), rtol: closedFormTolerance), "\(function)′(\(x)): closed form")
        }
    }

    @Test(arguments: UnaryCase.allCases, [false, true])
    func unaryPartialOnTracingTape(_ function: UnaryCase, tracing: Bool) {
        for x in function.points {
            let tape = Tape<ExtendedReal>(tracing: tracing)
            let input = tape.variable(ExtendedReal(x))
            let output = function.apply(input)
            #expect(output.value == function.apply(ExtendedReal(x)), "values are the plain program's")
            let gradient = tape.gradient(of: output, withRespectTo: [input])
            #expect(close(gradient[0], function.closedForm(ExtendedReal(x)), rtol: closedFormTolerance))
        }
    }

    /// The field operations and binary functions, with both operands tracked, with either one a constant
    /// (the one-operand records), and on a tracing tape (constants recorded as nodes).
    @Test(arguments: BinaryOperation.allCases)
    func binaryPartialsMatchCentralDifferences(_ operation: BinaryOperation) {
        for (x, y) in operation.points {
            let (px, py) = (ExtendedReal(x), ExtendedReal(y))
            let dx = centralDifference({ operation.apply($0, py) }, at: px)
            let dy = centralDifference({ operation.apply(px, $0) }, at: py)
            for tracing in [false, true] {
                for (trackX, trackY) in [(true, true), (true, false), (false, true)] {
                    let tape = Tape<ExtendedReal>(tracing: tracing)
                    let u = trackX ? tape.variable(px) : Tracked(constant: px)
                    let w = trackY ? tape.variable(py) : Tracked(constant: py)
                    let output = operation.apply(u, w)
                    #expect(output.value == operation.apply(px, py))
                    tape.reverseSweep(from: output)
                    let context = "\(operation) at (\(x), \(y)), tracked \((trackX, trackY)), tracing \(tracing)"
                    if trackX { #expect(close(tape.adjoint(of: u), dx, rtol: differenceTolerance), "∂/∂x, \(context)") }
                    if trackY { #expect(close(tape.adjoint(of: w), dy, rtol: differenceTolerance), "∂/∂y, \(context)") }
                }
            }
        }
    }

    /// pow(x, c) with a constant exponent at a negative base records only the base partial (no ln x).
    @Test func powerWithConstantExponentAtNegativeBase() {
        let tape = Tape<Double>()
        let x = tape.variable(-2)
        #expect(tape.gradient(of: Tracked.pow(x, Tracked(3)), withRespectTo: [x]) == [12])
        #expect(tape.gradient(of: Tracked.pow(x, Tracked(-2)), withRespectTo: [x]) == [0.25])
        #expect(tape.gradient(of: Tracked.pow(x, 3), withRespectTo: [x]) == [12])
    }

    /// pow(c, y) = cʸ·ln c; at x = 0: ∂/∂y is the limit 0, ∂/∂x = y·0^(y−1).
    @Test func powerWithConstantBaseAndAtZero() {
        let tape = Tape<Double>()
        let y = tape.variable(3)
        #expect(close(tape.gradient(of: Tracked.pow(Tracked(2), y), withRespectTo: [y])[0], 8 * Double.log(2), rtol: 1e-15))
        let (u, w) = (tape.variable(0), tape.variable(2))
        #expect(tape.gradient(of: Tracked.pow(u, w), withRespectTo: [u, w]) == [0, 0])
        let v = tape.variable(0)
        #expect(tape.gradient(of: Tracked.pow(v, Tracked(1)), withRespectTo: [v]) == [1])
    }

    @Test func accuracyWhereTextbookFormsFail() {
        let tape = Tape<Double>()
        let a = tape.variable(-40), b = tape.variable(25), c = tape.variable(1 - 0x1p-40)
        let expm1 = tape.gradient(of: Tracked.expm1(a), withRespectTo: [a])[0]
        #expect(close(expm1 / Double.exp(-40), 1, rtol: 1e-15))
        let tanh = tape.gradient(of: Tracked.tanh(b), withRespectTo: [b])[0]
        let truth = 4 * Double.exp(-50) / ((1 + Double.exp(-50)) * (1 + Double.exp(-50)))
        #expect(tanh > 0 && close(tanh / truth, 1, rtol: 1e-14))
        let asin = tape.gradient(of: Tracked.asin(c), withRespectTo: [c])[0]
        let x = c.value
        #expect(close(asin * ((1 - x) * (1 + x)).squareRoot(), 1, rtol: 1e-15))
    }
}

/// The two-operand operations: field operations and binary elementary functions.
enum BinaryOperation: String, CaseIterable, Sendable, CustomStringConvertible {
    case add, subtract, multiply, divide, atan2, pow, hypot

    var description: String { rawValue }

    func apply<S: DifferentiableScalar>(_ x: S, _ y: S) -> S {
        switch self {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        case .atan2: S.atan2(y: x, x: y)
        case .pow: S.pow(x, y)
        case .hypot: S.hypot(x, y)
        }
    }

    var points: [(Double, Double)] {
        switch self {
        case .add, .subtract, .multiply, .divide: [(1.5, -2.25), (-0.3, 0.7)]
        case .atan2: [(1, 2), (-0.5, -1.5), (2, -0.3)]
        case .pow: [(1.5, 2.3), (0.4, -1.7), (3, 0.5)]
        case .hypot: [(3, 4), (-1e-3, 2), (-2, -5)]
        }
    }
}
