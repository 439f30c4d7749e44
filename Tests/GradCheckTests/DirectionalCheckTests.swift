import GradCheck
import Testing

@Suite("Directional checks for large inputs")
struct DirectionalCheckTests {
    let rosenbrock = Rosenbrock(n: 2000)
    var point: [Double] { rosenbrock.sampling.points(random: 1, seed: 3, salt: "r").first! }

    @Test func aDifferenceAlongARandomDirectionMatchesTheGradient() throws {
        let u = DirectionalCheck.randomDirection(count: 2000, seed: 1, salt: "r")
        #expect(abs(u.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
        let along = try #require(try DirectionalCheck.directionalDifference(of: rosenbrock, at: point, along: u))
        let gradient = try rosenbrock.handCodedDerivative(.correct, at: point)[0]
        let exact = zip(gradient, u).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(along.values[0] - exact) <= max(10 * along.errors[0], 1e-9 * abs(exact)))
        // A wrong entry anywhere moves the projection by |error·u_j|, far beyond the estimate.
        var wrong = gradient
        wrong[1234] += 1
        let wrongProjection = zip(wrong, u).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(along.values[0] - wrongProjection) > 100 * along.errors[0])
    }

    @Test func forwardAndReverseSatisfyTheDotProductIdentity() throws {
        let u = DirectionalCheck.randomDirection(count: 2000, seed: 1, salt: "u")
        let identity = try DirectionalCheck.dotProductIdentity(of: rosenbrock, at: point, tangent: u, cotangent: [0.7])
        #expect(identity.holds(), "gap \(identity.relativeGap)")
        let polar = try DirectionalCheck.dotProductIdentity(of: PolarToCartesian(), at: [2, 0.5], tangent: [0.6, 0.8], cotangent: [-1, 3])
        #expect(polar.holds() && polar.relativeGap < 1e-15)
    }

    @Test func theReferenceIsCrossCheckedAlongADirectionAboveTheInputLimit() throws {
        let result = try ExtendedForwardReference().evaluate(Rosenbrock(n: 300), at: Array(repeating: ExtendedReal(0.5), count: 300))
        #expect(result.dispute == nil)
        #expect(result.jacobian[0].count == 300)
    }

    @Test func theAllPartialsReferenceRefusesBeyondItsInputLimit() {
        var reference = ExtendedForwardReference()
        reference.inputLimit = 1_000
        #expect(throws: StrategyError.self) { try reference.evaluate(rosenbrock, at: point.map { ExtendedReal($0) }) }
        #expect(ExtendedForwardReference().inputLimit == 100_000)
    }
}
