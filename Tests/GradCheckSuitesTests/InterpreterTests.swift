import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

@Suite struct InterpreterTests {
    @Test func precedenceAndAssociativity() throws {
        #expect(try evaluate("return 2 + 3 * 4", at: [0]) == 14)
        #expect(try evaluate("return (2 + 3) * 4", at: [0]) == 20)
        #expect(try evaluate("return -x^2", at: [3]) == -9)
        #expect(try evaluate("return -2^2", at: [0]) == -4)
        #expect(try evaluate("return 2^3^2", at: [0]) == 512)
        #expect(try evaluate("return (2^3)^2", at: [0]) == 64)
        #expect(try evaluate("return x^-1", at: [4]) == 0.25)
        #expect(try evaluate("return 2^-x^2", at: [1]) == 0.5)
        #expect(try evaluate("return 10 - 4 - 3", at: [0]) == 3)
        #expect(try evaluate("return 100 / 10 / 5", at: [0]) == 2)
        #expect(try evaluate("return - - x", at: [5]) == 5)
        #expect(try evaluate("return 1 + 2 * 3^2 - 4 / 2", at: [0]) == 17)
        #expect(try evaluate("if 1 + 1 == 2 && !(3 < 2) || x > 100 { return 1 }\nreturn 0", at: [0]) == 1)
    }

    @Test func integerAndRealPowers() throws {
        // An Int exponent is S.pow(x, n): fine for negative bases; a Real one is pow(x, y).
        #expect(try evaluate("return x^2", at: [-3]) == 9)
        #expect(try evaluate("return x^3", at: [-2]) == -8)
        #expect(try evaluate("return x^0.5", at: [-4]).isNaN)
        #expect(try evaluate("return x^(1/2)", at: [9]) == 3)
        #expect(try evaluate("return x^0", at: [Double.nan]) == 1)
        #expect(try evaluate("return pow(x, 2)", at: [-3]) == 9)
        #expect(try evaluate("let k: Int = 3\nreturn x^(k - 1)", at: [-5]) == 25)
        #expect(try evaluate("let k: Int = 3\nreturn x^k", at: [-2]) == -8)
        // Int ^ Int in an Int context.
        #expect(try evaluate("let v = zeros(1025)\nreturn len(v) - 2^10", at: [0]) == 1)
    }

    @Test func intAndRealPromotion() throws {
        #expect(try evaluate("var k: Int = 3\nreturn k / 2", at: [0]) == 1.5)
        #expect(try evaluate("var k: Int = 7\nk /= 2\nreturn k", at: [0]) == 3)
        #expect(try evaluate("let m: Int = 7 / 2\nreturn m", at: [0]) == 3)
        #expect(try evaluate("return len([1, 2, 3]) / 2", at: [0]) == 1.5)
        #expect(try evaluate("var s = 0\ns = s + 1\nreturn s / 4", at: [0]) == 0.25)
        #expect(try evaluate("let m: Int = 17\nreturn m % 5 + x", at: [0.5]) == 2.5)
        #expect(try evaluate("var k: Int = 1\nk *= 6\nk -= 2\nk += 10\nreturn k", at: [0]) == 14)
        #expect(try evaluate("return x[n / 2]", parameters: "x[n]", at: [1, 2, 3, 4, 5], dims: 5) == 3)
        #expect(try evaluate("return x[len(x) - 1] + n", parameters: "x[n]", at: [1, 2, 3], dims: 3) == 6)
        #expect(try evaluate("let k = n\nreturn k / 2", parameters: "x[n]", at: [1, 2, 3], dims: 3) == 1.5)
        #expect(try evaluate("return abs(-n) + max(n, 7) + min(2, n)", parameters: "x[n]", at: [1, 2, 3], dims: 3) == 12)
        #expect(try evaluate("var s = 0\nfor i in 0..<4 { s += i * i }\nreturn s", at: [0]) == 14)
    }

    @Test func loopsAndRanges() throws {
        #expect(try evaluate("var s = 0\nfor i in 5..<5 { s += 1 }\nreturn s", at: [0]) == 0)
        #expect(try evaluate("var s = 0\nfor i in 3...1 { s += 1 }\nreturn s", at: [0]) == 0)
        #expect(try evaluate("var s = 0\nfor i in 0..<(-3) { s += 1 }\nreturn s", at: [0]) == 0)
        #expect(try evaluate("var s = 0\nfor i in 1...4 { s += i }\nreturn s", at: [0]) == 10)
        #expect(try evaluate("var s = 0\nfor i in -2..<2 { s += i }\nreturn s", at: [0]) == -2)
        #expect(try evaluate("var s = 0\nfor i in 4...4 { s += i }\nreturn s", at: [0]) == 4)
        let whileLoop = """
            var i: Int = 0
            var s = 0
            while true {
                i += 1
                if i > 10 { break }
                if i % 2 == 0 { continue }
                s += i
            }
            return s
            """
        #expect(try evaluate(whileLoop, at: [0]) == 25)
        #expect(try evaluate("for i in 0..<100 {\n if i == 7 { return i }\n}\nreturn -1", at: [0]) == 7)
        let nested = """
            var s = 0
            for i in 0..<5 {
                for j in 0..<5 {
                    if j > i { break }
                    if j == 1 { continue }
                    s += 1
                }
            }
            return s
            """
        #expect(try evaluate(nested, at: [0]) == 11)
        #expect(try evaluate("var s = x\nwhile s < 100 { s *= 2 }\nreturn s", at: [3]) == 192)
    }

    @Test func conditionalsAndBools() throws {
        let chain = """
            if x < 0 {
                return -1
            }
            else if x == 0 { return 0 } else if x < 10 {
                return 1
            } else {
                return 2
            }
            """
        #expect(try evaluate(chain, at: [-5]) == -1)
        #expect(try evaluate(chain, at: [0]) == 0)
        #expect(try evaluate(chain, at: [5]) == 1)
        #expect(try evaluate(chain, at: [50]) == 2)
        #expect(try evaluate("let b = x > 1\nvar c = false\nif b == !c { return 1 }\nreturn 0", at: [2]) == 1)
        #expect(try evaluate("let b = x > 1\nif b != true { return 1 }\nreturn 0", at: [2]) == 0)
        // NaN compares false, so both branches see it as "not greater".
        #expect(try evaluate("if x > 0 { return 1 }\nreturn 2", at: [Double.nan]) == 2)
    }

    @Test func statementsAndLineBreaks() throws {
        #expect(try evaluate("var a = 1; var b = 2; a += b; return a", at: [0]) == 3)
        #expect(try evaluate("return (1 +\n 2) * [\n3,\n4\n][1]", at: [0]) == 12)
        #expect(try evaluate("let a = 1 +\n    2\nreturn a", at: [0]) == 3)
        #expect(try evaluate("return max(\n x,\n 2,\n)", at: [5]) == 5)
    }

    @Test func vectorsAndMatrices() throws {
        let source = """
            @points((1, 2))
            func pair(a, b) {
                var v = zeros(3)
                v[0] = a
                v[1] += b
                v[2] = v[0] * v[1]
                let w = v
                v[2] = 100
                return [w[2], len(v), v[2], sum(w)]
            }

            @helper
            func sum(v[k]) {
                var s = 0
                for i in 0..<k { s += v[i] }
                return s
            }

            @points((2))
            func grid(a) {
                var m = zeros(2, 3)
                m[1][2] = a
                m[0] = [1, 2, 3]
                m[1][0] += 5
                let r = m[1]
                return [len(m), len(r), m[0][1] + r[2] + r[0]]
            }
            """
        #expect(try function("pair", in: source).evaluate([1.0, 2.0]) == [2, 3, 100, 5])
        #expect(try function("grid", in: source).evaluate([2.0]) == [2, 3, 9])
        #expect(try function("pair", in: source).outputCount == 4)
    }

    @Test func recursionAndHelpers() throws {
        let source = """
            @helper
            func fact(a) {
                if a < 2 { return 1 }
                return a * fact(a - 1)
            }

            @helper
            func fib(a) {
                if a < 2 { return a }
                return fib(a - 1) + fib(a - 2)
            }

            @helper
            func scaled(v[n], c) {
                var w = zeros(n)
                for i in 0..<n { w[i] = c * v[i] }
                return w
            }

            @helper
            func even(v[n]) { return n % 2 == 0 }

            @points((5))
            func f(x) {
                let v = scaled([1, 2, 3], x)
                if even([1, 2]) && !even([1]) { return fact(x) + fib(10) + v[2] }
                return 0
            }
            """
        #expect(try function("f", in: source).evaluate([5.0]) == [120 + 55 + 15])
        // Helpers come before or after their callers, and may call each other in any order.
        let mutual = """
            @points((6))
            func g(x) { return isEven(x) }
            @helper
            func isEven(a) { if a < 0.5 { return 1 }; return isOdd(a - 1) }
            @helper
            func isOdd(a) { if a < 0.5 { return 0 }; return isEven(a - 1) }
            """
        #expect(try function("g", in: mutual).evaluate([6.0]) == [1])
        #expect(try function("g", in: mutual).evaluate([7.0]) == [0])
    }

    @Test func domainErrorsAreValues() throws {
        #expect(try evaluate("return log(x)", at: [-1]).isNaN)
        #expect(try evaluate("return 1 / x", at: [0]) == .infinity)
        #expect(try evaluate("return log(x)", at: [0]) == -.infinity)
        #expect(try evaluate("return sqrt(x)", at: [-1]).isNaN)
        #expect(try evaluate("return pi", at: [0]) == .pi)
    }

    @Test(arguments: [-2.5, -0.7, -0.25, 0, 0.3, 0.9, 1.7, 4.2])
    func builtinsAgreeWithSwift(_ x: Double) throws {
        let unary: [(String, (Double) -> Double)] = [
            ("sin", Foundation.sin), ("cos", Foundation.cos), ("tan", Foundation.tan), ("cot", { Foundation.cos($0) / Foundation.sin($0) }),
            ("asin", Foundation.asin), ("acos", Foundation.acos), ("atan", Foundation.atan), ("sinh", Foundation.sinh),
            ("cosh", Foundation.cosh), ("tanh", Foundation.tanh), ("exp", Foundation.exp), ("expm1", Foundation.expm1),
            ("log", Foundation.log), ("log1p", Foundation.log1p), ("log2", Foundation.log2), ("log10", Foundation.log10),
            ("sqrt", { $0.squareRoot() }), ("cbrt", Foundation.cbrt), ("abs", { Swift.abs($0) }), ("erf", Foundation.erf),
            ("relu", { Swift.max($0, 0) }), ("sigmoid", { 1 / (1 + Foundation.exp(-$0)) }),
            ("softplus", { Foundation.log1p(Foundation.exp($0)) }),
        ]
        for (name, reference) in unary {
            let value = try evaluate("return \(name)(x)", at: [x])
            let expected = reference(x)
            if name == "sigmoid" || name == "softplus" {
                #expect(Swift.abs(value - expected) <= 4e-16 * Swift.max(1, Swift.abs(expected)), "\(name)(\(x))")
            } else {
                #expect(value == expected || (value.isNaN && expected.isNaN), "\(name)(\(x)) = \(value), Swift: \(expected)")
            }
        }
        let y = 0.75
        let binary: [(String, (Double, Double) -> Double)] = [
            ("atan2", { Foundation.atan2($0, $1) }), ("pow", { Foundation.pow($0, $1) }),
            ("hypot", { Foundation.hypot($0, $1) }), ("max", { Swift.max($0, $1) }), ("min", { Swift.min($0, $1) }),
        ]
        for (name, reference) in binary {
            for (a, b) in [(x, y), (y, x)] {
                let value = try evaluate("return \(name)(x, y)", parameters: "x, y", at: [a, b])
                let expected = reference(a, b)
                #expect(value == expected || (value.isNaN && expected.isNaN), "\(name)(\(a), \(b))")
            }
        }
    }

    @Test func handWrittenDerivatives() throws {
        let source = """
            @points((2, 1))
            func nutty(x1, x2) {
                return x1 * sqrt(log(x1 / sin(x2^2)))
            }
            gradient nutty {
                let L = log(x1 / sin(x2^2))
                return [sqrt(L) + 1 / (2 * sqrt(L)), -x1 * x2 * cot(x2^2) / sqrt(L)]
            }
            @mutant("sign flipped")
            gradient nutty {
                let L = log(x1 / sin(x2^2))
                return [sqrt(L) - 1 / (2 * sqrt(L)), x1 * x2 * cot(x2^2) / sqrt(L)]
            }
            @domain(r: 0.1...3, t: -3...3)
            func polar(r, t) {
                return [r * cos(t), r * sin(t)]
            }
            jacobian polar {
                return [[cos(t), -r * sin(t)], [sin(t), r * cos(t)]]
            }
            """
        let nutty = try function("nutty", in: source)
        #expect(nutty.hasHandCodedDerivative)
        #expect(nutty.mutants == ["sign flipped"])
        let L = Foundation.log(2 / Foundation.sin(1.0))
        let correct: [[Double]] = try nutty.handCodedDerivative(.correct, at: [2.0, 1.0])
        #expect(correct[0][0] == L.squareRoot() + 1 / (2 * L.squareRoot()))
        let mutant: [[Double]] = try nutty.handCodedDerivative(.mutant(0), at: [2.0, 1.0])
        #expect(mutant[0][0] != correct[0][0])
        #expect(throws: StrategyError.self) { let _: [[Double]] = try nutty.handCodedDerivative(.mutant(1), at: [2.0, 1.0]) }
        let polar = try function("polar", in: source)
        #expect(polar.outputCount == 2 && polar.isVectorValued)
        let jacobian: [[Float]] = try polar.handCodedDerivative(.correct, at: [Float(2), Float(0)])
        #expect(jacobian == [[1, 0], [0, 2]])
        #expect(try polar.evaluate([2.0, 0.0]) == [2, 0])
    }

    @Test func namingAndSampling() throws {
        let source = """
            /// Two vectors of the same length and one of another.
            ///
            /// Second paragraph.
            @dimensions(n: 2, 3, m: 1)
            @points(([1, 2], 5, [3, 4], [9]), ([1, 2, 3], 6, [4, 5, 6], [0]))
            @domain(x: -1...1, c: 0...2, y: 3...4, z: 5...6)
            @tags(loop, non-smooth, "two words")
            @tolerance(rtol: 1e-6)
            @xfail("complex-step", "not analytic")
            func f(x[n], c, y[n], z[m]) {
                var s = c * z[0]
                for i in 0..<n { s += x[i] * y[i] }
                return s
            }
            """
        let suite = try loadSuite(source)
        #expect(suite.functions.map(\.id.description) == ["test/f[n=2,m=1]", "test/f[n=3,m=1]"])
        let f2 = suite.functions[0]
        #expect(f2.inputNames == ["x[0]", "x[1]", "c", "y[0]", "y[1]", "z[0]"])
        #expect(f2.sampling.explicitPoints == [[1, 2, 5, 3, 4, 9]])
        #expect(f2.sampling.domain == [-1...1, -1...1, 0...2, 3...4, 3...4, 5...6])
        #expect(f2.summary == "Two vectors of the same length and one of another.\n\nSecond paragraph.")
        #expect(f2.tags == ["loop", "non-smooth", "two words"])
        #expect(f2.toleranceOverride == ToleranceOverride(rtol: 1e-6))
        #expect(f2.expectedFailures == ["complex-step": "not analytic"])
        #expect(f2.dimensions == ["n": 2, "m": 1])
        #expect(try f2.evaluate([1, 2, 5, 3, 4, 9]) == [56])
        #expect(suite.functions[1].sampling.explicitPoints == [[1, 2, 3, 6, 4, 5, 6, 0]])
        // Any length on demand, for benchmarks.
        let big = try suite.instance(of: "f", dimensions: ["n": 1000, "m": 2])
        #expect(big.id.name == "f[n=1000,m=2]" && big.inputCount == 2003 && big.sampling.explicitPoints.isEmpty)
        #expect(throws: SuiteLoadError.self) { try suite.instance(of: "g", dimensions: [:]) }
        #expect(suite.dimensionNames(of: "f") == ["n", "m"] && suite.dimensionNames(of: "g") == nil)
        #expect(try Suite.instance(of: "test/f", in: [suite], dimensions: ["n": 4, "m": 1]).id.name == "f[n=4,m=1]")
        #expect(try Suite.instance(of: "f", in: [suite], dimensions: ["n": 5, "m": 1]).inputCount == 12)
        #expect(throws: SuiteLoadError.self) { try Suite.instance(of: "other/f", in: [suite], dimensions: ["n": 4, "m": 1]) }
        #expect(throws: SuiteLoadError.self) { try suite.instance(of: "f", dimensions: ["n": 0, "m": 1]) }
    }
}

/// `evaluate` for a function with vector parameters of length `dims` (length name `n`).
func evaluate(_ body: String, parameters: String, at point: [Double], dims: Int) throws -> Double {
    let source = "@dimensions(n: \(dims))\n@domain(x: 0...1)\nfunc f(\(parameters)) {\n\(body)\n}\n"
    return try function("f[n=\(dims)]", in: source).evaluate(point)[0]
}
