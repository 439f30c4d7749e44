import GradCheckCore
import GradCheckForward
import GradCheckTestFixtures
import Testing

/// A chunked dual number is k dual numbers computed together: its partial along direction s must be, bit
/// for bit, the tangent that `Dual` computes when seeded with direction s alone. The directions below
/// include a zero one, where a rule that decides for the whole chunk lets another direction's infinite or
/// NaN local derivative leak in (∞·0 = NaN).
@Suite struct ChunkedDualPerDirectionTests {
    typealias Chunk = ChunkedDual<3, Double>

    /// Equal as bit patterns, NaN equal to NaN.
    func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a.bitPattern == b.bitPattern }

    /// The seeds of the three directions for one input: the input itself, nothing, and twice the input.
    static let unarySeeds: [Double] = [1, 0, 2]

    /// The points of `unary`, and its edges: 0, ±1 and a negative value (where several rules leave their
    /// domain).
    func points(_ unary: UnaryCase) -> [Double] { unary.points + [0, 1, -1, -0.5] }

    @Test(arguments: UnaryCase.allCases)
    func everyUnaryRuleMatchesTheScalarDualPerDirection(_ unary: UnaryCase) {
        for x in points(unary) {
            var seeded = Chunk(value: x, partials: InlineArray(repeating: 0))
            for s in 0..<3 { seeded.partials[s] = Self.unarySeeds[s] }
            let chunked = unary.apply(seeded)
            for s in 0..<3 {
                let scalar = unary.apply(Dual(value: x, tangent: Self.unarySeeds[s]))
                #expect(same(chunked.value, scalar.value), "\(unary)(\(x)) value")
                #expect(same(chunked.partials[s], scalar.tangent), "\(unary)(\(x)) direction \(s): \(chunked.partials[s]) vs \(scalar.tangent)")
            }
        }
    }

    /// Directions for two inputs (u̇ₛ, ẇₛ): along the first, along the second, along both.
    static let binarySeeds: [(Double, Double)] = [(1, 0), (0, 1), (1, -1)]

    @Test(arguments: BinaryCase.allCases)
    func everyBinaryRuleMatchesTheScalarDualPerDirection(_ binary: BinaryCase) {
        let edges: [(Double, Double)] = [(0, 0.5), (0, 2), (0, -1), (-2, 3), (-2, 0.5), (1, 0), (0, 0)]
        for (a, b) in binary.points + edges {
            var u = Chunk(value: a, partials: InlineArray(repeating: 0))
            var w = Chunk(value: b, partials: InlineArray(repeating: 0))
            for s in 0..<3 {
                u.partials[s] = Self.binarySeeds[s].0
                w.partials[s] = Self.binarySeeds[s].1
            }
            let chunked = binary.apply(u, w)
            for s in 0..<3 {
                let scalar = binary.apply(
                    Dual(value: a, tangent: Self.binarySeeds[s].0), Dual(value: b, tangent: Self.binarySeeds[s].1))
                #expect(same(chunked.partials[s], scalar.tangent), "\(binary)(\(a), \(b)) direction \(s): \(chunked.partials[s]) vs \(scalar.tangent)")
            }
        }
    }

    /// The field operations, at ordinary points, zeros and infinities.
    @Test func fieldOperationsMatchTheScalarDualPerDirection() {
        func apply<S: DifferentiableScalar>(_ operation: Int, _ a: S, _ b: S) -> S {
            switch operation {
            case 0: a + b
            case 1: a - b
            case 2: a * b
            case 3: a / b
            default: -a
            }
        }
        let points: [(Double, Double)] = [(1.5, -0.25), (0, 2), (3, 0), (0, 0), (.infinity, 1), (-2, .infinity)]
        for operation in 0..<5 {
            for (a, b) in points {
                var u = Chunk(value: a, partials: InlineArray(repeating: 0))
                var w = Chunk(value: b, partials: InlineArray(repeating: 0))
                for s in 0..<3 {
                    u.partials[s] = Self.binarySeeds[s].0
                    w.partials[s] = Self.binarySeeds[s].1
                }
                let chunked = apply(operation, u, w)
                for s in 0..<3 {
                    let scalar = apply(
                        operation, Dual(value: a, tangent: Self.binarySeeds[s].0), Dual(value: b, tangent: Self.binarySeeds[s].1))
                    #expect(same(chunked.partials[s], scalar.tangent), "operation \(operation) at (\(a), \(b)) direction \(s)")
                }
            }
        }
    }

    /// The case that decided per chunk: f(a, b) = a^0.5 + b at a = 0 has ∂f/∂b = 1, as the scalar dual
    /// number gives it, not NaN.
    @Test func aSquareRootPowerAtZeroLeavesTheOtherInputAlone() throws {
        struct PowerPlusInput: ExampleFunction {
            var inputNames: [String] { ["a", "b"] }
            var outputCount: Int { 1 }
            func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [S.pow(x[0], S(0.5)) + x[1]] }
        }
        let chunked = try ChunkedForwardModeStrategy().derivative(of: PowerPlusInput(), at: [0, 3] as [Double], variant: .correct)
        let scalar = try ForwardModeStrategy().derivative(of: PowerPlusInput(), at: [0, 3] as [Double], variant: .correct)
        #expect(chunked.jacobian[0][1] == 1)
        #expect(scalar.jacobian[0][1] == 1)
        #expect(same(chunked.jacobian[0][0], scalar.jacobian[0][0]))
    }
}
