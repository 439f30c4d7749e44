import GradCheck
import Testing

/// Over the whole standard corpus and the starter functions, chunked forward mode gives bit for bit the
/// Jacobian that scalar forward mode gives one direction at a time: a chunk is only several dual numbers
/// computed together (see `ChunkedDualPerDirectionTests` for each rule). The one exception is the sign of
/// a zero: a chunk that carries no partials skips their arithmetic, so −(constant) has partials +0 where
/// the scalar dual number computes −0 (as in `kinks/clamp`, whose `-1` is a negated constant).
@Suite struct ChunkedForwardIdentityTests {
    func same(_ a: Double, _ b: Double) -> Bool {
        a.isNaN ? b.isNaN : a == 0 ? b == 0 : a.bitPattern == b.bitPattern
    }

    @Test func chunkedAndScalarForwardModeAgreeBitForBitOnTheCorpus() throws {
        let functions = try StandardCorpus.functions().filter { $0.inputCount <= 64 } + StarterCorpus.functions
        var compared = 0
        for function in functions {
            for point in function.sampling.points(random: 2, seed: 7, salt: function.id.description) {
                let scalar: StrategyOutput<Double>, chunked: StrategyOutput<Double>
                do {
                    scalar = try ForwardModeStrategy().derivative(of: function, at: point, variant: .correct)
                    chunked = try ChunkedForwardModeStrategy().derivative(of: function, at: point, variant: .correct)
                } catch {
                    continue  // a point outside what the function evaluates (the runner reports those)
                }
                for (rowS, rowC) in zip(scalar.jacobian, chunked.jacobian) {
                    for (j, (s, c)) in zip(rowS, rowC).enumerated() {
                        #expect(same(s, c), "\(function.id) at \(point), input \(j): scalar \(s), chunked \(c)")
                    }
                }
                compared += 1
            }
        }
        #expect(compared > 100)
    }
}
