import GradCheckTesting
import Testing

/// |x| written generically: a kink at 0.
private struct AbsoluteValue: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { S.abs(x[0]) }
}

@Suite("A disputed reference leaves the point undecided")
struct ReferenceDisputeTests {
    /// At the kink the reference's cross-check disputes the point (its one-sided limits differ), so
    /// whatever the gradient under test says there, nothing is verified and nothing fails.
    @Test func atAKinkTheDisputeIsTheReason() throws {
        for slope in [1.0, -1.0, 0.0] {
            let report = checkGradient(of: AbsoluteValue(), gradient: { _ in [slope] }, at: [0])
            #expect(report.outcome == .undecided, "slope \(slope)")
            let message = try #require(report.points.first?.message)
            #expect(message.contains("disputed") || message.contains("kink"), "\(message)")
        }
    }
}
