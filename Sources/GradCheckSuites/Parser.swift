/// Builds the syntax tree of a suite from its tokens, reporting every syntax error it can find.
///
/// Error recovery: a malformed statement is skipped up to the end of its line (or the `;` or `}` that
/// ends it, skipping whole bracketed groups), and parsing resumes with the next statement; a malformed
/// declaration is skipped up to the next line that starts a declaration (`func`, `gradient`, `jacobian`,
/// an attribute or a `///` line). Only one error is reported per statement, so a single mistake does not
/// cascade.
///
/// Safety: the parser's recursion and the depth of every expression tree are bounded by
/// ``maximumNesting``, vector literals by ``maximumVectorLiteral`` entries, so no input can exhaust the
/// stack here or in any later pass. A run of one level's operators is a flat chain whose depth is counted
/// as it is evaluated (``OperatorChain``): a sum of 20,000 terms is one level, not 20,000.
struct Parser {
    /// Nesting of expressions and blocks beyond which a file is rejected.
    static let maximumNesting = 200
    /// The most entries a vector literal may have.
    static let maximumVectorLiteral = 100_000

    /// A syntax error that has already been reported; unwinds to the nearest recovery point.
    struct Failure: Error {}

    let source: SourceFile
    var tokens: [Token]
    var index = 0
    var sink: DiagnosticSink
    /// Greater than zero inside parentheses and brackets, where line breaks do not end anything.
    var newlinesIgnored = 0
    /// Current recursion depth of blocks and expressions.
    var nesting = 0
    /// Whether attribute-only forms (strings, tuples) are accepted.
    var inAttribute = false

    init(source: SourceFile, tokens: [Token], sink: DiagnosticSink) {
        self.source = source
        self.tokens = tokens
        self.sink = sink
    }

    /// Parses `source` and returns the tree with all diagnostics so far (lexical and syntactic).
    static func parse(_ source: SourceFile) -> (SyntaxTree, DiagnosticSink) {
        let (tokens, sink) = Lexer.tokenize(source, sink: DiagnosticSink(source: source))
        var parser = Parser(source: source, tokens: tokens, sink: sink)
        let tree = parser.parseFile()
        return (tree, parser.sink)
    }

    // MARK: Tokens

    /// The current token, skipping line breaks where they are insignificant.
    mutating func peek() -> Token {
        if newlinesIgnored > 0 {
            while case .newline = tokens[index].kind { index += 1 }
        }
        return tokens[index]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = peek()
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func check(_ symbol: Symbol) -> Bool {
        if case .symbol(symbol) = peek().kind { return true }
        return false
    }

    mutating func check(_ keyword: Keyword) -> Bool {
        if case .keyword(keyword) = peek().kind { return true }
        return false
    }

    mutating func accept(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    mutating func skipNewlines() {
        while case .newline = tokens[index].kind { index += 1 }
    }

    /// Reports `message` at `offset` and returns the error to throw.
    mutating func fail(_ message: String, at offset: Int) -> Failure {
        sink.error(message, at: offset)
        return Failure()
    }

    /// Reports "expected …, found …" at the current token.
    mutating func failExpected(_ what: String) -> Failure {
        let token = peek()
        if case .invalid = token.kind { return Failure() }
        return fail("expected \(what), found \(token.kind.display)", at: token.start)
    }

    mutating func expect(_ symbol: Symbol, _ what: String? = nil) throws(Failure) -> Token {
        guard check(symbol) else { throw failExpected(what ?? "'\(symbol.rawValue)'") }
        return advance()
    }

    mutating func expectIdentifier(_ what: String) throws(Failure) -> (String, Int) {
        let token = peek()
        guard case .identifier(let name) = token.kind else { throw failExpected(what) }
        advance()
        return (name, token.start)
    }

    /// Enters one level of nesting, failing past the limit.
    mutating func enterNesting(at offset: Int) throws(Failure) {
        nesting += 1
        if nesting > Self.maximumNesting {
            nesting -= 1
            throw fail("nesting is too deep (more than \(Self.maximumNesting) levels)", at: offset)
        }
    }

    // MARK: Declarations

    mutating func parseFile() -> SyntaxTree {
        var declarations: [Declaration] = []
        var documentation: [String] = []
        var attributes: [Attribute] = []
        while !sink.isFull {
            let token = tokens[index]
            switch token.kind {
            case .endOfFile:
                if let dangling = attributes.first {
                    sink.error("'@\(dangling.name)' is not followed by a declaration", at: dangling.offset)
                }
                return SyntaxTree(declarations: declarations)
            case .newline, .invalid:
                advance()
            case .docComment(let text):
                documentation.append(text)
                advance()
            case .symbol(.at):
                do throws(Failure) {
                    attributes.append(try parseAttribute())
                } catch {
                    recoverDeclaration()
                }
            case .keyword(.func), .keyword(.gradient), .keyword(.jacobian):
                do throws(Failure) {
                    declarations.append(try parseDeclaration(attributes: attributes, documentation: documentation))
                } catch {
                    recoverDeclaration()
                }
                attributes = []
                documentation = []
            default:
                sink.error(
                    "expected a declaration ('func', 'gradient', 'jacobian' or an attribute), found \(token.kind.display)",
                    at: token.start)
                recoverDeclaration()
            }
        }
        return SyntaxTree(declarations: declarations)
    }

    /// Skips to the next line that starts a declaration, skipping whole brace-delimited groups.
    mutating func recoverDeclaration() {
        newlinesIgnored = 0
        nesting = 0
        inAttribute = false
        var depth = 0
        var first = true
        while true {
            let token = tokens[index]
            let atLineStart = index > 0 && tokens[index - 1].kind == .newline
            switch token.kind {
            case .endOfFile: return
            case .keyword(.func), .keyword(.gradient), .keyword(.jacobian), .symbol(.at), .docComment:
                if depth == 0 && atLineStart && !first { return }
            case .symbol(.leftBrace): depth += 1
            case .symbol(.rightBrace): depth = max(0, depth - 1)
            default: break
            }
            first = false
            advance()
        }
    }

    mutating func parseDeclaration(attributes: [Attribute], documentation: [String]) throws(Failure) -> Declaration {
        let errorsBefore = sink.errorCount
        var declaration = try parseDeclarationBody(attributes: attributes, documentation: documentation)
        if sink.errorCount > errorsBefore {
            switch declaration {
            case .function(var function):
                function.hadSyntaxErrors = true
                declaration = .function(function)
            case .derivative(var derivative):
                derivative.hadSyntaxErrors = true
                declaration = .derivative(derivative)
            }
        }
        return declaration
    }

    mutating func parseDeclarationBody(attributes: [Attribute], documentation: [String]) throws(Failure) -> Declaration {
        let keyword = advance()
        if case .keyword(.func) = keyword.kind {
            let (name, nameOffset) = try expectIdentifier("the function's name after 'func'")
            _ = try expect(.leftParen, "'(' after the function's name")
            newlinesIgnored += 1
            var parameters: [Parameter] = []
            while !check(.rightParen) {
                let (parameter, offset) = try expectIdentifier("a parameter name")
                var length: (String, Int)?
                if accept(.leftBracket) {
                    length = try expectIdentifier("the name of the vector's length, as in 'x[n]'")
                    _ = try expect(.rightBracket)
                }
                parameters.append(
                    Parameter(name: parameter, offset: offset, lengthName: length?.0, lengthOffset: length?.1 ?? offset))
                if !accept(.comma) { break }
            }
            _ = try expect(.rightParen, "')' or ',' in the parameter list")
            newlinesIgnored -= 1
            skipNewlines()
            let body = try parseBlock()
            return .function(
                FunctionDecl(
                    name: name, nameOffset: nameOffset, parameters: parameters, body: body, attributes: attributes,
                    documentation: documentation, offset: keyword.start))
        }
        let kind: DerivativeDecl.Kind = keyword.kind == .keyword(.gradient) ? .gradient : .jacobian
        let (target, targetOffset) = try expectIdentifier("the name of a function after '\(kind.rawValue)'")
        skipNewlines()
        let body = try parseBlock()
        return .derivative(
            DerivativeDecl(
                kind: kind, target: target, targetOffset: targetOffset, body: body, attributes: attributes,
                documentation: documentation, offset: keyword.start))
    }

    mutating func parseAttribute() throws(Failure) -> Attribute {
        let at = advance()
        let (name, _) = try expectIdentifier("an attribute name after '@'")
        guard check(.leftParen) else { return Attribute(name: name, offset: at.start, arguments: nil) }
        advance()
        newlinesIgnored += 1
        inAttribute = true
        defer { inAttribute = false }
        var arguments: [AttributeArgument] = []
        while !check(.rightParen) {
            var label: String?
            var labelOffset = peek().start
            if case .identifier(let text) = peek().kind, case .symbol(.colon)? = tokens[safe: index + 1]?.kind {
                label = text
                labelOffset = advance().start
                advance()
            }
            var value = try parseExpression()
            if accept(.closedRange) {
                let upper = try parseExpression()
                value = Expr(.range(value, upper), at: value.offset)
            }
            arguments.append(AttributeArgument(label: label, labelOffset: labelOffset, value: value))
            if !accept(.comma) { break }
        }
        _ = try expect(.rightParen, "')' or ',' in the attribute's arguments")
        newlinesIgnored -= 1
        return Attribute(name: name, offset: at.start, arguments: arguments)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
