import Foundation
import Synchronization
import GradCheckCore
import Testing
@testable import GradCheckSuites

@Suite struct RuntimeLimitTests {
    /// The run-time error of evaluating `f` of `source` at `point`.
    func failure(
        _ source: String, at point: [Double], limits: RuntimeLimits = .default, name: String = "f"
    ) throws -> SuiteRuntimeError {
        let f = try function(name, in: source, limits: limits)
        do {
            _ = try f.evaluate(point)
        } catch let error as SuiteRuntimeError {
            return error
        }
        throw TestFailure("no error")
    }

    @Test func loopIterations() throws {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    var s = 0\n    while true {\n        s += x\n    }\n}\n"
        let error = try failure(source, at: [1], limits: RuntimeLimits(maximumIterations: 1000))
        #expect(error.kind == .iterationLimit)
        #expect(error.description == "test.grad:4:5: error: exceeded the limit of loop iterations and calls per evaluation")
        // A nested for loop that would run 10¹² times: the inner loop's iterations count too, so it stops
        // there after 100,000 of them (a bound by count; the time it takes is not measured).
        let nested = "@domain(x: 0...1)\nfunc f(x) {\n  var s = 0\n  for i in 0..<1000000 {\n    for j in 0..<1000000 { s += x }\n  }\n  return s\n}\n"
        let stopped = try failure(nested, at: [1], limits: RuntimeLimits(maximumIterations: 100_000))
        #expect(stopped.kind == .iterationLimit)
        #expect(stopped.location?.line == 5)
    }

    @Test func defaultIterationLimitIsTenMillion() {
        #expect(RuntimeLimits.default.maximumIterations == 10_000_000)
        #expect(RuntimeLimits.default.maximumRecursionDepth == 1_000)
    }

    @Test func recursionDepth() throws {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    return g(x)\n}\n@helper\nfunc g(a) {\n    return 1 + g(a + 1)\n}\n"
        let error = try failure(source, at: [0])
        #expect(error.kind == .recursionLimit)
        #expect(error.description == "test.grad:7:16: error: exceeded the recursion limit (1000 nested calls) calling 'g'")
        // Fine up to the limit.
        let bounded = "@domain(x: 0...1)\nfunc f(x) { return g(900) }\n@helper\nfunc g(a) {\n    if a < 1 { return 0 }\n    return 1 + g(a - 1)\n}\n"
        #expect(try function("f", in: bounded).evaluate([0.0]) == [900])
    }

    @Test func deepRecursionNeverOverflowsTheStack() throws {
        // With the depth limit lifted, the stack guard stops the recursion before the stack runs out.
        let source = """
            @domain(x: 0...1)
            func f(x) { return g(x) }
            @helper
            func g(a) {
                let b = sin(a) * cos(a) + exp(-a^2) * (1 + (2 + (3 + (4 + (5 + a)))))
                return b + g(a + 1)
            }
            """
        let error = try failure(source, at: [0], limits: RuntimeLimits(maximumRecursionDepth: .max))
        #expect(error.kind == .recursionLimit)
        #expect(error.message.contains("recursion too deep for the thread's stack"))
        // The same on a thread with a small stack.
        let result = Mutex<SuiteRuntimeError?>(nil)
        let f = try function("f", in: source, limits: RuntimeLimits(maximumRecursionDepth: .max))
        let thread = Thread {
            do { _ = try f.evaluate([0.0]) } catch let error as SuiteRuntimeError { result.withLock { $0 = error } } catch {}
        }
        thread.stackSize = 512 * 1024
        thread.start()
        while thread.isExecuting || !thread.isFinished { usleep(1000) }
        #expect(result.withLock { $0?.kind } == .recursionLimit)
    }

    @Test func deepestAcceptedExpressionsOnASmallStack() throws {
        // Just inside the nesting limit: loaded, checked, compiled and run on a thread with a 512 KiB stack.
        let depth = Parser.maximumNesting - 5
        let sources = [
            "@domain(x: 0...1)\nfunc f(x) {\n    return " + String(repeating: "sin(", count: depth) + "x" + String(repeating: ")", count: depth) + "\n}\n",
            "@domain(x: 0...1)\nfunc f(x) {\n    return " + String(repeating: "x + ", count: depth) + "x\n}\n",
            "@domain(x: 0...1)\nfunc f(x) {\n    return " + String(repeating: "-", count: depth) + "x\n}\n",
            "@domain(x: 0...1)\nfunc f(x) {\n" + String(repeating: "if x > 0 {\n", count: depth) + "return 1\n" + String(repeating: "}\n", count: depth) + "return 0\n}\n",
        ]
        let results = Mutex<[Double]>([])
        let thread = Thread {
            for source in sources {
                if let value = try? function("f", in: source).evaluate([0.5])[0] { results.withLock { $0.append(value) } }
            }
        }
        thread.stackSize = 512 * 1024
        thread.start()
        while !thread.isFinished { usleep(1000) }
        #expect(results.withLock { $0.count } == sources.count)
    }

    @Test func integerOverflowAndDivisionByZero() throws {
        let overflow = "@domain(x: 0...1)\nfunc f(x) {\n    var k: Int = 1\n    for i in 0..<100 { k *= 3 }\n    return k\n}\n"
        let error = try failure(overflow, at: [0])
        #expect(error.kind == .integerOverflow)
        #expect(error.description == "test.grad:4:24: error: integer overflow in '*'")
        let division = "@dimensions(n: 2)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    let z: Int = n - 2\n    return x[n / z]\n}\n"
        #expect(try failure(division, at: [0, 0], name: "f[n=2]").kind == .divisionByZero)
        let remainder = "@domain(x: 0...1)\nfunc f(x) {\n    let z: Int = 0\n    return 5 % z\n}\n"
        #expect(try failure(remainder, at: [0]).kind == .divisionByZero)
        let power = "@domain(x: 0...1)\nfunc f(x) {\n    let k: Int = 2^70\n    return k\n}\n"
        #expect(try failure(power, at: [0]).kind == .integerOverflow)
        let negative = "@domain(x: 0...1)\nfunc f(x) {\n    let k: Int = 2^(0 - 1)\n    return k\n}\n"
        #expect(try failure(negative, at: [0]).kind == .integerOverflow)
        let minimum = "@domain(x: 0...1)\nfunc f(x) {\n    var k: Int = -9223372036854775807\n    k -= 1\n    return abs(k)\n}\n"
        #expect(try failure(minimum, at: [0]).kind == .integerOverflow)
        let range = "@domain(x: 0...1)\nfunc f(x) {\n    var s = 0\n    for i in 9223372036854775806...9223372036854775807 { s += 1 }\n    return s\n}\n"
        #expect(try function("f", in: range).evaluate([0.0]) == [2])
    }

    @Test func indicesAndLengths() throws {
        let negative = "@dimensions(n: 3)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    return x[0 - 1]\n}\n"
        #expect(try failure(negative, at: [1, 2, 3], name: "f[n=3]").description
            == "test.grad:4:13: error: index -1 is out of range for a vector of length 3")
        let write = "@domain(x: 0...1)\nfunc f(x) {\n    var v = zeros(2)\n    v[2] = x\n    return v[0]\n}\n"
        #expect(try failure(write, at: [1]).description == "test.grad:4:5: error: index 2 is out of range for a vector of length 2")
        let zerosNegative = "@domain(x: 0...1)\nfunc f(x) {\n    let m: Int = 0 - 5\n    return len(zeros(m))\n}\n"
        #expect(try failure(zerosNegative, at: [0]).kind == .invalidLength)
        let zerosHuge = "@domain(x: 0...1)\nfunc f(x) {\n    return len(zeros(2^40))\n}\n"
        #expect(try failure(zerosHuge, at: [0]).kind == .invalidLength)
        let matrixHuge = "@domain(x: 0...1)\nfunc f(x) {\n    return len(zeros(2^40, 2^40))\n}\n"
        #expect(try failure(matrixHuge, at: [0]).kind == .invalidLength)
        let matrix = "@domain(x: 0...1)\nfunc f(x) {\n    var m = zeros(2, 2)\n    m[1][5] = x\n    return 0\n}\n"
        #expect(try failure(matrix, at: [0]).kind == .indexOutOfRange)
    }

    @Test func allocationsAndOperations() throws {
        let allocations = "@domain(x: 0...1)\nfunc f(x) {\n    var s = 0\n    for i in 0..<1000000 {\n        let v = zeros(100000)\n        s += len(v)\n    }\n    return s\n}\n"
        // 10⁶ vectors of 10⁵ entries: the default budget of 10⁸ entries stops it at the `zeros` of the
        // 1,001st iteration (a bound by count; the time it takes is not measured).
        let exhausted = try failure(allocations, at: [0])
        #expect(exhausted.kind == .allocationLimit)
        #expect(exhausted.location?.line == 5)
        let body = String(repeating: "        s += x * x + x\n", count: 50)
        let operations = "@domain(x: 0...1)\nfunc f(x) {\n    var s = 0\n    for i in 0..<1000 {\n\(body)    }\n    return s\n}\n"
        let error = try failure(operations, at: [1], limits: RuntimeLimits(maximumOperations: 10_000))
        #expect(error.kind == .operationLimit)
        #expect(error.location?.line == 4)
    }

    @Test func argumentsOfTheWrongShape() throws {
        let f = try function("f", in: "@domain(x: 0...1, y: 0...1)\nfunc f(x, y) { return x + y }")
        #expect(throws: SuiteRuntimeError.self) { try f.evaluate([1.0]) }
        let shared = "@domain(x: 0...1)\nfunc f(x) { return dot([1, 2], [x]) }\n@helper\nfunc dot(a[n], b[n]) { return a[0] * b[0] }\n"
        let error = try failure(shared, at: [1])
        #expect(error.kind == .invalidArguments)
        #expect(error.message == "'dot' needs 'a' and 'b' of the same length 'n', but they have 2 and 1 entries")
    }

    @Test func batchedLoopsFailLikeSequentialOnes() throws {
        // Eligible for batching, but the last iteration reads past the end: the error is the sequential one.
        let source = "@dimensions(n: 40)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    var s = 0\n    for i in 0..<n {\n        s += x[i + 1] * 2\n    }\n    return s\n}\n"
        let point = (0..<40).map(Double.init)
        let message = try failure(source, at: point, name: "f[n=40]").description
        #expect(message
            == "test.grad:6:15: error: index 40 is out of range for a vector of length 40")
        // Eligible, but over the iteration budget: fails at the loop like the sequential loop.
        let budget = "@dimensions(n: 40)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    var s = 0\n    for i in 0..<n {\n        s += x[i]\n    }\n    return s\n}\n"
        let error = try failure(budget, at: point, limits: RuntimeLimits(maximumIterations: 30), name: "f[n=40]")
        #expect(error.kind == .iterationLimit && error.location?.line == 5)
    }

    @Test func nothingLeaksBetweenCalls() throws {
        let source = "@dimensions(n: 3)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    var s = 0\n    for i in 0..<n { s += x[i] }\n    return s\n}\n"
        let f = try function("f[n=3]", in: source)
        #expect(throws: SuiteRuntimeError.self) { try f.evaluate([1.0]) }
        #expect(try f.evaluate([1.0, 2.0, 3.0]) == [6])
        #expect(try f.evaluate([1.0, 2.0, 3.0]) == [6])
    }
}
