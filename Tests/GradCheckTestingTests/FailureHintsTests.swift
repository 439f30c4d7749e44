import GradCheckTesting
import Testing

/// Each hint where its pattern holds for every wrong entry, and none where it does not.
@Suite("Failure hints")
struct FailureHintsTests {
    static let point: SamplePoints = [0.5, -1.25, 2, 0.75]

    static func hints(_ gradient: @escaping ([Double]) -> [Double]) -> [String] {
        FailureHints.hints(for: checkGradient(of: WeightedSquares(), gradient: gradient, at: point))
    }

    @Test func aSign() {
        #expect(Self.hints { WeightedSquares.gradient($0).map { -$0 } } == ["every wrong entry is ≈ −1× the reference: a sign?"])
        #expect(Self.hints { var g = WeightedSquares.gradient($0); g[1] = -g[1]; return g }
            == ["the wrong entry is ≈ −1× the reference: a sign?"])
    }

    @Test func aFactorOfTwoEitherWay() {
        #expect(Self.hints { WeightedSquares.gradient($0).map { 2 * $0 } } == ["every wrong entry is ≈ 2× the reference: a factor of 2?"])
        #expect(Self.hints { WeightedSquares.gradient($0).map { $0 / 2 } } == ["every wrong entry is ≈ ½× the reference: a factor of 2?"])
    }

    @Test func anIndexShiftEitherWay() {
        let down = Self.hints { x in let g = WeightedSquares.gradient(x); return [g[0]] + g.dropLast() }
        #expect(down == ["every wrong entry is the reference of its neighbour (got[j] = reference[j−1]): an index shift by −1?"])
    }

    @Test func noHintWhenThePatternsMix() {
        #expect(Self.hints { x in var g = WeightedSquares.gradient(x); g[0] = -g[0]; g[1] *= 2; return g }.isEmpty)
        #expect(Self.hints { x in WeightedSquares.gradient(x).map { $0 + 1 } }.isEmpty)
    }

    @Test func onlyOneBlockWrong() {
        let report = checkGradient(
            of: WeightedSquares(), gradient: { x in var g = WeightedSquares.gradient(x); g[2] += 1; g[3] += 3; return g },
            at: Self.point, layout: ["a": [2], "b": [2]])
        #expect(FailureHints.hints(for: report) == ["all 2 wrong entries lie in block b: only b is wrong"])
    }
}
