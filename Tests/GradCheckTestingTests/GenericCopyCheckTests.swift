import GradCheckTesting
import Testing

/// Σᵢ xᵢ² written generically, summed from the front.
private struct SumOfSquares: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { x.reduce(S(0)) { $0 + $1 * $1 } }
}

/// Σᵢ xᵢ written generically, summed from the front.
private struct PlainSum: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { x.reduce(S(0), +) }
}

@Suite("A generic copy against the production closure")
struct GenericCopyCheckTests {
    static let box = SamplePoints.random(8, in: -3...3, dimension: 40, seed: 4)

    @Test func theSameFormulaSummedInAnotherOrderAgrees() {
        // The production code sums backwards: the rounding differs, the function does not.
        let backwards = { (x: [Double]) -> Double in x.reversed().reduce(0) { $0 + $1 * $1 } }
        let report = expectGenericCopy(SumOfSquares(), matches: backwards, at: Self.box)
        #expect(report.passed)
        #expect(report.points.count == 8)
    }

    /// Summed backwards, Σ(10¹⁶, 1, −10¹⁶, 1) is 0 in Double and summed forwards 1; the exact value is 2.
    /// The copy's own rounding error (1) allows the reordering's (2): it is the same function.
    @Test func anIllConditionedSumInAnotherOrderIsStillTheSameFunction() {
        let backwards = { (x: [Double]) -> Double in x.reversed().reduce(0, +) }
        #expect(backwards([1e16, 1, -1e16, 1]) == 0)
        #expect(checkGenericCopy(PlainSum(), matches: backwards, at: [1e16, 1, -1e16, 1]).passed)
    }

    @Test func aCopyThatDropsATermFailsNamingThePoint() throws {
        let dropsTheLast = { (x: [Double]) -> Double in x.dropLast().reduce(0) { $0 + $1 * $1 } }
        let report = checkGenericCopy(SumOfSquares(), matches: dropsTheLast, at: [1, 2, 0.5])
        #expect(report.outcome == .failed)
        let text = try #require(report.failureText)
        #expect(text.contains("worst: f(x) at point 1: got 5, reference 5.25"), "\(text)")
    }

    @Test func aValueOneUlpAwayIsRoundingNotADifference() {
        let nudged = { (x: [Double]) -> Double in (x[0] * x[0] + x[1] * x[1]).nextUp }
        #expect(checkGenericCopy(SumOfSquares(), matches: nudged, at: [1.1, 2.3]).passed)
    }

    @Test func aNaNWhereTheCopyIsFiniteFails() {
        let broken = { (x: [Double]) -> Double in x[0] > 0 ? .nan : x[0] * x[0] }
        #expect(checkGenericCopy(SumOfSquares(), matches: broken, at: [2]).outcome == .failed)
        #expect(checkGenericCopy(SumOfSquares(), matches: broken, at: [-2]).passed)
    }

    @Test func oneRangeForAllInputsDrawsTheSamePointsAsTheRepeatedBox() {
        let cube = SamplePoints.random(5, in: -1...2, dimension: 3, seed: 9).resolved.map(\.coordinates)
        let box = SamplePoints.random(5, in: [-1...2, -1...2, -1...2], seed: 9).resolved.map(\.coordinates)
        #expect(cube == box)
        #expect(cube.allSatisfy { $0.count == 3 && $0.allSatisfy { (-1...2).contains($0) } })
    }
}
