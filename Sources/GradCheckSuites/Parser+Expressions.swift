/// Expressions, by precedence climbing. From low to high:
///
/// | level | operators | associativity |
/// |---|---|---|
/// | or | `\|\|` | left |
/// | and | `&&` | left |
/// | comparison | `< <= > >= == !=` | not chained |
/// | additive | `+ -` | left |
/// | multiplicative | `* / %` | left |
/// | prefix | `-` `!` | — |
/// | power | `^` | right; binds tighter than prefix minus, so `-x^2` is `-(x^2)` |
/// | postfix | calls, `v[i]`, parentheses | — |
///
/// The exponent of `^` may itself carry a prefix operator: `x^-1`, `2^-x^2` = `2^(-(x^2))`.
/// A line break after a binary operator continues the expression; inside `( )` and `[ ]` line breaks are
/// ignored altogether.
extension Parser {
    mutating func parseExpression() throws(Failure) -> Expr {
        try parseBinary(level: 0)
    }

    private static let levels: [[Symbol]] = [
        [.orOr],
        [.andAnd],
        [.less, .lessEqual, .greater, .greaterEqual, .equalEqual, .notEqual],
        [.plus, .minus],
        [.star, .slash, .percent],
    ]

    private static func binaryOperator(_ symbol: Symbol) -> BinaryOperator {
        switch symbol {
        case .orOr: .or
        case .andAnd: .and
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equalEqual: .equal
        case .notEqual: .notEqual
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .remainder
        default: .power
        }
    }

    private mutating func operatorAt(level: Int) -> Token? {
        let token = peek()
        guard case .symbol(let symbol) = token.kind, Self.levels[level].contains(symbol) else { return nil }
        return token
    }

    /// One level's operands and operators. One operator makes a `binary` node, more a flat `chain`
    /// (``OperatorChain``), so the length of a sum never counts as nesting.
    private mutating func parseBinary(level: Int) throws(Failure) -> Expr {
        guard level < Self.levels.count else { return try parsePrefix() }
        let first = try parseBinary(level: level + 1)
        var links: [ChainLink] = []
        while let token = operatorAt(level: level) {
            advance()
            skipNewlines()
            let rhs = try parseBinary(level: level + 1)
            guard case .symbol(let symbol) = token.kind else { break }
            links.append(ChainLink(op: Self.binaryOperator(symbol), operand: rhs, operatorOffset: token.start))
            if level == 2, let next = operatorAt(level: level) {
                throw fail("comparisons cannot be chained; combine them with '&&'", at: next.start)
            }
            if links.count > OperatorChain.maximumLinks {
                throw fail("too many operators in a row (more than \(OperatorChain.maximumLinks))", at: token.start)
            }
        }
        switch links.count {
        case 0: return first
        case 1: return try node(.binary(links[0].op, first, links[0].operand, operatorOffset: links[0].operatorOffset), at: first.offset)
        default: return try node(.chain(first, links), at: first.offset)
        }
    }

    /// Builds a node, rejecting trees deeper than the nesting limit.
    mutating func node(_ kind: ExprKind, at offset: Int) throws(Failure) -> Expr {
        let expr = Expr(kind, at: offset)
        if expr.depth > Self.maximumNesting {
            throw fail("expression is too deeply nested (more than \(Self.maximumNesting) levels)", at: offset)
        }
        return expr
    }

    private mutating func parsePrefix() throws(Failure) -> Expr {
        let token = peek()
        let op: UnaryOperator
        switch token.kind {
        case .symbol(.minus): op = .negate
        case .symbol(.bang): op = .not
        default: return try parsePower()
        }
        advance()
        try enterNesting(at: token.start)
        defer { nesting -= 1 }
        let operand = try parsePrefix()
        return try node(.unary(op, operand), at: token.start)
    }

    private mutating func parsePower() throws(Failure) -> Expr {
        let base = try parsePostfix()
        guard check(.caret) else { return base }
        let caret = advance()
        skipNewlines()
        try enterNesting(at: caret.start)
        defer { nesting -= 1 }
        let exponent = try parsePrefix()
        return try node(.binary(.power, base, exponent, operatorOffset: caret.start), at: base.offset)
    }

    private mutating func parsePostfix() throws(Failure) -> Expr {
        var expr = try parsePrimary()
        while check(.leftBracket) {
            let bracket = advance()
            try enterNesting(at: bracket.start)
            defer { nesting -= 1 }
            newlinesIgnored += 1
            let index = try parseExpression()
            _ = try expect(.rightBracket, "']' after the index")
            newlinesIgnored -= 1
            expr = try node(.index(expr, index, bracketOffset: bracket.start), at: expr.offset)
        }
        return expr
    }

    private mutating func parsePrimary() throws(Failure) -> Expr {
        let token = peek()
        switch token.kind {
        case .integer(let value, let real):
            advance()
            return Expr(.integer(value, real), at: token.start)
        case .real(let value):
            advance()
            return Expr(.real(value), at: token.start)
        case .string(let text):
            advance()
            guard inAttribute else { throw fail("strings are only allowed in attributes", at: token.start) }
            return Expr(.string(text), at: token.start)
        case .identifier(let name):
            advance()
            if name == "true" || name == "false" { return Expr(.boolean(name == "true"), at: token.start) }
            guard check(.leftParen) else { return Expr(.name(name), at: token.start) }
            let arguments = try parseList(closing: .rightParen, at: token.start)
            return try node(.call(name: name, arguments: arguments), at: token.start)
        case .symbol(.leftParen):
            let elements = try parseList(closing: .rightParen, at: token.start)
            if elements.count == 1 { return elements[0] }
            guard inAttribute, !elements.isEmpty else {
                throw fail(elements.isEmpty ? "expected an expression in '()'" : "unexpected ',' in parentheses", at: token.start)
            }
            return try node(.tuple(elements), at: token.start)
        case .symbol(.leftBracket):
            let elements = try parseList(closing: .rightBracket, at: token.start)
            return try node(.vector(elements), at: token.start)
        default:
            throw failExpected("an expression")
        }
    }

    /// `( a, b, … )` or `[ a, b, … ]` from the opening bracket on; a trailing comma is allowed.
    private mutating func parseList(closing: Symbol, at offset: Int) throws(Failure) -> [Expr] {
        advance()
        try enterNesting(at: offset)
        defer { nesting -= 1 }
        newlinesIgnored += 1
        var elements: [Expr] = []
        while !check(closing) {
            elements.append(try parseExpression())
            if elements.count > Self.maximumVectorLiteral {
                throw fail("too many entries (more than \(Self.maximumVectorLiteral))", at: offset)
            }
            if !accept(.comma) { break }
        }
        _ = try expect(closing, "'\(closing.rawValue)' or ','")
        newlinesIgnored -= 1
        return elements
    }
}
