import GradCheckCore
import GradCheckSymbolic
import Testing

@Suite("Simplification")
struct SimplificationTests {
    let x = E.input(0), y = E.input(1)

    func simplified(_ e: E) throws -> String { try e.simplified().string() }

    @Test func identities() throws {
        #expect(try simplified(x + 0) == "x1")
        #expect(try simplified(0 + x) == "x1")
        #expect(try simplified(x - 0) == "x1")
        #expect(try simplified(0 - x) == "-x1")
        #expect(try simplified(x * 1) == "x1")
        #expect(try simplified(1 * x) == "x1")
        #expect(try simplified(x * 0) == "0")
        #expect(try simplified(0 * E.sin(x)) == "0")
        #expect(try simplified(x / 1) == "x1")
        #expect(try simplified(x * -1) == "-x1")
        #expect(try simplified(-(-x)) == "x1")
        #expect(try simplified(-(x - y)) == "x2 - x1")
        #expect(try simplified(x - x) == "0")
        #expect(try simplified(E.pow(x, 0)) == "1")
        #expect(try simplified(E.pow(x, 1)) == "x1")
        #expect(try simplified(E.pow(E.pow(x, 2), 3)) == "x1^6")
        #expect(try simplified(E.pow(-x, 2)) == "x1^2")
        #expect(try simplified(E.apply(.pow, x, 2)) == "x1^2")
    }

    @Test func constantFoldingIsExactOnly() throws {
        #expect(try simplified(E(2) * 3 + 1) == "7")
        #expect(try simplified(E(1) / 4) == "0.25")
        // 1/3 is not exact in Double: kept, so that Float80 evaluation keeps Float80 accuracy.
        #expect(try simplified(E(1) / 3) == "1/3")
        #expect(try simplified(E.exp(0) + E.cos(0) + E.log(1)) == "2")
        #expect(try simplified(E.sqrt(E(9)) + E.sqrt(E(2))) == "sqrt(2) + 3")
        let third: Float80 = try (E(1) / 3).simplified().evaluate(at: [Float80]())
        #expect(third == 1 / Float80(3))
    }

    @Test func likeTermsAndPowers() throws {
        #expect(try simplified(x + x) == "2*x1")
        #expect(try simplified(2 * x + 3 * x) == "5*x1")
        #expect(try simplified(x * y - y * x) == "0")
        #expect(try simplified((x + 1) - (x - 2)) == "3")
        #expect(try simplified(x * x) == "x1^2")
        #expect(try simplified(E.pow(x, 2) * E.pow(x, 3)) == "x1^5")
        #expect(try simplified((2 * x) * (3 * y)) == "6*x1*x2")
        #expect(try simplified(x / 4) == "x1/4")
        #expect(try simplified(x * y + y * x) == "2*x1*x2")
    }

    /// Cancelling a divisor needs it to be provably nonzero: x/x is kept (x may be 0, where x/x is
    /// undefined), exp(x)/exp(x) and (x² + 1)/(x² + 1) are 1.
    @Test func cancellationOnlyWhereSafe() throws {
        #expect(try simplified(x / x) == "x1/x1")
        #expect(try simplified(E.pow(x, 2) / x) == "x1^2/x1")
        #expect(try simplified(0 / x) == "0/x1")
        #expect(try simplified(E.exp(x) / E.exp(x)) == "1")
        #expect(try simplified(E.pow(E.exp(x), 2) / E.exp(x)) == "exp(x1)")
        let q = E.pow(x, 2) + 1
        #expect(try simplified(q / q) == "1")
        #expect(try simplified(0 / q) == "0")
        // x·y/x with x unknown is kept; with x a positive constant multiple of exp it cancels.
        #expect(try simplified(x * y / x) == "x1*x2/x1")
        #expect(try simplified(E.exp(x) * y / E.exp(x)) == "x2")
    }

    /// Common subexpressions: equal subtrees become one node.
    @Test func commonSubexpressionsAreShared() throws {
        let s = E.sin(x * y)
        let e = s * s + E.sin(y * x)
        #expect(e.treeSize == 14)
        let simple = try e.simplified()
        #expect(simple.string() == "sin(x1*x2) + sin(x1*x2)^2")
        #expect(simple.dagSize == 6)
    }

    /// Simplification never changes a value beyond rounding: a few hundred random expressions (with
    /// repeated subexpressions, so that terms cancel and powers collect) evaluated in Float80 before and
    /// after at random points. Where every subexpression of the original is finite, the simplified value is
    /// finite and agrees to within 1e-12 of the largest intermediate magnitude.
    @Test func simplificationPreservesValues() throws {
        var generator = SeededGenerator(seed: 20_240_611)
        var compared = 0
        for _ in 0..<400 {
            let expression = RandomExpressions.make(using: &generator)
            let simple = try expression.simplified()
            var graph = ExpressionGraph()
            let root = try graph.add(expression)
            let everyNode = graph.reachable(from: [root])
            let program = EvaluationProgram(graph: graph, roots: everyNode)
            for _ in 0..<5 {
                let point: [Float80] = (0..<3).map { _ in Float80(generator.nextDouble(in: -2...2)) }
                let intermediates = program.evaluate(at: point)
                guard intermediates.allSatisfy(\.isFinite) else { continue }
                let original: Float80 = expression.evaluate(at: point)
                let value: Float80 = simple.evaluate(at: point)
                let scale = intermediates.map(\.magnitude).max()!
                #expect(
                    value.isFinite && (value - original).magnitude <= 1e-12 * max(scale, 1),
                    "\(expression) → \(simple) at \(point): \(original) vs \(value)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }
}

/// Random expressions over three inputs, built bottom-up from a pool so that subexpressions repeat.
enum RandomExpressions {
    static let constants: [Double] = [0, 1, -1, 2, 0.5, 3, -0.25, 10]
    static let functions: [ElementaryFunction] = [.sin, .cos, .exp, .atan, .tanh, .sqrt, .log, .sinh, .erf, .cbrt]

    static func make(using generator: inout SeededGenerator) -> E {
        var pool: [E] = [.input(0), .input(1), .input(2)]
        let steps = Int(generator.next() % 10) + 3
        for _ in 0..<steps {
            let a = pick(pool, &generator), b = pick(pool, &generator)
            let c = E.constant(constants[Int(generator.next() % UInt64(constants.count))])
            let next: E
            switch generator.next() % 12 {
            case 0: next = a + b
            case 1: next = a - b
            case 2: next = a * b
            case 3: next = a / (b * b + 1)
            case 4: next = -a
            case 5: next = E.pow(a, Int(generator.next() % 5) - 1)
            case 6: next = c * a + b
            case 7: next = a - a * c
            case 8: next = E.apply(functions[Int(generator.next() % UInt64(functions.count))], a)
            case 9: next = a * b / a
            case 10: next = E.apply(.hypot, a, b)
            default: next = (a + c) * (a - c) - a * a
            }
            pool.append(next)
        }
        return pool.last!
    }

    static func pick(_ pool: [E], _ generator: inout SeededGenerator) -> E {
        // Prefer recent entries, so expressions nest.
        let n = UInt64(pool.count)
        let i = Int(n - 1 - min(generator.next() % n, generator.next() % n))
        return pool[i]
    }
}
