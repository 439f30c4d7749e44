/// Blocks and statements. A statement ends at a line break, a `;`, or the `}` of its block.
extension Parser {
    mutating func parseBlock() throws(Failure) -> Block {
        let open = try expect(.leftBrace, "'{'")
        try enterNesting(at: open.start)
        defer { nesting -= 1 }
        let savedNewlines = newlinesIgnored
        newlinesIgnored = 0
        defer { newlinesIgnored = savedNewlines }
        var statements: [Statement] = []
        while true {
            let token = tokens[index]
            switch token.kind {
            case .newline, .symbol(.semicolon), .invalid:
                advance()
                continue
            case .symbol(.rightBrace):
                advance()
                return Block(statements: statements, closeOffset: token.start)
            case .endOfFile:
                let (line, _) = source.lineAndColumn(of: open.start)
                throw fail("expected '}' to close the block opened on line \(line)", at: token.start)
            case .keyword(.func), .keyword(.gradient), .keyword(.jacobian), .symbol(.at), .docComment:
                // Most likely a missing '}': report it and let the declaration be parsed.
                let (line, _) = source.lineAndColumn(of: open.start)
                sink.error("expected '}' to close the block opened on line \(line)", at: token.start)
                return Block(statements: statements, closeOffset: token.start)
            default:
                break
            }
            if sink.isFull { throw Failure() }
            do throws(Failure) {
                statements.append(try parseStatement())
                try expectEndOfStatement()
            } catch {
                recoverStatement()
            }
        }
    }

    /// A statement must be followed by a line break, `;`, `}` or the end of the file.
    mutating func expectEndOfStatement() throws(Failure) {
        switch tokens[index].kind {
        case .newline, .symbol(.semicolon), .symbol(.rightBrace), .endOfFile: return
        default: throw failExpected("a line break or ';' after the statement")
        }
    }

    /// Skips the rest of a malformed statement: up to a line break or `;` outside brackets, or up to (not
    /// past) the `}` that closes the enclosing block.
    mutating func recoverStatement() {
        newlinesIgnored = 0
        var depth = 0
        while true {
            switch tokens[index].kind {
            case .endOfFile: return
            case .newline, .symbol(.semicolon):
                if depth == 0 { return }
            case .symbol(.leftBrace), .symbol(.leftParen), .symbol(.leftBracket):
                depth += 1
            case .symbol(.rightBrace), .symbol(.rightParen), .symbol(.rightBracket):
                if depth == 0 {
                    if tokens[index].kind == .symbol(.rightBrace) { return }
                } else {
                    depth -= 1
                }
            case .keyword(.func), .keyword(.gradient), .keyword(.jacobian), .symbol(.at):
                if index > 0 && tokens[index - 1].kind == .newline { return }
            default: break
            }
            advance()
        }
    }

    mutating func parseStatement() throws(Failure) -> Statement {
        let token = peek()
        let kind: StatementKind
        switch token.kind {
        case .keyword(.let), .keyword(.var):
            advance()
            kind = try parseDeclarationStatement(isConstant: token.kind == .keyword(.let))
        case .keyword(.if):
            advance()
            kind = try parseConditional()
        case .keyword(.for):
            advance()
            let (variable, variableOffset) = try expectIdentifier("a loop variable after 'for'")
            guard check(.in) else { throw failExpected("'in' after the loop variable") }
            advance()
            let lower = try parseExpression()
            let inclusive: Bool
            if accept(.halfOpenRange) {
                inclusive = false
            } else if accept(.closedRange) {
                inclusive = true
            } else {
                throw failExpected("'..<' or '...' in the loop's range")
            }
            let upper = try parseExpression()
            let body = try parseBlock()
            kind = .forLoop(
                variable: variable, variableOffset: variableOffset, lower: lower, upper: upper, inclusive: inclusive,
                body: body)
        case .keyword(.while):
            advance()
            let condition = try parseExpression()
            kind = .whileLoop(condition: condition, body: try parseBlock())
        case .keyword(.break):
            advance()
            kind = .breakLoop
        case .keyword(.continue):
            advance()
            kind = .continueLoop
        case .keyword(.return):
            advance()
            switch peek().kind {
            case .newline, .symbol(.semicolon), .symbol(.rightBrace), .endOfFile:
                throw fail("'return' needs a value: every function returns a result", at: token.start)
            default:
                kind = .returnValue(try parseExpression())
            }
        case .identifier(let name):
            advance()
            kind = try parseAssignment(name: name, nameOffset: token.start)
        case .keyword(.else):
            throw fail("'else' without an 'if'", at: token.start)
        default:
            throw failExpected("a statement")
        }
        return Statement(kind: kind, offset: token.start)
    }

    mutating func parseDeclarationStatement(isConstant: Bool) throws(Failure) -> StatementKind {
        let (name, nameOffset) = try expectIdentifier("a name after '\(isConstant ? "let" : "var")'")
        var type: TypeAnnotation?
        if accept(.colon) {
            let (typeName, typeOffset) = try expectIdentifier("a type after ':'")
            guard let annotation = TypeAnnotation(rawValue: typeName) else {
                let suggestion = NameSuggestion.suggest(typeName, among: ["Int", "Real", "Bool", "Vector"])
                throw fail(
                    "unknown type '\(typeName)'\(suggestion.map { "; did you mean '\($0)'?" } ?? " (the types are Int, Real, Bool and Vector)")",
                    at: typeOffset)
            }
            type = annotation
        }
        _ = try expect(.equal, "'=' and an initial value")
        skipNewlines()
        let value = try parseExpression()
        return .declaration(isConstant: isConstant, name: name, nameOffset: nameOffset, type: type, value: value)
    }

    mutating func parseConditional() throws(Failure) -> StatementKind {
        var branches: [(condition: Expr, body: Block)] = []
        var otherwise: Block?
        while true {
            let condition = try parseExpression()
            branches.append((condition, try parseBlock()))
            // `else` may follow on the next line.
            let saved = index
            skipNewlines()
            guard check(.else) else {
                index = saved
                break
            }
            advance()
            if check(.if) {
                advance()
                continue
            }
            skipNewlines()
            otherwise = try parseBlock()
            break
        }
        return .conditional(branches: branches, otherwise: otherwise)
    }

    mutating func parseAssignment(name: String, nameOffset: Int) throws(Failure) -> StatementKind {
        if check(.leftParen) {
            throw fail(
                "the result of calling '\(name)' is unused: a statement is a declaration, an assignment, 'if', 'for', "
                    + "'while', 'break', 'continue' or 'return'", at: nameOffset)
        }
        var indices: [Expr] = []
        while check(.leftBracket) {
            let bracket = advance()
            newlinesIgnored += 1
            indices.append(try parseExpression())
            _ = try expect(.rightBracket)
            newlinesIgnored -= 1
            if indices.count > 2 { throw fail("too many subscripts", at: bracket.start) }
        }
        let token = peek()
        let op: AssignmentOperator
        switch token.kind {
        case .symbol(.equal): op = .assign
        case .symbol(.plusEqual): op = .add
        case .symbol(.minusEqual): op = .subtract
        case .symbol(.starEqual): op = .multiply
        case .symbol(.slashEqual): op = .divide
        case .symbol(.equalEqual):
            throw fail("'==' compares; use '=' to assign", at: token.start)
        default:
            throw failExpected("'=' or a compound assignment ('+=', '-=', '*=', '/=') after '\(name)'")
        }
        advance()
        skipNewlines()
        let value = try parseExpression()
        return .assignment(
            target: AssignmentTarget(name: name, nameOffset: nameOffset, indices: indices), op: op,
            operatorOffset: token.start, value: value)
    }
}

