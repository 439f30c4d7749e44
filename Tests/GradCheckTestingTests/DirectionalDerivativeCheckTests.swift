import Foundation
import GradCheckTesting
import Testing

/// f(x) = (x₀·x₁ + sin x₂, x₀²·x₂ + e^{x₁}): a map ℝ³ → ℝ² whose Jacobian is not symmetric anywhere
/// near the test points, so a transposed entry changes the pullback.
///
///     J = [ x₁        x₀     cos x₂ ]
///         [ 2·x₀·x₂   e^{x₁}  x₀²    ]
enum Mixed {
    static func value(_ x: [Double]) -> [Double] { [x[0] * x[1] + sin(x[2]), x[0] * x[0] * x[2] + exp(x[1])] }
    static func jacobian(_ x: [Double]) -> [[Double]] {
        [[x[1], x[0], cos(x[2])], [2 * x[0] * x[2], exp(x[1]), x[0] * x[0]]]
    }
    /// J·u, from the closed form.
    static func jvp(_ x: [Double], _ u: [Double]) -> [Double] {
        jacobian(x).map { row in zip(row, u).reduce(0) { $0 + $1.0 * $1.1 } }
    }
    /// wᵀJ, from the closed form.
    static func vjp(_ x: [Double], _ w: [Double]) -> [Double] {
        let j = jacobian(x)
        return (0..<3).map { c in w[0] * j[0][c] + w[1] * j[1][c] }
    }
    /// wᵀJ with J₀₁ and J₁₀ swapped: one entry transposed.
    static func vjpWithTransposedEntry(_ x: [Double], _ w: [Double]) -> [Double] {
        var j = jacobian(x)
        (j[0][1], j[1][0]) = (j[1][0], j[0][1])
        return (0..<3).map { c in w[0] * j[0][c] + w[1] * j[1][c] }
    }
}

/// ``Mixed`` written generically, for the exact reference.
struct MixedMap: GenericVectorFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [x[0] * x[1] + S.sin(x[2]), x[0] * x[0] * x[2] + S.exp(x[1])]
    }
}

/// x₀²·sin x₁, written generically.
struct SquareTimesSine: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { x[0] * x[0] * S.sin(x[1]) }
}

@Suite("JVPs and pullbacks")
struct DirectionalDerivativeCheckTests {
    static let points = SamplePoints.points([[0.5, -1, 2], [1.5, 0.3, -0.7]], plus: 3, in: [-2...2, -2...2, -2...2], seed: 5)

    @Test func aCorrectPairPassesInBothShapes() {
        let closure = expectDerivatives(
            of: Mixed.value, jvp: Mixed.jvp, vjp: Mixed.vjp, at: Self.points, directions: .randomAndUnitBasis())
        let generic = expectDerivatives(
            of: MixedMap(), jvp: Mixed.jvp, vjp: Mixed.vjp, at: Self.points, directions: .randomAndUnitBasis())
        for report in [closure, generic] {
            #expect(report.passed)
            #expect(report.subject == "JVP/VJP")
            // 3 random + 3 basis tangents with 2 entries each, 3 random + 2 basis seeds with 3 entries
            // each, and 3 dot products, at each of 5 points.
            #expect(report.points.allSatisfy { $0.entries.count == 6 * 2 + 5 * 3 + 3 })
            #expect(report.points.allSatisfy { $0.entries.contains { $0.name == "⟨jvp(u1), w1⟩ = ⟨u1, vjp(w1)⟩" } })
        }
    }

    @Test func aPullbackWithOneTransposedEntryFailsNamingTheEntry() throws {
        let generic = checkDerivatives(
            of: MixedMap(), jvp: Mixed.jvp, vjp: Mixed.vjpWithTransposedEntry, at: [0.5, -1, 2], directions: .unitBasis)
        #expect(generic.outcome == .failed)
        #expect(generic.badEntries.map(\.entry.name).sorted() == ["vjp(e0)[1] = ∂f[0]/∂x[1]", "vjp(e1)[0] = ∂f[1]/∂x[0]"])
        let wrong = try #require(generic.badEntries.first { $0.entry.name.hasPrefix("vjp(e0)[1]") }?.entry)
        #expect(wrong.value == 2 * 0.5 * 2 && wrong.reference == 0.5)  // got J₁₀ = 2·x₀·x₂, reference J₀₁ = x₀

        // Along random seeds: entries 0 and 1 of wᵀJ are wrong, entry 2 and every JVP entry are right.
        let closure = checkDerivatives(of: Mixed.value, jvp: Mixed.jvp, vjp: Mixed.vjpWithTransposedEntry, at: [0.5, -1, 2])
        #expect(closure.outcome == .failed)
        let names = Set(closure.badEntries.map(\.entry.name))
        #expect(names.isSuperset(of: ["vjp(w1)[0]", "vjp(w1)[1]"]))
        #expect(!names.contains { $0.hasPrefix("jvp(") || $0.hasPrefix("vjp(w1)[2]") })
    }

    /// A JVP wrong by 10⁻¹⁰ relative is inside the difference reference's tolerance (10⁻⁸), but the
    /// dot-product test against the correct pullback sees it: rounding alone is about 10⁻¹⁶.
    @Test func theDotProductTestSeesWhatDifferencesCannot() {
        let slightlyOff = { (x: [Double], u: [Double]) in Mixed.jvp(x, u).map { $0 * (1 + 1e-10) } }
        let report = checkDerivatives(of: Mixed.value, jvp: slightlyOff, vjp: Mixed.vjp, at: [0.5, -1, 2])
        #expect(report.outcome == .failed)
        #expect(!report.badEntries.isEmpty)
        #expect(report.badEntries.allSatisfy { $0.entry.name.hasPrefix("⟨jvp(u") })
        // Alone, each side is within the reference's tolerance.
        #expect(checkDerivatives(of: Mixed.value, jvp: slightlyOff, at: [0.5, -1, 2]).passed)
    }

    @Test func aScalarFunctionWithItsGradientAsJVPAndVJP() {
        let f = { (x: [Double]) in x[0] * x[0] * sin(x[1]) }
        let gradient = { (x: [Double]) in [2 * x[0] * sin(x[1]), x[0] * x[0] * cos(x[1])] }
        let jvp = { (x: [Double], u: [Double]) in zip(gradient(x), u).reduce(0) { $0 + $1.0 * $1.1 } }
        let vjp = { (x: [Double], w: Double) in gradient(x).map { w * $0 } }
        let box: [ClosedRange<Double>] = [-2...2, -2...2]
        #expect(expectDerivatives(of: f, jvp: jvp, vjp: vjp, at: .random(4, in: box, seed: 2)).passed)
        #expect(expectDerivatives(of: SquareTimesSine(), jvp: jvp, vjp: vjp, at: .random(4, in: box, seed: 2)).passed)
        let flipped = checkDerivatives(of: f, vjp: { x, w in vjp(x, -w) }, at: [1.5, 0.3])
        #expect(flipped.outcome == .failed)
        #expect(flipped.failureText?.contains("hint: every wrong entry is ≈ −1× the reference: a sign?") == true)
    }

    /// The vectors behind the names `u1`, `w1`, … are public, so a failure can be replayed by hand.
    @Test func theCheckedDirectionsCanBeHadAgain() {
        final class Log: @unchecked Sendable { var tangents: [[Double]] = [], cotangents: [[Double]] = [] }
        let log = Log()
        let directions = CheckDirections.random(2, seed: 9)
        let report = checkDerivatives(
            of: Mixed.value, jvp: { x, u in log.tangents.append(u); return Mixed.jvp(x, u) },
            vjp: { x, w in log.cotangents.append(w); return Mixed.vjp(x, w) }, at: [0.5, -1, 2], directions: directions)
        #expect(report.passed)
        #expect(log.tangents == directions.tangents(dimension: 3))
        #expect(log.cotangents == directions.cotangents(dimension: 2))
        #expect(log.tangents.allSatisfy { abs($0.reduce(0) { $0 + $1 * $1 } - 1) < 1e-15 })
        #expect(report.replayHint == "the same call; uk and wk are CheckDirections(randomCount: 2, seed: 9, "
            + "includesUnitBasis: false).tangents(dimension: n)[k − 1] and .cotangents(dimension: m)[k − 1]")
    }

    @Test func aProductOfTheWrongLengthFailsSayingWhich() {
        let report = checkDerivatives(of: Mixed.value, jvp: { x, u in [Mixed.jvp(x, u)[0]] }, at: [0.5, -1, 2])
        #expect(report.outcome == .failed)
        #expect(report.points[0].message?.hasPrefix("the JVP returned 1 value for u1; f has 2 outputs") == true)
        let short = checkDerivatives(of: Mixed.value, vjp: { x, w in Array(Mixed.vjp(x, w).dropLast()) }, at: [0.5, -1, 2])
        #expect(short.outcome == .failed)
        #expect(short.points[0].message?.hasPrefix("the VJP returned 2 values for w1; f has 3 inputs") == true)
    }

    @Test func atAKinkThePointIsUndecidedNeverPassed() {
        let report = checkDerivatives(
            of: { (x: [Double]) in abs(x[0]) }, vjp: { x, w in [w * (x[0] < 0 ? -1 : 1)] }, at: [0])
        #expect(report.outcome == .undecided)
    }

    @Test func aLayoutThatDoesNotFitFailsWithItsSizes() {
        let report = checkDerivatives(of: Mixed.value, vjp: Mixed.vjp, at: [0.5, -1, 2], layout: ["a": [2]])
        #expect(report.outcome == .failed)
        #expect(report.points[0].message == "the layout covers 2 coordinates (a: 2) but the point has 3")
    }

    @Test func entriesOfThePullbackAreNamedByTheLayout() {
        let report = checkDerivatives(
            of: MixedMap(), vjp: Mixed.vjpWithTransposedEntry, at: [0.5, -1, 2], directions: .unitBasis,
            layout: ["scale": [], "v": [2]])
        #expect(report.badEntries.map(\.entry.name).sorted() == ["vjp(e0)[v[0]] = ∂f[0]/∂v[0]", "vjp(e1)[scale] = ∂f[1]/∂scale"])
    }
}
