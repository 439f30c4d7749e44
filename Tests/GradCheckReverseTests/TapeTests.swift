import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// The tape as a Wengert list: listing, traces, adjoint accumulation, constants.
@Suite struct TapeTests {
    /// The article's primal trace: v₋₁ = x₁, v₀ = x₂, v₁ = v₀², v₂ = sin v₁, v₃ = v₋₁/v₂, v₄ = ln v₃,
    /// v₅ = √v₄, v₆ = v₋₁·v₅ (tape nodes 0…7 are v₋₁…v₆).
    @Test func listsTheFirstArticlesPrimalTrace() throws {
        let tape = Tape<Double>()
        let x1 = tape.variable(2), x2 = tape.variable(1)
        let y = try ArticleFunction().evaluate([x1, x2])[0]
        #expect(y.nodeIndex == 7)
        let records = tape.records
        #expect(records.map(\.operation) == [.input, .input, .integerPower, .sin, .divide, .log, .sqrt, .multiply])
        #expect(records.map(\.operands) == [[], [], [1], [2], [0, 3], [4], [5], [0, 6]])
        #expect(records.allSatisfy { $0.value == nil }, "an untraced tape keeps no values")
        #expect(tape.byteCount == 104)
    }

    /// xⁿ for n = Int.min: n − 1 is no Int, so the partial n·xⁿ⁻¹ forms xⁿ⁻¹ as xⁿ / x (at x = −1: 2⁶³),
    /// on a plain and on a tracing tape.
    @Test(arguments: [false, true])
    func integerPowerOfIntMin(tracing: Bool) {
        let tape = Tape<Double>(tracing: tracing)
        let x = tape.variable(-1)
        let y = Tracked.pow(x, Int.min)
        #expect(y.value == 1)
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [0x1p63])
    }

    /// A tracing tape keeps values and records the exponent 2 as a constant node; the adjoint trace runs
    /// bottom to top and v₋₁ accumulates its two contributions (through v₃ and through v₆).
    @Test func tracesPrimalAndAdjointValues() throws {
        let tape = Tape<Double>(tracing: true)
        let x1 = tape.variable(2), x2 = tape.variable(1)
        let y = try ArticleFunction().evaluate([x1, x2])[0]
        let records = tape.records
        #expect(records.map(\.operation) == [.input, .input, .constant, .integerPower, .sin, .divide, .log, .sqrt, .multiply])
        #expect(records[3].operands == [1, 2])
        let v = records.map { $0.value! }
        let (v1, v2) = (1.0, Double.sin(1))
        let v3 = 2 / v2, v4 = Double.log(v3), v5 = v4.squareRoot()
        #expect(v == [2, 1, 2, v1, v2, v3, v4, v5, 2 * v5])

        tape.reverseSweep(from: y)
        let a = tape.adjoints
        let bar6 = 1.0, bar5 = bar6 * 2, bar4 = bar5 / (2 * v5), bar3 = bar4 / v3
        let bar2 = -bar3 * 2 / (v2 * v2), bar1 = bar2 * Double.cos(v1), bar0 = bar1 * 2 * 1
        let viaV3 = bar3 / v2, viaV6 = bar6 * v5
        #expect(close(a[8], bar6, rtol: 1e-15) && close(a[7], bar5, rtol: 1e-15))
        #expect(close(a[6], bar4, rtol: 1e-15) && close(a[5], bar3, rtol: 1e-15))
        #expect(close(a[4], bar2, rtol: 1e-15) && close(a[3], bar1, rtol: 1e-15))
        #expect(close(a[1], bar0, rtol: 1e-15))
        #expect(close(a[0], viaV3 + viaV6, rtol: 1e-15), "v̄₋₁ = v̄₃·∂v₃/∂v₋₁ + v̄₆·∂v₆/∂v₋₁")
        // The listed partials are the ones the accumulation used.
        #expect(records[5].partials[0] == 1 / v2 && records[8].partials[0] == v5)
    }

    /// Tracing changes what is listed, never the gradient.
    @Test func tracingDoesNotChangeGradients() throws {
        let f = Rosenbrock(n: 12)
        let plain = try ReverseModeStrategy.derivative(of: f, at: f.point(), on: Tape<Double>())
        let traced = try ReverseModeStrategy.derivative(of: f, at: f.point(), on: Tape<Double>(tracing: true))
        #expect(plain.jacobian == traced.jacobian)
        #expect(traced.figures.tapeEntries! > plain.figures.tapeEntries!, "constants become nodes")
    }

    @Test(arguments: [-0.75, 2.0])
    func fanOutSumsEveryUse(_ x: Double) {
        let tape = Tape<Double>()
        let input = tape.variable(x)
        let y = input * input * input + input
        #expect(close(tape.gradient(of: y, withRespectTo: [input])[0], 3 * x * x + 1, rtol: 1e-15))
    }

    /// Literals and constants need no tape, and combining them records nothing.
    @Test func constantsNeedNoTape() {
        let c: Tracked<Double> = 3
        let d = c * Tracked(2.5) + Tracked.sin(c) - Tracked.pow(c, 2)
        #expect(d.isConstant && d.nodeIndex == nil)
        #expect(d.value == 3 * 2.5 + Double.sin(3) - 9)
        let tape = Tape<Double>()
        let x = tape.variable(1)
        let y = x * c + 1
        #expect(tape.entryCount == 3, "input, x·c, + 1: constants are not nodes")
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [3])
        #expect(tape.adjoint(of: c) == 0)
    }

    /// Comparisons look at values only, whether tracked or not.
    @Test func comparisonsUseValues() {
        let tape = Tape<Double>()
        let x = tape.variable(2)
        #expect(x == Tracked(2) && x < Tracked(3) && !(x < 1))
    }

    /// A node recorded after the swept output cannot influence it: its adjoint is 0.
    @Test func nodesAfterTheOutputHaveZeroAdjoint() {
        let tape = Tape<Double>()
        let x = tape.variable(2), y = tape.variable(3)
        let first = x * y
        let later = Tracked.exp(first)
        tape.reverseSweep(from: first)
        #expect(tape.adjoint(of: x) == 3 && tape.adjoint(of: y) == 2 && tape.adjoint(of: later) == 0)
    }

    @Test func operationKindsFitTheirFiveBits() {
        #expect(TapeOperation.allCases.count <= 32)
        #expect(TapeOperation.allCases.map(\.rawValue) == Array(0..<UInt8(TapeOperation.allCases.count)))
    }
}
