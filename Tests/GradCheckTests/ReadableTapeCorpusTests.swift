import GradCheck
import Testing

/// Over the standard corpus and the starter functions, the packed tape's reverse sweep gives bit for bit
/// the adjoints of the one-screen ``ReadableTape`` over the same records, for every output.
@Suite struct ReadableTapeCorpusTests {
    func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }

    @Test func thePackedSweepIsTheReadableOneOnTheCorpus() throws {
        let functions = try StandardCorpus.functions().filter { $0.inputCount <= 64 } + StarterCorpus.functions
        var sweeps = 0
        for function in functions {
            for point in function.sampling.points(random: 2, seed: 11, salt: function.id.description) {
                let tape = Tape<Double>()
                let inputs = tape.variables(point)
                guard let outputs = try? function.evaluate(inputs) else { continue }
                let readable = ReadableTape<Double>(records: tape.records)
                for output in outputs {
                    guard let node = output.nodeIndex else { continue }
                    tape.reverseSweep(from: output)
                    let expected = readable.adjoints(from: node)
                    let packed = tape.adjoints
                    #expect(packed.count == expected.count)
                    let differing = zip(packed, expected).enumerated().filter { !same($0.element.0, $0.element.1) }
                    #expect(differing.isEmpty, "\(function.id) at \(point): \(differing.prefix(3))")
                    sweeps += 1
                }
            }
        }
        #expect(sweeps > 100)
    }
}
