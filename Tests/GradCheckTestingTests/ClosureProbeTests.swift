import Foundation
import GradCheckTesting
import Testing

/// The closure shape on the functions that used to trip it: kinks, a curvature jump, noisy values,
/// a long sum, tiny inputs, entries of very different sizes — a correct gradient never fails, a wrong one
/// never passes.
@Suite("Closure probes: noise, kinks, scales and the floor")
struct ClosureProbeTests {
    /// The outcomes of a report's points.
    static func outcomes(_ report: GradientCheckReport) -> [CheckOutcome] { report.points.map(\.outcome) }

    @Test func reluAndAbsAtZeroAreUndecidedNotFailed() {
        let relu = checkGradient(of: { x in max(0, x[0]) }, gradient: { x in [x[0] > 0 ? 1 : 0] }, at: [0])
        #expect(relu.outcome == .undecided)
        #expect(relu.points[0].message?.hasPrefix("not differentiable here: ∂f/∂x[0] is 1 from the right and 0 from the left") == true,
                "\(relu)")
        let absolute = checkGradient(
            of: { (x: [Double]) in abs(x[0]) + x[1] * x[1] }, gradient: { (x: [Double]) -> [Double] in [x[0] < 0 ? -1 : 1, 2 * x[1]] },
            at: [0, 0.75])
        #expect(absolute.outcome == .undecided)
        #expect(absolute.points[0].message?.contains("∂f/∂x[0] is 1 from the right and -1 from the left") == true, "\(absolute)")
        #expect(absolute.points[0].message?.contains("the derivative at a kink is a convention") == true)
        // Off the kink the same closures are checked as usual, and a wrong slope fails.
        #expect(checkGradient(of: { x in max(0, x[0]) }, gradient: { x in [x[0] > 0 ? 1 : 0] }, at: .points([[1e-3], [-0.5]])).passed)
        #expect(checkGradient(of: { x in max(0, x[0]) }, gradient: { _ in [0.5] }, at: [0.25]).outcome == .failed)
    }

    @Test func aWrongGradientNextToAKinkStillFails() {
        // x[0] sits on the kink, x[1]'s entry is wrong: the point fails on x[1].
        let report = checkGradient(
            of: { (x: [Double]) in abs(x[0]) + x[1] * x[1] }, gradient: { (x: [Double]) in [1, x[1]] }, at: [0, 0.75])
        #expect(report.outcome == .failed)
        #expect(report.badEntries.map(\.entry.name) == ["∂f/∂x[1]"])
    }

    @Test func huberWithAResidualExactlyAtDeltaPasses() {
        let huber = HuberLoss()
        let points: SamplePoints = .points([[1.5, 0.75, 0], [-0.5, -1.25, 2.0], [1.5, -1.25, 1.0]], plus: 5, in: [-2...3, -2...2, -1...3])
        let report = checkGradient(of: { x in try huber(x) }, gradient: { HuberLoss.gradient($0) }, at: points)
        #expect(report.passed, "\(report)")
        let wrong = checkGradient(of: { x in try huber(x) }, gradient: { HuberLoss.gradient($0, .wrong) }, at: [3.0, 2.0, -1.5])
        #expect(wrong.outcome == .failed)
    }

    @Test(arguments: [40, 36, 30, 24])
    func aFunctionRoundedToFewerBitsNeverFailsACorrectGradient(bits: Int) {
        let f = { (x: [Double]) in roundedToBits(exp(0.5 * x[0]) * sin(x[1]) + x[0] * x[1] * x[1] + 3, bits) }
        let gradient = { (x: [Double]) in [0.5 * exp(0.5 * x[0]) * sin(x[1]) + x[1] * x[1], exp(0.5 * x[0]) * cos(x[1]) + 2 * x[0] * x[1]] }
        let points = SamplePoints.random(10, in: [-1...1, -2...2], seed: 7)
        let report = checkGradient(of: f, gradient: gradient, at: points)
        #expect(!Self.outcomes(report).contains(.failed), "\(report)")
        if bits >= 36 { #expect(report.passed, "\(report)") }
        // The noise is in the estimate, so no entry claims more accuracy than the rounding allows.
        let noise = 3 * pow(2.0, Double(-bits))
        for point in report.points {
            for entry in point.entries { #expect((entry.referenceEstimate ?? 0) > noise * 1e-3) }
        }
        let wrong = checkGradient(of: f, gradient: { x in gradient(x).map { 2 * $0 } }, at: points)
        #expect(!Self.outcomes(wrong).contains(.passed), "\(wrong)")
        if bits >= 36 { #expect(wrong.outcome == .failed) }
    }

    @Test func aFunctionComputedInFloatGetsTheFloatNoiseInItsEstimate() {
        let f = { (x: [Double]) -> Double in
            let a = Float(x[0]), b = Float(x[1])
            return Double(exp(a) * sin(b) + a * b * b)
        }
        let gradient = { (x: [Double]) in [exp(x[0]) * sin(x[1]) + x[1] * x[1], exp(x[0]) * cos(x[1]) + 2 * x[0] * x[1]] }
        let report = checkGradient(of: f, gradient: gradient, at: .random(10, in: [-1...1, -2...2], seed: 3))
        #expect(!Self.outcomes(report).contains(.failed), "\(report)")
        for point in report.points {
            for entry in point.entries {
                #expect(entry.reference != 0 && (entry.referenceEstimate ?? 0) > 1e-9, "\(entry)")
            }
        }
        let wrong = checkGradient(of: f, gradient: { x in gradient(x).map { -$0 } }, at: .random(10, in: [-1...1, -2...2], seed: 3))
        #expect(wrong.outcome == .failed)
        #expect(!Self.outcomes(wrong).contains(.passed))
    }

    /// Whether the long checks run: `GRADCHECK_LONG_TESTS=1 swift test --filter TenThousand`. The
    /// 10,000-input check evaluates the closure about 220,000 times, each a sum of 9,999 terms: about a
    /// minute of CPU in a debug build, several minutes of wall time on a loaded machine.
    static let longTestsEnabled = ProcessInfo.processInfo.environment["GRADCHECK_LONG_TESTS"] == "1"

    /// A sum of n − 1 terms: its rounding noise is measured and in the estimate.
    /// Entry by entry (`directional: .never`): above 1,000 inputs the default checks along directions, and
    /// this probe is about the entries' own estimates.
    static func checkRosenbrock(_ n: Int) {
        let x = ChainedRosenbrock.point(n)
        let report = checkGradient(
            of: ChainedRosenbrock.value, gradient: ChainedRosenbrock.gradient, at: .point(x), directional: .never)
        #expect(report.passed, "\(report.description.prefix(2_000))")
        #expect(report.points[0].entries.count == n)
    }

    @Test func theExtendedRosenbrockFunctionOfAThousandInputsPasses() {
        Self.checkRosenbrock(1_000)
    }

    @Test(.enabled(if: longTestsEnabled)) func theExtendedRosenbrockFunctionOfTenThousandInputsPasses() {
        Self.checkRosenbrock(10_000)
    }

    @Test func theExtendedRosenbrockFunctionCatchesOneWrongEntry() {
        let x = ChainedRosenbrock.point(200)
        var wrongAt = ChainedRosenbrock.gradient(x)
        wrongAt[137] *= 1 + 1e-6
        let report = checkGradient(of: ChainedRosenbrock.value, gradient: { _ in wrongAt }, at: .point(x))
        #expect(report.outcome == .failed)
        #expect(report.badEntries.map(\.entry.name) == ["∂f/∂x[137]"])
    }

    @Test func inputsOfSizeTenToTheMinusEightGetStepsOfTheirOwnScale() {
        let f = { (v: [Double]) in v[0] / v[1] }
        let gradient = { (v: [Double]) in [1 / v[1], -v[0] / (v[1] * v[1])] }
        let points: SamplePoints = .points([[1e-8, 1], [-3e-8, 1.5], [2.5e-9, 0.75]], plus: 10, in: [1e-9...1e-7, 0.5...2], seed: 11)
        let report = checkGradient(of: f, gradient: gradient, at: points)
        #expect(report.passed, "\(report)")
        // Scaled steps matter when the small input enters nonlinearly: y·exp(y·10⁸)/x.
        let g = { (v: [Double]) in v[0] * exp(v[0] * 1e8) / v[1] }
        let gGradient = { (v: [Double]) in
            [(1 + v[0] * 1e8) * exp(v[0] * 1e8) / v[1], -v[0] * exp(v[0] * 1e8) / (v[1] * v[1])]
        }
        #expect(checkGradient(of: g, gradient: gGradient, at: points).passed)
        #expect(checkGradient(of: g, gradient: { v in [exp(v[0] * 1e8) / v[1], gGradient(v)[1]] }, at: points).outcome == .failed)
    }

    @Test func aWrongSmallEntryBesideAHugeOneIsCaughtWithTheFloor() {
        // ∇f = (10⁸, 2·10⁻⁸·cos x[1]); the wrong gradient doubles the small entry.
        let f = { (x: [Double]) in 1e8 * x[0] + 2e-8 * sin(x[1]) }
        let right = { (x: [Double]) in [1e8, 2e-8 * cos(x[1])] }
        let wrong = { (x: [Double]) in [1e8, 4e-8 * cos(x[1])] }
        let points: SamplePoints = .points([[1e-9, 0.5], [-2e-9, 1.25]])
        // By default entries are held to the largest one's size: the error of 2e-8 is invisible (as before).
        #expect(checkGradient(of: f, gradient: wrong, at: points).outcome != .failed)
        // With floor 0 each entry is held to its own size.
        let caught = expectGradient(of: f, gradient: right, at: points, floor: 0)
        #expect(caught.passed)
        let report = checkGradient(of: f, gradient: wrong, at: points, floor: 0)
        #expect(report.outcome == .failed)
        #expect(report.badEntries.allSatisfy { $0.entry.name == "∂f/∂x[1]" } && report.badEntries.count == 2)
        #expect(report.tolerance.floorFraction == 0)
    }
}
