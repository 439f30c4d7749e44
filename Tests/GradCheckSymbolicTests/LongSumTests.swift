import GradCheckCore
@testable import GradCheckSymbolic
import Testing

/// A sum of thousands of distinct terms, built term by term as a suite's flat sum is: once a prefix has
/// more terms than the collection limit it is remembered, and collecting the next term stops there
/// instead of walking the whole prefix again (which made the sum cost O(n²) walk steps). The sum built is
/// the same, term for term.
@Suite("Long sums in the simplifying builder")
struct LongSumTests {
    @Test func aLongSumOfDistinctTermsRemembersItsOversizedPrefixes() throws {
        let count = 5_000
        var builder = SimplifyingBuilder(graph: ExpressionGraph(nodeLimit: .max))
        let x = try builder.input(0)
        var sum = try builder.function(.sin, x)
        var expected = Double.sin(0.3)
        for k in 1..<count {
            let term = try builder.function(.sin, try builder.multiply(try builder.constant(Double(k)), x))
            sum = try builder.add(sum, term)
            expected += Double.sin(Double(k) * 0.3)
        }
        // Every prefix past the limit was found oversized once, when the next term was added.
        #expect(builder.oversizedSums.count >= count - builder.collectionLimit - 2)
        #expect(builder.linearForm(sum) == nil)
        // Still the plain sum of the terms in order, evaluated left to right.
        #expect(TreeEvaluation.evaluate(sum, in: builder.graph, at: [0.3]) == expected)
        // Like terms next to a long sum still collect where the walk stays within the limit.
        let y = try builder.input(1)
        let twice = try builder.add(try builder.add(y, x), try builder.add(y, x))
        #expect(ExpressionPrinter().string(for: twice, in: builder.graph) == "2*x1 + 2*x2")
    }
}
