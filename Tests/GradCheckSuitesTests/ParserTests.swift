import Testing
@testable import GradCheckSuites

@Suite struct ParserTests {
    func parse(_ text: String) -> (SyntaxTree, [String]) {
        let (tree, sink) = Parser.parse(SourceFile(path: "t.grad", text: text))
        return (tree, sink.diagnostics.map(\.message))
    }

    /// The expression of `return EXPR` in a one-statement function, printed fully parenthesised.
    func shape(_ expression: String) -> String {
        let (tree, errors) = parse("func f(x, y) { return \(expression) }")
        guard errors.isEmpty, case .function(let function)? = tree.declarations.first,
            case .returnValue(let expr)? = function.body.statements.first?.kind
        else { return "error: \(errors)" }
        return Self.print(expr)
    }

    static func print(_ expr: Expr) -> String {
        switch expr.kind {
        case .integer(_, let value), .real(let value): return value == value.rounded() ? String(Int(value)) : String(value)
        case .boolean(let value): return String(value)
        case .name(let name): return name
        case .string(let text): return "\"\(text)\""
        case .call(let name, let arguments): return "\(name)(\(arguments.map(print).joined(separator: ", ")))"
        case .index(let base, let index, _): return "\(print(base))[\(print(index))]"
        case .vector(let elements): return "[\(elements.map(print).joined(separator: ", "))]"
        case .tuple(let elements): return "(\(elements.map(print).joined(separator: ", ")))"
        case .range(let lower, let upper): return "\(print(lower))...\(print(upper))"
        case .unary(let op, let operand): return "(\(op.rawValue)\(print(operand)))"
        case .binary(let op, let lhs, let rhs, _): return "(\(print(lhs)) \(op.rawValue) \(print(rhs)))"
        case .chain(let first, let links): return print(OperatorChain.nested(first, links))
        }
    }

    @Test func precedence() {
        #expect(shape("-x^2") == "(-(x ^ 2))")
        #expect(shape("x^y^2") == "(x ^ (y ^ 2))")
        #expect(shape("x^-y^2") == "(x ^ (-(y ^ 2)))")
        #expect(shape("-x * y") == "((-x) * y)")
        #expect(shape("x - y - 1") == "((x - y) - 1)")
        #expect(shape("x + y * 2 % 3") == "(x + ((y * 2) % 3))")
        #expect(shape("x < y + 1 && y > 0 || !(x == y)") == "(((x < (y + 1)) && (y > 0)) || (!(x == y)))")
        #expect(shape("f(x)[1][y + 1]^2") == "(f(x)[1][(y + 1)] ^ 2)")
        #expect(shape("[x, [y, 2], ]") == "[x, [y, 2]]")
        #expect(shape("(((x)))") == "x")
        #expect(shape("2.5e-3 * pi") == "(0.0025 * pi)")
        #expect(shape("true != false") == "(true != false)")
    }

    @Test func statementsAndLineBreaks() {
        let (tree, errors) = parse("""
            @points((1, 2))
            @domain(x: -1...1,
                    y: 0...pi)
            func f(x, y)
            {
                var k: Int = 0; k += 1
                if x > 0 {
                    return 1
                }
                else if y > 0 { return 2 }
                else
                {
                    for i in 0..<3 { k -= i }
                    while k < 10 { k *= 2; if k > 5 { break } else { continue } }
                }
                let v = [
                    x,
                    y
                ]
                return x +
                    y
            }
            """)
        #expect(errors == [])
        guard case .function(let function)? = tree.declarations.first else {
            Issue.record("the first declaration is not a function")
            return
        }
        #expect(function.body.statements.count == 5)
        #expect(function.attributes.map(\.name) == ["points", "domain"])
        #expect(function.attributes[1].arguments?.map { $0.label } == ["x", "y"])
        #expect(function.attributes[1].arguments.map { $0.map { Self.print($0.value) } } == ["(-1)...1", "0...pi"])
        #expect(function.attributes[0].arguments.map { $0.map { Self.print($0.value) } } == ["(1, 2)"])
    }

    @Test func documentation() {
        let (tree, _) = parse("/// One.\n/// Two.\n@helper\n/// Three.\nfunc f(x) { return x }\n/// Stray.\n")
        guard case .function(let function)? = tree.declarations.first else {
            Issue.record("the first declaration is not a function")
            return
        }
        #expect(function.documentation == ["One.", "Two.", "Three."])
    }

    @Test func recoveryReportsEachError() {
        let (tree, errors) = parse("""
            func f(x) {
                let = 3
                var y = (1 + )
                y = 2 3
                return x
            }
            func (x) { }
            gradient f {
                return [1
            }
            func g(x) {
                return x
            """)
        #expect(errors == [
            "expected a name after 'let', found '='",
            "expected an expression, found ')'",
            "expected a line break or ';' after the statement, found number '3'",
            "expected the function's name after 'func', found '('",
            "expected ']' or ',', found '}'",
            "expected '}' to close the block opened on line 11",
        ])
        // What could be parsed is kept: f (with its good statements), the gradient, not g.
        #expect(tree.declarations.count == 2)
        guard case .function(let f)? = tree.declarations.first else {
            Issue.record("the first declaration is not a function")
            return
        }
        // `y = 2` is kept; the statements that failed are dropped.
        #expect(f.hadSyntaxErrors && f.body.statements.count == 2)
    }

    @Test func missingBraceBeforeTheNextDeclaration() {
        let (tree, errors) = parse("func f(x) {\n    return x\n\nfunc g(x) { return x }\n")
        #expect(errors == ["expected '}' to close the block opened on line 1"])
        #expect(tree.declarations.count == 2)
    }

    @Test func attributeForms() {
        let (tree, errors) = parse(
            "@tags(a, non-smooth, \"two words\")\n@xfail(\"id\", \"why\")\n@dimensions(n: 1, 2, m: 3)\nfunc f(x[n], y[m]) { return 1 }")
        #expect(errors == [])
        guard case .function(let function)? = tree.declarations.first else {
            Issue.record("the first declaration is not a function")
            return
        }
        #expect(function.attributes.map { $0.arguments?.count } == [3, 2, 3])
        #expect(function.attributes[2].arguments?.map(\.label) == ["n", nil, "m"])
        #expect(function.parameters.map(\.lengthName) == ["n", "m"])
        let (_, stringErrors) = parse("func f(x) { return \"text\" }")
        #expect(stringErrors == ["strings are only allowed in attributes"])
        let (_, tupleErrors) = parse("func f(x) { return (x, x) }")
        #expect(tupleErrors == ["unexpected ',' in parentheses"])
    }
}
