import GradCheckTesting
import Testing

/// Σₖ cₖ·xₖ² with cₖ = k + 1: the gradient is 2·cₖ·xₖ, every entry different.
struct WeightedSquares: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        x.indices.reduce(S(0)) { $0 + S(Double($1 + 1)) * x[$1] * x[$1] }
    }
    static func gradient(_ x: [Double]) -> [Double] { x.indices.map { 2 * Double($0 + 1) * x[$0] } }
}

/// Σₖ cₖ·xₖ with cₖ = (k + 1)²: the gradient is the constant c, every entry different.
struct WeightedSum: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        x.indices.reduce(S(0)) { $0 + S(Double(($1 + 1) * ($1 + 1))) * x[$1] }
    }
}

/// The failure texts of the readable-failure features, pinned in `Golden/` (regenerate with
/// `GRADCHECK_UPDATE_GOLDEN=1 swift test --skip-build --filter GoldenTests` and review the diff): entries
/// named by a layout, the hints, the cap on the table with the rest counted, long points summarised,
/// and the JVP/VJP check's entries.
@Suite("Failure text golden files")
struct FailureTextGoldenTests {
    /// A 9-parameter model whose bias gradient has the wrong sign: named entries, two hints, the point
    /// summarised.
    @Test func aLayoutWithASignErrorInOneBlock() throws {
        let gradient = { (x: [Double]) in
            WeightedSquares.gradient(x).enumerated().map { $0.offset >= 6 ? -$0.element : $0.element }
        }
        let point = (0..<9).map { 0.25 * Double($0) - 0.6 }
        let report = checkGradient(of: WeightedSquares(), gradient: gradient, at: .point(point), layout: ["W": [2, 3], "b": [3]])
        #expect(report.badEntries.count == 3)
        try GoldenFile.check(try #require(report.failureText), against: "layout-sign-in-one-block.txt")
    }

    /// 40 entries all doubled: the factor-2 hint, 20 rows shown and 20 counted, the point summarised;
    /// the full text has every row and every coordinate.
    @Test func aLongGradientIsCappedAndTheFullTextHasEverything() throws {
        let point = (0..<40).map { Double($0) / 8 + 0.125 }
        let report = checkGradient(of: WeightedSquares(), gradient: { WeightedSquares.gradient($0).map { 2 * $0 } }, at: .point(point))
        #expect(FailureText.isAbridged(report))
        try GoldenFile.check(try #require(report.failureText), against: "capped-long-gradient.txt")
        try GoldenFile.check(try #require(report.fullFailureText), against: "capped-long-gradient-full.txt")
    }

    /// In a Swift Testing test the short text is the issue (the full text goes beside it as an
    /// attachment, which a test cannot read back).
    @Test func aLongFailureRecordsTheShortTextAsTheIssue() {
        let point = (0..<40).map { Double($0) / 8 + 0.125 }
        let doubled = { (x: [Double]) in WeightedSquares.gradient(x).map { 2 * $0 } }
        let short = checkGradient(of: WeightedSquares(), gradient: doubled, at: .point(point)).failureText ?? "?"
        withKnownIssue {
            expectGradient(of: WeightedSquares(), gradient: doubled, at: .point(point))
        } matching: { issue in
            issue.comments.map(\.rawValue) == [short]
        }
    }

    /// got[j] = reference[j + 1]: the index-shift hint.
    @Test func anIndexShiftIsNamed() throws {
        let shifted = { (x: [Double]) in (0..<x.count).map { j in Double((min(j + 1, x.count - 1) + 1) * (min(j + 1, x.count - 1) + 1)) } }
        let report = checkGradient(of: WeightedSum(), gradient: shifted, at: [1, 2, 3, 4, 5])
        #expect(report.badEntries.count == 4)
        try GoldenFile.check(try #require(report.failureText), against: "index-shift.txt")
    }

    /// A pullback with one transposed entry, along the unit basis and one random seed.
    @Test func aTransposedPullbackEntry() throws {
        let report = checkDerivatives(
            of: MixedMap(), jvp: Mixed.jvp, vjp: Mixed.vjpWithTransposedEntry, at: [0.5, -1, 2],
            directions: .randomAndUnitBasis(1))
        try GoldenFile.check(try #require(report.failureText), against: "transposed-pullback.txt")
    }
}
