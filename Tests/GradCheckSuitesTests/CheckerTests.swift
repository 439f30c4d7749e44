import Testing
@testable import GradCheckSuites

/// One error expected from `body` placed in `func f(x1, x2)` (with a domain, so that nothing else is
/// reported).
private func bodyErrors(_ body: String, parameters: String = "x1, x2") -> [String] {
    let names = parameters.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let domain = names.map { "\($0): 0...1" }.joined(separator: ", ")
    return errorMessages("@domain(\(domain))\nfunc f(\(parameters)) {\n\(body)\n}\n")
}

@Suite struct CheckerTests {
    @Test func unknownNamesAreSuggested() {
        #expect(bodyErrors("return x1 * sqrt(x3)") == ["unknown name 'x3'; did you mean 'x1'?"])
        #expect(bodyErrors("let total = 1\nreturn totl") == ["unknown name 'totl'; did you mean 'total'?"])
        #expect(bodyErrors("return sqr(x1)") == ["unknown function 'sqr'; did you mean 'sqrt'?"])
        #expect(bodyErrors("return qqqqq") == ["unknown name 'qqqqq'"])
        #expect(bodyErrors("return sin") == ["'sin' is a function; call it with arguments: sin(…)"])
        #expect(bodyErrors("return x1(2)") == ["'x1' is a variable, not a function"])
        #expect(bodyErrors("totl = 3\nreturn 1") == ["unknown name 'totl'"])
        #expect(bodyErrors("return PI") == ["unknown name 'PI'; did you mean 'pi'?"])
    }

    @Test func arity() {
        #expect(bodyErrors("return atan2(x1)") == ["'atan2' takes 2 arguments but 1 was given"])
        #expect(bodyErrors("return sin(x1, x2)") == ["'sin' takes 1 argument but 2 were given"])
        #expect(bodyErrors("return len(zeros(1, 2, 3))") == ["'zeros' takes 1 or 2 arguments but 3 were given"])
        let source = """
            @helper
            func g(a, b) { return a + b }
            @domain(x: 0...1)
            func f(x) { return g(x) }
            """
        #expect(errorMessages(source) == ["'g' takes 2 arguments but 1 was given"])
    }

    @Test func types() {
        #expect(bodyErrors("return [x1][1.5]") == ["an index must be an Int expression, but this is Real"])
        #expect(bodyErrors("let k = 1\nreturn [x1][k]") == [
            "an index must be an Int expression, but this is Real (declare it with 'let k: Int = …' to make it an integer)"
        ])
        #expect(bodyErrors("for i in 0..<x1 { }\nreturn 1") == ["a range bound must be an Int expression, but this is Real"])
        #expect(bodyErrors("return len(zeros(x1))") == ["the length in 'zeros' must be an Int expression, but this is Real"])
        #expect(bodyErrors("if x1 { return 1 }\nreturn 0") == ["an 'if' condition must be a Bool, but this is Real"])
        #expect(bodyErrors("while 1 < 2 || x1 { }\nreturn 0") == ["'||' needs Bool operands, but has Bool and Real"])
        #expect(bodyErrors("return x1 % 2") == ["'%' needs Int operands, but has Real and Int"])
        #expect(bodyErrors("return [x1] + 1") == ["'+' needs numbers, but has Vector and Real"])
        #expect(bodyErrors("if [x1] < x2 { return 1 }\nreturn 0") == ["'<' needs two numbers, but has Vector and Real"])
        #expect(bodyErrors("return [x1, [x2]]") == ["a vector literal cannot mix numbers and vectors"])
        #expect(bodyErrors("return [x1 < 1]") == ["a vector literal holds numbers (or vectors, for a matrix), not Bool"])
        #expect(bodyErrors("return -(x1 < 1)") == ["prefix '-' needs a number, but this is Bool"])
        #expect(bodyErrors("return x1[0]") == ["only a vector can be indexed, but this is Real"])
        #expect(bodyErrors("var k: Int = x1\nreturn k") == ["the initial value of 'k' must be Int, but this is Real"])
        #expect(bodyErrors("var k: Int = 0\nk += x1\nreturn k") == ["the value assigned to 'k' must be Int, but this is Real"])
        #expect(bodyErrors("var v = [x1]\nv = 2\nreturn 1") == ["the value assigned to 'v' must be Vector, but this is Real"])
        #expect(bodyErrors("var v = [x1]\nv += 2\nreturn 1") == ["'+=' needs a number, but 'v' is Vector"])
        #expect(bodyErrors("return len(x1)") == ["'len' needs a vector, but this is Real"])
        #expect(bodyErrors("return sin([x1])") == ["'sin' needs a number, but this is Vector"])
        #expect(bodyErrors("return 99999999999999999999 + [1][99999999999999999999]") == [
            "integer literal is too large for an Int"
        ])
        #expect(bodyErrors("var t: Complex = 1\nreturn t") == ["unknown type 'Complex' (the types are Int, Real, Bool and Vector)"])
        #expect(bodyErrors("var t: real = 1\nreturn t") == ["unknown type 'real'; did you mean 'Real'?"])
    }

    @Test func assignments() {
        #expect(bodyErrors("let a = 1\na = 2\nreturn a") == ["cannot assign to 'a': it is a 'let' constant"])
        #expect(bodyErrors("x1 = 2\nreturn x1") == ["cannot assign to 'x1': it is a parameter"])
        #expect(bodyErrors("for i in 0..<3 { i = 2 }\nreturn 1") == ["cannot assign to 'i': it is the loop variable"])
        #expect(bodyErrors("n = 2\nreturn 1", parameters: "x[n]").contains("cannot assign to 'n': it is the length of a vector parameter"))
        #expect(bodyErrors("x[0] = 1\nreturn 1", parameters: "x[n]").contains("cannot assign to 'x': it is a parameter"))
        #expect(bodyErrors("var a = 1\nvar a = 2\nreturn a") == ["'a' is already defined (on line 3)"])
        #expect(bodyErrors("let x1 = 2\nreturn x1") == ["'x1' is already defined (on line 2)"])
        #expect(bodyErrors("for i in 0..<2 { for i in 0..<2 { } }\nreturn 1") == ["'i' is already defined (on line 3)"])
        #expect(bodyErrors("for i in 0..<2 { }\nfor i in 0..<2 { }\nreturn 1") == [])
        #expect(bodyErrors("let pi = 3\nreturn pi") == ["'pi' is the constant π and cannot be declared"])
        #expect(bodyErrors("var v = [x1]\nv[0][1] = 2\nreturn 1") == ["'v' is Vector and cannot be indexed twice"])
    }

    @Test func controlFlow() {
        #expect(bodyErrors("if x1 > 0 { return 1 }") == ["missing return in 'f': control can reach the end of the body"])
        #expect(bodyErrors("if x1 > 0 { return 1 } else { return 2 }") == [])
        #expect(bodyErrors("while true { if x1 > 0 { return 1 } }") == [])
        #expect(bodyErrors("while true { break }") == ["missing return in 'f': control can reach the end of the body"])
        #expect(bodyErrors("break\nreturn 1") == ["'break' outside a loop"])
        #expect(bodyErrors("continue\nreturn 1") == ["'continue' outside a loop"])
        #expect(bodyErrors("return") == ["'return' needs a value: every function returns a result"])
        #expect(bodyErrors("if x1 > 0 { return [x1] }\nreturn x2") == ["'f' returns Real here but Vector on line 3"])
        #expect(bodyErrors("return x1 > 0") == ["a test function returns a Real or a Vector, but 'f' returns Bool"])
        // A function that only returns calls of itself never returns; its type is taken as Real.
        #expect(errorMessages("@domain(x: 0...1)\nfunc f(x) { return f(x) }") == [])
    }

    @Test func declarations() {
        #expect(errorMessages("@domain(x: 0...1)\nfunc f(x) { return x }\n@domain(x: 0...1)\nfunc f(x) { return x }") == [
            "function 'f' is already defined (on line 2)"
        ])
        #expect(errorMessages("@domain(x: 0...1)\nfunc sin(x) { return x }") == ["'sin' is a built-in function and cannot be redefined"])
        #expect(errorMessages("@domain(x: 0...1)\nfunc f(x, x) { return x }") == ["'x' is already defined (on line 2)"])
        #expect(errorMessages("@dimensions(x: 2)\n@domain(x: 0...1)\nfunc f(x[x]) { return 1 }") == ["'x' is already defined (on line 3)"])
        let derivatives = """
            @domain(x: 0...1)
            func f(x) { return x }
            gradient g { return [1] }
            gradient f { return [1] }
            gradient f { return [2] }
            @domain(x: 0...1)
            func v(x) { return [x, x] }
            gradient v { return [1] }
            jacobian f { return [[1]] }
            @helper
            func h(x) { return x }
            gradient h { return [1] }
            gradient f { return 1 }
            """
        #expect(errorMessages(derivatives) == [
            "gradient of unknown function 'g'",
            "'f' already has a gradient (on line 4); mark deliberately wrong ones with @mutant(\"…\")",
            "'v' returns a Vector: its derivative is a 'jacobian', not a 'gradient'",
            "'f' returns a Real: its derivative is a 'gradient', not a 'jacobian'",
            "'h' is a @helper; only test functions have a gradient",
            "'f' already has a gradient (on line 4); mark deliberately wrong ones with @mutant(\"…\")",
            "the result of the gradient of 'f' must be Vector, but this is Real",
        ])
    }

    @Test func derivativeLengths() {
        let source = """
            @dimensions(n: 2, 10)
            @domain(x: 0...1, c: 0...1)
            func f(x[n], c) { return c * x[0] }
            gradient f {
                var g = zeros(n)
                return g
            }
            @mutant("too long")
            gradient f { return zeros(n + 2) }
            @domain(r: 0...1, t: 0...1)
            func polar(r, t) { return [r, t, r * t] }
            jacobian polar { return [[1, 0], [0, 1]] }
            @mutant("short rows")
            jacobian polar { return [[1], [0], [1]] }
            """
        #expect(errorMessages(source) == [
            "the gradient of 'f' returns 2 entries, but 'f[n=2]' has 3 inputs",
            "the gradient of 'f' returns 4 entries, but 'f[n=2]' has 3 inputs",
            "the Jacobian of 'polar' returns 2 rows, but 'polar' has 3 outputs",
            "the rows of the Jacobian of 'polar' have 1 entries, but 'polar' has 2 inputs",
        ])
    }

    @Test func attributes() {
        func errors(_ attributes: String, _ declaration: String = "func f(x, y) { return x }") -> [String] {
            errorMessages("\(attributes)\n\(declaration)")
        }
        #expect(errors("@domain(x: 3...1, y: 0...1)") == ["the interval for 'x' is empty: 3 is greater than 1"])
        #expect(errors("@domain(x: 0...1)") == ["'@domain' gives no interval for 'y'"])
        #expect(errors("@domain(x: 0...1, z: 0...1)") == ["'z' is not a parameter"])
        #expect(errorMessages("@domain(alpha: 0...1, bet: 0...1)\nfunc f(alpha, beta) { return 1 }") == [
            "'bet' is not a parameter; did you mean 'beta'?"
        ])
        #expect(errors("@domain(x: 0...1, y: 0...1, x: 1...2)") == ["duplicate interval for 'x'"])
        #expect(errors("@domain(x: 0...q, y: 0...1)") == ["attribute values must be constants, but 'q' is a name"])
        #expect(errors("@domain(x: 1, y: 0...1)") == ["expected an interval 'lo...hi' for 'x'"])
        #expect(errors("@domain(x: -pi...pi, y: 0...sqrt(2))") == [])
        #expect(errors("@domain(x: 0...1/0, y: 0...1)") == ["this value is not finite"])
        #expect(errors("@dimension(n: 2)") == ["unknown attribute '@dimension'; did you mean '@dimensions'?"])
        #expect(errors("@points(1, 2)") == [
            "a point needs 2 values (x, y), but this one has 1; write each point as a tuple: @points((…))",
            "a point needs 2 values (x, y), but this one has 1; write each point as a tuple: @points((…))",
        ])
        #expect(errors("@points") == ["'@points' needs arguments, as in @points((1, 2), (0.5, -1))"])
        #expect(errors("@points((1, 2))\n@points((1, 2))") == ["duplicate '@points'"])
        #expect(errors("@points((1, 2))\n@mutant(\"x\")") == ["'@mutant' does not apply to a function"])
        #expect(errors("@points((1, 2))\n@tolerance(rtol: -1)") == ["a tolerance cannot be negative"])
        #expect(errors("@points((1, 2))\n@tolerance(rtl: 1)") == ["expected 'rtol:', 'atol:' or 'floor:'; did you mean 'rtol'?"])
        #expect(errors("@points((1, 2))\n@tolerance(floor: 0, rtol: 1e-9)").isEmpty)
        #expect(errors("@points((1, 2))\n@xfail(\"Forward\", \"why\")") == ["'Forward' is not a strategy id (lower-case letters, digits and '-')"])
        #expect(errors("@points((1, 2))\n@xfail(\"forward\")") == ["'@xfail' takes two strings: a strategy id and the reason"])
        #expect(errors("@points((1, 2))\n@xfail(\"forward\", \"a\")\n@xfail(\"forward\", \"b\")") == ["duplicate '@xfail' for strategy 'forward'"])
        #expect(errors("@points((1, 2))\n@tags(a, a)") == ["duplicate tag 'a'"])
        #expect(errors("@points((1, 2))\n@tags(1.5)") == ["a tag is a name (like 'loop' or 'non-smooth') or a string"])
        #expect(errors("@helper(3)") == ["'@helper' takes no arguments"])
        #expect(errors("@helper\n@points((1, 2))") == ["'@points' does not apply to a @helper function"])
        #expect(errors("@helper\n@dimension") == ["unknown attribute '@dimension'; did you mean '@dimensions'?"])
        #expect(errors("@points((1, \"a\"))") == ["expected a number"])
        #expect(errors("@domain(v: 0...1)", "func f(v[n]) { return 1 }") == [
            "'f' has vector parameters: give their lengths with @dimensions(n: …)"
        ])
        #expect(errors("@dimensions(n: 0, 2.5, 3, 3)\n@domain(v: 0...1)", "func f(v[n]) { return 1 }") == [
            "a dimension is an integer from 1 to 10000000", "a dimension is an integer from 1 to 10000000",
            "duplicate value 3 for 'n'",
        ])
        #expect(errors("@dimensions(m: 2)\n@domain(v: 0...1)", "func f(v[n]) { return 1 }") == [
            "'@dimensions' gives no values for 'n'", "'m' is not the length of a vector parameter",
        ])
        #expect(errors("@dimensions(n: 2)\n@points(([1, 2, 3]), (1))", "func f(v[n]) { return 1 }") == [
            "'v' has 3 entries, but @dimensions gives n: 2", "'v' is a vector: write its value as [a, b, …]",
        ])
        #expect(errors("@dimensions(n: 2)\n@points(([1, 2], [3]))", "func f(v[n], w[n]) { return 1 }") == [
            "'w' has 1 entries but another vector of length 'n' has 2"
        ])
        #expect(errors("@mutant(\"wrong\")\n@points((1, 2))") == ["'@mutant' does not apply to a function"])
        #expect(errorMessages("@domain(x: 0...1)\nfunc f(x) { return x }\n@points((1))\ngradient f { return [1] }") == [
            "'@points' does not apply to a gradient"
        ])
        #expect(errorMessages("@domain(x: 0...1)\nfunc f(x) { return x }\n@mutant(3)\ngradient f { return [1] }") == [
            "'@mutant' takes one non-empty string: what is wrong with this derivative"
        ])
        #expect(errorMessages("@points((1))") == ["'@points' is not followed by a declaration"])
    }

    @Test func warnings() throws {
        let suite = try loadSuite("func f(x) { return x }")
        #expect(suite.warnings.map(\.message) == ["'f' has neither @points nor @domain, so it is never evaluated"])
        #expect(suite.warnings.first?.severity == .warning)
    }

    @Test func severalErrorsAreReportedTogether() {
        let source = """
            @domain(x: 0...1)
            func a(x) {
                let y = x +
                return y
            }
            @domain(x: 0...1)
            func b(x) {
                return undefined + 1
            }
            @domain(x: 0...1)
            func c(x) {
                return x ** 2
            }
            gradient nothing { return [1] }
            """
        let found = diagnostics(source)
        #expect(found.map(\.message) == [
            "expected an expression, found 'return'",
            "unknown name 'undefined'",
            "expected an expression, found '*'",
            "gradient of unknown function 'nothing'",
        ])
        #expect(found.map(\.line) == [4, 8, 12, 14])
        // A syntax error inside 'a' does not also produce "unknown name 'y'" or "missing return".
    }

    @Test func suggestionDistance() {
        #expect(NameSuggestion.distance("sqr", "sqrt") == 1)
        #expect(NameSuggestion.distance("rosenbrokc", "rosenbrock") == 1)
        #expect(NameSuggestion.distance("abc", "cab") == 2)
        #expect(NameSuggestion.distance("", "abc") == 3)
        #expect(NameSuggestion.suggest("y", among: ["x"]) == nil)
        #expect(NameSuggestion.suggest("X", among: ["x"]) == "x")
        #expect(NameSuggestion.suggest("softmx", among: ["softplus", "sigmoid", "softmax"]) == "softmax")
    }
}
