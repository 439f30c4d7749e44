import GradCheckCore
import GradCheckEngine
import GradCheckSymbolic
import Testing

/// Expression swell, measured: the sizes the seeds talk about, and what simplification and shared adjoints
/// do to them. The values are checked against hand-coded derivatives.
@Suite("Expression swell")
struct SwellTests {
    /// The logistic map's l10 (9 steps): the raw derivative, written out, has tens of thousands of nodes
    /// (SymPy counts 34,048 operations in its derivative), while the simplified DAG of f′ stays within 3×
    /// the DAG of f.
    @Test func logisticMapL10() throws {
        let l10 = LogisticMap(steps: 9)
        let derivative = try SymbolicDerivative(of: l10, at: [0.3])
        let sizes = derivative.sizes
        #expect(sizes.functionDAG == 30)
        #expect(sizes.functionTree == 3067)
        #expect(sizes.derivativeTree! >= 10_000 && sizes.derivativeTree! < 100_000)
        #expect(sizes.derivativeTree == 41_473)
        #expect(sizes.derivativeSimplifiedDAG! <= 3 * sizes.functionDAG)
        let expected = try l10.handCodedDerivative(.correct, at: [0.3])[0][0]
        #expect(relativeError(derivative.evaluate(at: [0.3])[0][0], expected) < 1e-13)
        let adjoint = try SymbolicDerivative(of: l10, at: [0.3], options: SymbolicOptions(method: .adjoint))
        #expect(adjoint.sizes.derivativeSimplifiedDAG! <= 3 * sizes.functionDAG)
        #expect(relativeError(adjoint.evaluate(at: [0.3])[0][0], expected) < 1e-13)
    }

    /// ∏(xᵢ² + 1) at n = 64: sizes against ops(f). Input by input the gradient costs O(n²) nodes; with
    /// shared adjoints it stays within 4× ops(f), measured by counting the operations of its evaluation.
    @Test func productOfSquaresAt64() throws {
        let f = ProductOfSquaresPlusOne(n: 64)
        let point = f.sampling.explicitPoints[0]
        let counted = point.map { Counted<Double>($0) }
        let functionOperations = try OperationTally.measure { try f.evaluate(counted) }.counts.total
        #expect(functionOperations == 191)
        let expected = try f.handCodedDerivative(.correct, at: point)[0]

        let forward = try SymbolicDerivative(of: f, at: point)
        let adjoint = try SymbolicDerivative(of: f, at: point, options: SymbolicOptions(method: .adjoint))
        #expect(forward.sizes.functionDAG == 256)
        #expect(forward.sizes.derivativeTree! > 500_000)
        #expect(forward.sizes.derivativeSimplifiedTree! < forward.sizes.derivativeTree! / 10)
        #expect(forward.sizes.derivativeSimplifiedDAG! > 8 * functionOperations)
        #expect(adjoint.sizes.derivativeSimplifiedDAG! < 4 * functionOperations)

        for (derivative, bound) in [(forward, 20.0), (adjoint, 4.0)] {
            let (gradient, operations) = OperationTally.measure { derivative.evaluate(at: counted) }
            let ratio = Double(operations.total) / Double(functionOperations)
            #expect(ratio <= bound, "\(derivative.method): ω = \(ratio)")
            for j in 0..<64 {
                #expect(relativeError(gradient[0][j].value, expected[j]) < 1e-13)
            }
        }

        // The same ratio as the runner measures it, through the strategy protocol.
        let cost = try CostMeter.measure(SymbolicStrategy(method: .adjoint), variant: .correct, on: f, at: point)
        #expect(cost.ratio <= 4)
        #expect(cost.figures.extra[SymbolicFigure.derivativeSimplifiedDAG] == Double(adjoint.sizes.derivativeSimplifiedDAG!))
    }

    /// The unsimplified strategy evaluates its derivative as the tree it wrote: its operation count is the
    /// swell (one operation per non-leaf node of the tree).
    @Test func unsimplifiedCostIsTheTree() throws {
        let f = RepeatedSquaring(squarings: 8)
        let cost = try CostMeter.measure(SymbolicStrategy(method: .unsimplified), variant: .correct, on: f, at: [1.01])
        let tree = cost.figures.extra[SymbolicFigure.derivativeTree]!
        #expect(tree == 4607)
        #expect(cost.figures.extra[SymbolicFigure.evaluatedNodes] == tree)
        #expect(Double(cost.derivative.total) > tree / 3)
        let simplified = try CostMeter.measure(SymbolicStrategy(), variant: .correct, on: f, at: [1.01])
        #expect(simplified.derivative.total < 20)
    }

    @Test func studyRowsGrowAsExpected() throws {
        let rows = SwellStudy.run(parameters: [.logisticMap: [1, 2, 3, 9], .productOfSquares: [4, 8], .nestedSine: [4, 8],
            .repeatedSquaring: [3, 6]], repetitions: 1)
        #expect(rows.count == 10)
        let logistic = rows.filter { $0.family == "logistic-map" }
        #expect(logistic.map(\.parameter) == [1, 2, 3, 9])
        #expect(logistic.map(\.functionDAG) == [6, 9, 12, 30])
        // The raw tree of f′ more than doubles per step; the simplified DAG grows by a constant.
        #expect(logistic[1].derivativeTree > 2 * logistic[0].derivativeTree)
        #expect(logistic[2].derivativeTree > 2 * logistic[1].derivativeTree)
        #expect(logistic[3].derivativeTree == 41_473)
        #expect(logistic[3].derivativeSimplifiedDAG <= 3 * logistic[3].functionDAG)
        for row in rows {
            #expect(row.derivativeSimplifiedDAG <= row.derivativeDAG)
            #expect(row.derivativeSimplifiedTree <= row.derivativeTree)
            #expect(row.adjointDAG != nil)
            #expect(row.totalNanoseconds > 0)
            #expect(row.extra.isEmpty)
        }
        let squaring = rows.filter { $0.family == "repeated-squaring" }
        #expect(squaring.map(\.derivativeSimplifiedDAG) == [4, 4])
        #expect(SwellStudy.table(rows).split(separator: "\n").count == 11)
    }
}
