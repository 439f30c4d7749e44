import GradCheckCore
import GradCheckSymbolic
import Testing

@Suite("Expressions and the DAG view")
struct ExpressionTests {
    let x = E.input(0), y = E.input(1)

    @Test func treeSizesCountSharedSubtreesEveryTime() {
        var e = x
        for _ in 0..<100 { e = e * e }
        // 2^101 − 1 nodes written out, computed without writing anything out.
        #expect(e.treeSize == Double(sign: .plus, exponent: 101, significand: 1) - 1)
        #expect(e.dagSize == 101)
    }

    @Test func hashConsingSharesEqualSubexpressions() throws {
        var graph = ExpressionGraph()
        let a = try graph.add(E.sin(x * y) + E.sin(x * y))
        #expect(graph.count == 5)
        #expect(graph.dagSize(of: [a]) == 5)
        #expect(graph.treeSize(a) == 9)
        let b = try graph.add(E.sin(x * y))
        #expect(graph.count == 5)
        #expect(graph.arguments(a) == [b, b])
        // Constants are distinguished by bit pattern.
        let zero = try graph.constant(0), negativeZero = try graph.constant(-0.0)
        #expect(zero != negativeZero)
    }

    @Test func structuralEquality() {
        #expect(E.sin(x) * 2 == E.sin(x) * 2)
        #expect(E.sin(x) * 2 != 2 * E.sin(x))
        #expect(Set([x + y, x + y, y + x]).count == 2)
        var big = x
        for _ in 0..<200 { big = big * big + y }
        var same = x
        for _ in 0..<200 { same = same * same + y }
        #expect(big == same)
    }

    @Test func graphToExpressionAndBack() throws {
        var graph = ExpressionGraph()
        let root = try graph.add(E.exp(x) / (E.pow(y, 3) - E.pi))
        let e = graph.expression(for: root)
        #expect(e.string() == "exp(x1)/(x2^3 - pi)")
        #expect(try graph.add(e) == root)
        let value: Double = e.evaluate(at: [0.5, 2])
        #expect(relativeError(value, Double.exp(0.5) / (8 - Double.pi)) < 1e-15)
    }

    @Test func tracedValuesCarryTheirClosedForm() throws {
        let trace = try Tracer.trace(Nutty(), at: [2, 1])
        #expect(trace.values[0] == 2 * (Double.log(2 / Double.sin(1))).squareRoot())
        #expect(trace.graph.expression(for: trace.outputs[0]).string() == "x1*sqrt(log(x1/sin(x2*x2)))")
        // Outside any trace, traced constants fold in Double and have no node.
        let c = Traced(2) * Traced(3)
        #expect(c.isConstant && c.value == 6)
        #expect(c.expression == E.constant(6))
    }
}

@Suite("Deep expressions")
struct DeepExpressionTests {
    /// A chain 100,000 nodes deep is built, measured, interned, printed and released without recursion
    /// (a recursive release would exhaust a test thread's stack).
    @Test func aVeryDeepChain() throws {
        var e = E.input(0)
        for i in 0..<100_000 { e = i % 2 == 0 ? e + 1 : E.sin(e) }
        #expect(e.treeSize == 150_001)
        var graph = ExpressionGraph()
        let root = try graph.add(e)
        #expect(graph.dagSize(of: [root]) == 100_002)
        #expect(ExpressionPrinter(maximumLength: 50).string(for: root, in: graph).hasSuffix("…"))
    }
}
