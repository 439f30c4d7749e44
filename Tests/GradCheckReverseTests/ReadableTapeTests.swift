import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// The packed ``Tape`` computes, bit for bit, the adjoints of the one-screen ``ReadableTape`` run over
/// the same records: on every elementary rule (at its points and at the edges of its domain, where
/// infinities and NaNs show whether a sweep skips or reorders anything) and on fan-out.
@Suite struct ReadableTapeTests {
    /// Equal as bit patterns, NaN equal to NaN.
    static func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }

    /// Records `body` on a packed tape, sweeps from its output, and compares every node's adjoint with
    /// the readable tape's.
    static func compare(_ inputs: [Double], _ body: ([Tracked<Double>]) -> Tracked<Double>) -> [String] {
        let tape = Tape<Double>()
        let x = tape.variables(inputs)
        let y = body(x)
        guard let output = y.nodeIndex else { return [] }
        tape.reverseSweep(from: y)
        let readable = ReadableTape<Double>(records: tape.records).adjoints(from: output)
        let packed = tape.adjoints
        guard packed.count == readable.count else { return ["\(packed.count) adjoints packed, \(readable.count) readable"] }
        return packed.indices.compactMap { k in
            same(packed[k], readable[k]) ? nil : "node \(k): packed \(packed[k]), readable \(readable[k])"
        }
    }

    @Test(arguments: UnaryCase.allCases)
    func everyUnaryRule(_ unary: UnaryCase) {
        for x in unary.points + [0, 1, -1, -0.5, .infinity] {
            // x·f(x) + f(x): the rule's node fans out to two readers.
            let differences = Self.compare([x]) { v in
                let f = unary.apply(v[0])
                return v[0] * f + f
            }
            #expect(differences.isEmpty, "\(unary) at \(x): \(differences)")
        }
    }

    @Test(arguments: BinaryCase.allCases)
    func everyBinaryRule(_ binary: BinaryCase) {
        let edges: [(Double, Double)] = [(0, 0.5), (0, 2), (0, -1), (-2, 3), (-2, 0.5), (1, 0), (0, 0)]
        for (a, b) in binary.points + edges {
            let differences = Self.compare([a, b]) { v in
                let f = binary.apply(v[0], v[1])
                return f * v[1] - f / v[0] + (-f)
            }
            #expect(differences.isEmpty, "\(binary) at (\(a), \(b)): \(differences)")
        }
    }

    /// The readable tape by hand: v₂ = v₀·v₁, v₃ = sin v₂ + v₀ at (2, 3) has ∂v₃/∂v₀ = cos 6 · 3 + 1 and
    /// ∂v₃/∂v₁ = cos 6 · 2.
    @Test func aHandRecordedProgram() {
        var tape = ReadableTape<Double>()
        let x0 = tape.record(), x1 = tape.record()
        let product = tape.record(operands: [x0, x1], partials: [3, 2])
        let sine = tape.record(operands: [product], partials: [Double.cos(6)])
        let output = tape.record(operands: [sine, x0], partials: [1, 1])
        let gradient = tape.gradient(of: output, withRespectTo: [x0, x1])
        #expect(gradient == [Double.cos(6) * 3 + 1, Double.cos(6) * 2])
    }
}
