import Foundation
import Synchronization
import Testing
@testable import GradCheckSuites

/// Long runs of one precedence level's operators (`a + b - c + …`, `a * b / c`, `p && q && …`) are chains,
/// not nesting: they load at any length, cost one level of stack in every pass, and compute exactly what
/// the nested binary operations they stand for compute — same value bit for bit, same diagnostics, same
/// run-time errors at the same operator.
@Suite struct OperatorChainTests {
    /// `terms` joined by the operators `ops` (cycled): `t₀ op₀ t₁ op₁ t₂ …`.
    static func flat(_ terms: [String], _ ops: [String]) -> String {
        terms.indices.map { $0 == 0 ? terms[0] : " \(ops[($0 - 1) % ops.count]) \(terms[$0])" }.joined()
    }

    /// The same chain with every step parenthesised: `((t₀ op₀ t₁) op₁ t₂) …` (one binary node per step).
    static func parenthesised(_ terms: [String], _ ops: [String]) -> String {
        terms.indices.dropFirst().reduce(terms[0]) { "(\($0) \(ops[($1 - 1) % ops.count]) \(terms[$1]))" }
    }

    /// A 20,000-term sum and a 20,000-term mix of `+ - * /` load and run on a thread with a 512 KiB
    /// stack, and equal the left fold in Swift bit for bit.
    @Test func aSumOfTwentyThousandTermsLoadsAndRunsOnASmallStack() throws {
        let count = 20_000
        let sum = "return " + Self.flat(Array(repeating: "x", count: count), ["+"])
        let mixedTerms = (0..<count).map { ["x", "1.5", "y", "3"][$0 % 4] }
        let mixed = "return " + Self.flat(mixedTerms, ["+", "*", "-", "/"])
        let x = 1.1, y = -0.7
        // By precedence the mixed chain is `x + (1.5 * y) - (3 / x) + (1.5 * y) - …`: a 10,000-term sum
        // of products and quotients, added from left to right.
        var expected = 0.0, group = x, sign = 1.0
        for i in 1..<count {
            let term = [x, 1.5, y, 3][i % 4]
            switch (i - 1) % 4 {
            case 0, 2:
                expected = expected + sign * group
                group = term
                sign = (i - 1) % 4 == 0 ? 1 : -1
            case 1: group = group * term
            default: group = group / term
            }
        }
        expected = expected + sign * group
        let results = Mutex<[Double]>([])
        let thread = Thread {
            for body in [sum, mixed] {
                if let value = try? evaluate(body, parameters: "x, y", at: [x, y]) { results.withLock { $0.append(value) } }
            }
        }
        thread.stackSize = 512 * 1024
        thread.start()
        while !thread.isFinished { usleep(1000) }
        let values = results.withLock { $0 }
        #expect(values.count == 2)
        guard values.count == 2 else { return }
        let fold = (1..<count).reduce(x) { total, _ in total + x }
        #expect(values[0] == fold)
        #expect(values[1] == expected, "\(values[1]) against \(expected)")
    }

    /// A chain is one level deep at any length, so only real nesting meets the limit.
    @Test func aLongChainIsShallowAndRealNestingIsStillBounded() {
        let (tree, sink) = Parser.parse(SourceFile(path: "t.grad", text: "func f(x) { return " + Self.flat(Array(repeating: "x", count: 20_000), ["+", "-"]) + " }"))
        #expect(sink.diagnostics.isEmpty)
        if case .function(let function)? = tree.declarations.first, case .returnValue(let expr)? = function.body.statements.first?.kind {
            #expect(expr.depth == 2)
        } else {
            Issue.record("no return statement")
        }
        let short = Parser.parse(SourceFile(path: "t.grad", text: "func f(x) { return x + x + x }")).0
        if case .function(let function)? = short.declarations.first, case .returnValue(let expr)? = function.body.statements.first?.kind {
            #expect(expr.depth == 3)  // as the nested form ((x + x) + x)
        }
        let deep = 20_000
        let parentheses = "func f(x) {\n    return " + String(repeating: "(x + ", count: deep) + "x" + String(repeating: ")", count: deep) + "\n}\n"
        let errors = errorMessages("@points((1))\n" + parentheses)
        #expect(errors == ["nesting is too deep (more than \(Parser.maximumNesting) levels)"])
        // A short chain is exactly as deep as its nested form: 1 + max(depth of (x + x), depth of the call).
        let call199 = String(repeating: "sin(", count: 198) + "x" + String(repeating: ")", count: 198)
        #expect(errorMessages("@points((1))\nfunc f(x) {\n    return x + x + \(call199)\n}\n") == [])
        #expect(errorMessages("@points((1))\nfunc f(x) {\n    return \(call199) + x + x\n}\n")
            == ["expression is too deeply nested (more than \(Parser.maximumNesting) levels)"])
        // Short chains nested in parentheses as their first operands count one level per operator, as before.
        let nestedShortChains = String(repeating: "(", count: 70) + "x" + String(repeating: " + x + x + x)", count: 70)
        #expect(errorMessages("@points((1))\nfunc f(x) {\n    return \(nestedShortChains)\n}\n")
            == ["expression is too deeply nested (more than \(Parser.maximumNesting) levels)"])
    }

    /// Chains longer than the nested limit equal their fully parenthesised forms bit for bit (each chain
    /// of one precedence level, so that the two forms are the same expression): Real and Int operands,
    /// literals read as Real or Int by context, `%` turning its whole prefix Int, `/` of Ints in a Real
    /// context after the last `%`, a Real appearing midway.
    @Test func aLongChainComputesWhatItsParenthesisedFormComputes() throws {
        let cases: [(terms: [String], ops: [String], declarations: String)] = [
            ((0..<60).map { ["x", "0.1", "y", "k", "sin(x)", "3", "(x * y)"][$0 % 7] }, ["+", "-", "-", "+", "+"], "let k: Int = 7"),
            ((0..<60).map { ["x", "1.0001", "y", "k", "2", "cos(y)"][$0 % 6] }, ["*", "/", "*"], "let k: Int = 3"),
            ((0..<40).map { ["k", "5", "m", "2"][$0 % 4] } + ["x", "y", "x"], ["+", "-", "-", "+"], "let k: Int = 7\n    let m: Int = 11"),
            ((0..<41).map { ["k", "3", "m"][$0 % 3] }, ["*", "%", "*", "/"], "let k: Int = 7\n    let m: Int = 11"),
        ]
        for (terms, ops, declarations) in cases {
            let flat = try evaluate("\(declarations)\n    return \(Self.flat(terms, ops))", parameters: "x, y", at: [0.3, 1.7])
            let nested = try evaluate("\(declarations)\n    return \(Self.parenthesised(terms, ops))", parameters: "x, y", at: [0.3, 1.7])
            #expect(flat.bitPattern == nested.bitPattern, "\(ops): \(flat) against \(nested)")
        }
        // In an index (an Int context) a long chain of Ints is Int arithmetic.
        let index = Self.flat(Array(repeating: "k", count: 30), ["+", "-", "-"])
        let value = try evaluate("let k: Int = 1\n    let v = [x, 2 * x, 3 * x]\n    return v[\(index) + 10]", parameters: "x", at: [2])
        #expect(value == 3 * 2)  // k + k - k - k + k … over 30 terms is -8; -8 + 10 = 2; v[2] = 3x
    }

    /// `&&` and `||` chains stop at the first operand that decides them: the index out of range after it
    /// is never evaluated.
    @Test func logicalChainsShortCircuit() throws {
        let trues = Array(repeating: "x > 0", count: 30)
        let and = Self.flat(trues + ["x < 0", "v[5] > 0"], ["&&"])
        let or = Self.flat(Array(repeating: "x < 0", count: 30) + ["x > 0", "v[5] > 0"], ["||"])
        let all = Self.flat(trues, ["&&"])
        let body = "let v = [x]\n    var s = 0\n    if \(and) { s += 1 }\n    if \(or) { s += 10 }\n    if \(all) { s += 100 }\n    return s"
        #expect(try evaluate(body, parameters: "x", at: [1]) == 110)
    }

    /// A type error in a long chain is reported as in its parenthesised form, once, at the operator.
    @Test func aTypeErrorInALongChainIsReportedOnceAtItsOperator() {
        let terms = Array(repeating: "x", count: 20) + ["v"] + Array(repeating: "x", count: 20)
        let flat = errorMessages("@points((1))\nfunc f(x) {\n    let v = [x]\n    return \(Self.flat(terms, ["+"]))\n}\n")
        let nested = errorMessages("@points((1))\nfunc f(x) {\n    let v = [x]\n    return \(Self.parenthesised(terms, ["+"]))\n}\n")
        #expect(flat == ["'+' needs numbers, but has Real and Vector"])
        #expect(flat == nested)
        let logical = errorMessages("@points((1))\nfunc f(x) {\n    if \(Self.flat(Array(repeating: "x > 0", count: 20) + ["x"], ["&&"])) { return 1 }\n    return 0\n}\n")
        #expect(logical == ["'&&' needs Bool operands, but has Bool and Real"])
    }

    /// Integer overflow in a long Int chain is a run-time error at the operator that overflowed.
    @Test func integerOverflowInALongChainIsLocatedAtItsOperator() throws {
        let terms = Array(repeating: "k", count: 20) + ["9223372036854775807"] + Array(repeating: "k", count: 5)
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    let k: Int = 1\n    let n: Int = \(Self.flat(terms, ["+"]))\n    return n\n}\n"
        let f = try function("f", in: source)
        do {
            _ = try f.evaluate([0.5])
            Issue.record("no overflow")
        } catch let error as SuiteRuntimeError {
            #expect(error.kind == .integerOverflow)
            // The 20th `+` (after nineteen `k + `) is where 19 + 2⁶³ − 1 overflows… at the 21st term's
            // operator: column of the `+` before `9223372036854775807`.
            let line = "    let n: Int = \(Self.flat(terms, ["+"]))"
            let column = line.range(of: "+ 9223372036854775807")!.lowerBound.utf16Offset(in: line) + 1
            #expect(error.description == "test.grad:4:\(column): error: integer overflow in '+'")
        }
    }

    /// Hyphenated tags and constant attribute values may be long chains too.
    @Test func attributesReadLongChains() throws {
        let tag = Self.flat(Array(repeating: "a", count: 20), ["-"])
        let sum = Self.flat(Array(repeating: "0.25", count: 40), ["+"])
        let f = try function("f", in: "@tags(\(tag))\n@points((\(sum)))\nfunc f(x) {\n    return x\n}\n")
        #expect(f.tags == [Array(repeating: "a", count: 20).joined(separator: "-")])
        #expect(f.sampling.points(random: 0, seed: 1, salt: "").first == [10])
    }
}
