import GradCheckCore
import Synchronization
import GradCheckSymbolic
import Testing

/// The size cap: runaway swell becomes `unsupported("expression swell beyond N nodes …")`, promptly,
/// because the cap is checked while the expressions are built.
@Suite("Size cap")
struct CapTests {
    @Test func unsimplifiedTreeBeyondTheCapIsUnsupported() throws {
        // l20's raw derivative would have ~ 2·10⁸ tree nodes; the cap of 10,000 stops it while it is built,
        // before any of it is evaluated: over `Counted` numbers the failed derivative does no arithmetic at
        // all in the working precision (evaluating the tree would count ~ 2·10⁸ operations).
        let strategy = SymbolicStrategy(method: .unsimplified, nodeLimit: 10_000)
        let (outcome, counts) = OperationTally.measure {
            Result { try strategy.derivative(of: LogisticMap(steps: 19), at: [Counted(value: 0.3)], variant: .correct) }
        }
        #expect(throws: StrategyError.unsupported("expression swell beyond 10000 nodes (tree nodes)")) {
            _ = try outcome.get()
        }
        #expect(counts.total == 0)
        // The simplified strategy evaluates the DAG, which is small: no swell there.
        let simplified = try SymbolicStrategy(method: .simplified, nodeLimit: 10_000)
            .derivative(of: LogisticMap(steps: 19), at: [0.3], variant: .correct)
        let expected = try LogisticMap(steps: 19).handCodedDerivative(.correct, at: [0.3])[0][0]
        #expect(relativeError(simplified.jacobian[0][0], expected) < 1e-10)
    }

    @Test func dagBeyondTheCapIsUnsupported() throws {
        for strategy in [SymbolicStrategy(method: .simplified, nodeLimit: 500), SymbolicStrategy(method: .adjoint, nodeLimit: 500)] {
            #expect(throws: StrategyError.unsupported("expression swell beyond 500 nodes (DAG nodes)")) {
                _ = try strategy.derivative(
                    of: ProductOfSquaresPlusOne(n: 64), at: Array(repeating: 0.5, count: 64), variant: .correct)
            }
        }
    }

    /// A loop that runs a million times stops recording at the cap (memory stays bounded: the arena
    /// refuses node 1,001), runs on to its end over plain values, and the trace fails with the swell error.
    @Test func tracingStopsAtTheCap() {
        final class Tally: Sendable { let iterations = Mutex(0) }
        struct LongLoop: PlainTestFunction {
            let tally = Tally()
            var id: FunctionID { FunctionID(suite: "tests", name: "long-loop") }
            var inputNames: [String] { ["x"] }
            func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
                var y = x[0], count = 0
                for _ in 0..<1_000_000 {
                    y = y * 0.999999 + 0.000001
                    count += 1
                }
                tally.iterations.withLock { $0 += count }
                return [y]
            }
        }
        let loop = LongLoop()
        #expect(throws: ExpressionSwell(limit: 1000, measure: .dagNodes)) {
            _ = try Tracer.trace(loop, at: [0.5], nodeLimit: 1000)
        }
        #expect(loop.tally.iterations.withLock { $0 } == 1_000_000)
    }

    @Test func theDefaultCapIsOneMillion() {
        #expect(SymbolicStrategy().nodeLimit == 1_000_000)
        #expect(ExpressionGraph.defaultNodeLimit == 1_000_000)
    }
}
