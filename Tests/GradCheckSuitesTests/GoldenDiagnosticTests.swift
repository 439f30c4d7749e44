import Testing
@testable import GradCheckSuites

/// Exact renderings of representative errors: headline, source line, caret.
@Suite struct GoldenDiagnosticTests {
    func rendered(_ source: String) -> String {
        do {
            _ = try SuiteLoader().loadSuite(source: source, name: "golden", path: "Suites/golden.grad")
            return "(loaded)"
        } catch {
            return error.description
        }
    }

    @Test func unknownNameWithSuggestion() {
        let source = "@points((2, 1))\nfunc nutty(x1, x2) {\n    return x1 * sqrt(log(x1 / sin(x3^2)))\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:3:35: error: unknown name 'x3'; did you mean 'x1'?
                return x1 * sqrt(log(x1 / sin(x3^2)))
                                              ^
            1 error generated.
            """)
    }

    @Test func arityKeepsTabsInTheCaretLine() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n\treturn atan2(x)\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:3:9: error: 'atan2' takes 2 arguments but 1 was given
            \treturn atan2(x)
            \t       ^
            1 error generated.
            """)
    }

    @Test func realIndex() {
        let source = "@dimensions(n: 3)\n@domain(x: -1...1)\nfunc f(x[n]) {\n    let h = n / 2\n    return x[h]\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:5:14: error: an index must be an Int expression, but this is Real (declare it with 'let h: Int = …' to make it an integer)
                return x[h]
                         ^
            1 error generated.
            """)
    }

    @Test func assignmentToLet() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    let s = 0\n    s += x\n    return s\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:4:5: error: cannot assign to 's': it is a 'let' constant
                s += x
                ^
            1 error generated.
            """)
    }

    @Test func gradientOfMissingFunction() {
        let source = "@dimensions(n: 2)\n@domain(x: -2...2)\nfunc rosenbrock(x[n]) { return x[0] }\ngradient rosenbrok {\n    return zeros(n)\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:4:10: error: gradient of unknown function 'rosenbrok'; did you mean 'rosenbrock'?
            gradient rosenbrok {
                     ^
            1 error generated.
            """)
    }

    @Test func gradientOfWrongLength() {
        let source = "@domain(x1: 1...2, x2: 1...2)\nfunc nutty(x1, x2) { return x1 * x2 }\ngradient nutty {\n    return [x2, x1, 0]\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:4:5: error: the gradient of 'nutty' returns 3 entries, but 'nutty' has 2 inputs
                return [x2, x1, 0]
                ^
            1 error generated.
            """)
    }

    @Test func missingReturn() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    if x > 0 {\n        return 1\n    }\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:6:1: error: missing return in 'f': control can reach the end of the body
            }
            ^
            1 error generated.
            """)
    }

    @Test func duplicateFunction() {
        let source = "@domain(x: 0...1)\nfunc f(x) { return x }\n\n@domain(x: 0...1)\nfunc f(x) { return 2 * x }\n"
        #expect(rendered(source) == """
            Suites/golden.grad:5:6: error: function 'f' is already defined (on line 2)
            func f(x) { return 2 * x }
                 ^
            1 error generated.
            """)
    }

    @Test func malformedAttributes() {
        let source = "@dimension(n: 2)\n@domain(x1: 3...1.2, x2: 0.3...1.2)\nfunc nutty(x1, x2) { return x1 }\n"
        #expect(rendered(source) == """
            Suites/golden.grad:1:1: error: unknown attribute '@dimension'; did you mean '@dimensions'?
            @dimension(n: 2)
            ^
            Suites/golden.grad:2:13: error: the interval for 'x1' is empty: 3 is greater than 1.2
            @domain(x1: 3...1.2, x2: 0.3...1.2)
                        ^
            2 errors generated.
            """)
    }

    @Test func chainedComparison() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    return 0 < x < 1\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:3:18: error: comparisons cannot be chained; combine them with '&&'
                return 0 < x < 1
                             ^
            1 error generated.
            """)
    }

    @Test func lexicalErrorsTogether() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    let s = \"text\n    return x # comment\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:3:13: error: unterminated string
                let s = "text
                        ^
            Suites/golden.grad:4:14: error: unexpected character '#'
                return x # comment
                         ^
            2 errors generated.
            """)
    }

    @Test func syntaxAndSemanticErrorsTogether() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    var y = x +\n    return y\n}\n@domain(x: 0...1)\nfunc g(x) {\n    return z\n}\n"
        #expect(rendered(source) == """
            Suites/golden.grad:4:5: error: expected an expression, found 'return'
                return y
                ^
            Suites/golden.grad:8:12: error: unknown name 'z'
                return z
                       ^
            2 errors generated.
            """)
    }

    @Test func tooDeeplyNested() {
        let source = "@domain(x: 0...1)\nfunc f(x) {\n    return -" + String(repeating: "-", count: 300) + "x\n}\n"
        let text = rendered(source)
        #expect(text.hasPrefix("Suites/golden.grad:3:211: error: nesting is too deep (more than 200 levels)\n"))
        #expect(text.hasSuffix("^\n1 error generated."))
    }

    @Test func runtimeErrorsAreLocated() throws {
        let source = "@dimensions(n: 3)\n@domain(x: 0...1)\nfunc f(x[n]) {\n    return x[n]\n}\n"
        let function = try SuiteLoader().loadSuite(source: source, name: "golden", path: "Suites/golden.grad").functions[0]
        #expect(throws: SuiteRuntimeError.self) { try function.evaluate([1.0, 2.0, 3.0]) }
        do {
            _ = try function.evaluate([1.0, 2.0, 3.0])
        } catch {
            #expect("\(error)" == "Suites/golden.grad:4:13: error: index 3 is out of range for a vector of length 3")
        }
    }
}

/// Control characters from a suite file (a terminal escape, a bell, a carriage return, a bidirectional
/// override) are shown as escapes in its diagnostics, and the caret still points at the column.
@Suite struct DiagnosticControlCharacterTests {
    @Test func theSourceLineShowsEscapesAndTheCaretFollows() {
        let diagnostic = SuiteDiagnostic(
            path: "s\u{1B}]0;x\u{7}.grad", line: 2, column: 10, message: "unknown name '\u{1B}[2J'", sourceLine: "\u{1B}[31mx + y\r\u{7}")
        #expect(diagnostic.description == """
            s\\u{1B}]0;x\\u{7}.grad:2:10: error: unknown name '\\u{1B}[2J'
            \\u{1B}[31mx + y\\r\\u{7}
                          ^
            """)
    }

    @Test func aLoadErrorCarriesNoControlCharacter() {
        let source = "func f(x) {\n\treturn x\u{1B}[2J\u{7} + y\u{202E}\r\n}\n"
        do {
            _ = try SuiteLoader().loadSuite(source: source, name: "s", path: "s.grad")
            Issue.record("loaded")
        } catch {
            let text = error.description
            let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0 == "\u{202E}" }
            #expect(controls.isEmpty, "\(text.debugDescription)")
            #expect(text.contains("\\u{1B}[2J"), "\(text)")
        }
    }
}
