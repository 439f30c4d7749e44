import Testing
@testable import GradCheckSuites

@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        let source = SourceFile(path: "t.grad", text: text)
        return Lexer.tokenize(source, sink: DiagnosticSink(source: source)).0.map(\.kind)
    }

    func lexErrors(_ text: String) -> [String] {
        let source = SourceFile(path: "t.grad", text: text)
        return Lexer.tokenize(source, sink: DiagnosticSink(source: source)).1.diagnostics.map(\.message)
    }

    @Test func numbers() {
        #expect(kinds("3 2.5 1e-3 6.02E23 1_000") == [
            .integer(3, 3), .real(2.5), .real(1e-3), .real(6.02e23), .integer(1000, 1000), .endOfFile,
        ])
        // A dot starts a fraction only before a digit: ranges lex as integer, operator, integer.
        #expect(kinds("1...3 0..<n") == [
            .integer(1, 1), .symbol(.closedRange), .integer(3, 3), .integer(0, 0), .symbol(.halfOpenRange),
            .identifier("n"), .endOfFile,
        ])
        // Too large for Int, still a valid real.
        #expect(kinds("99999999999999999999") == [.integer(nil, 1e20), .endOfFile])
    }

    @Test func identifiersKeywordsAndSymbols() {
        #expect(kinds("func f(x[n]) { let y = x[0] }") == [
            .keyword(.func), .identifier("f"), .symbol(.leftParen), .identifier("x"), .symbol(.leftBracket),
            .identifier("n"), .symbol(.rightBracket), .symbol(.rightParen), .symbol(.leftBrace), .keyword(.let),
            .identifier("y"), .symbol(.equal), .identifier("x"), .symbol(.leftBracket), .integer(0, 0),
            .symbol(.rightBracket), .symbol(.rightBrace), .endOfFile,
        ])
        #expect(kinds("a+=b-=c*=d/=e==f!=g<=h>=i&&j||!k^l%m") == [
            .identifier("a"), .symbol(.plusEqual), .identifier("b"), .symbol(.minusEqual), .identifier("c"),
            .symbol(.starEqual), .identifier("d"), .symbol(.slashEqual), .identifier("e"), .symbol(.equalEqual),
            .identifier("f"), .symbol(.notEqual), .identifier("g"), .symbol(.lessEqual), .identifier("h"),
            .symbol(.greaterEqual), .identifier("i"), .symbol(.andAnd), .identifier("j"), .symbol(.orOr),
            .symbol(.bang), .identifier("k"), .symbol(.caret), .identifier("l"), .symbol(.percent), .identifier("m"),
            .endOfFile,
        ])
    }

    @Test func commentsAndNewlines() {
        let expected: [TokenKind] = [
            .identifier("a"), .newline, .identifier("b"), .identifier("c"), .newline, .docComment("doc text"),
            .newline, .identifier("d"), .endOfFile,
        ]
        #expect(kinds("a // comment\n\n\nb /* block /* nested */ still */ c\n/// doc text\n//// not doc\nd") == expected)
    }

    @Test func strings() {
        #expect(kinds(#""plain" "with \"quotes\" and \\ and \n""#) == [
            .string("plain"), .string("with \"quotes\" and \\ and \n"), .endOfFile,
        ])
        #expect(lexErrors("\"open\nx") == ["unterminated string"])
    }

    @Test func errorsKeepGoing() {
        #expect(lexErrors("a # b $ c") == ["unexpected character '#'", "unexpected character '$'"])
        #expect(lexErrors("x = 2x") == ["malformed number '2x'"])
        #expect(lexErrors("/* never closed") == ["unterminated '/*' comment"])
        #expect(lexErrors("a\u{1}b") == ["unexpected control character (byte 0x1)"])
        #expect(lexErrors("é") == ["unexpected character 'é'"])
        #expect(kinds("a # b") == [.identifier("a"), .invalid, .identifier("b"), .endOfFile])
    }

    @Test func positions() {
        let source = SourceFile(path: "t.grad", text: "ab\n  cé d\n")
        let tokens = Lexer.tokenize(source, sink: DiagnosticSink(source: source)).0
        let d = tokens.first { $0.kind == .identifier("d") }!
        // Columns count characters: 'é' is two bytes but one column.
        #expect(source.lineAndColumn(of: d.start) == (2, 6))
        #expect(source.lineText(1) == "  cé d")
        #expect(source.lineAndColumn(of: source.bytes.count) == (3, 1))
    }
}
