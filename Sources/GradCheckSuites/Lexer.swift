/// Splits a suite into tokens.
///
/// - Identifiers are ASCII letters, digits and `_`, not starting with a digit.
/// - Numbers: `3`, `1_000` (integers), `2.5`, `1e-3`, `6.02E23` (reals). `1...3` is `1`, `...`, `3`: a
///   dot starts a fraction only when a digit follows it.
/// - Strings: `"…"` on one line, with the escapes `\"`, `\\`, `\n`, `\t`.
/// - `///` starts a documentation line (kept as a token); `//` a comment; `/* … */` a block comment
///   (nestable). Comments are otherwise dropped.
/// - Line breaks are tokens (runs of them collapse into one); other white space separates tokens.
///
/// Errors (an unexpected character, an unterminated string or comment, a malformed number) are
/// reported to the sink and leave an ``TokenKind/invalid`` token, so the parser can carry on.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var sink: DiagnosticSink

    init(source: SourceFile, sink: DiagnosticSink) {
        bytes = source.bytes
        self.sink = sink
        // A byte order mark is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// All tokens, ending with ``TokenKind/endOfFile``, and the sink with any lexical errors.
    static func tokenize(_ source: SourceFile, sink: DiagnosticSink) -> ([Token], DiagnosticSink) {
        var lexer = Lexer(source: source, sink: sink)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            if case .newline = token.kind, case .newline? = tokens.last?.kind { continue }
            tokens.append(token)
            if case .endOfFile = token.kind { break }
        }
        return (tokens, lexer.sink)
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : 0
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    /// Skips white space and comments.
    private mutating func skipTrivia() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                position += 1
            } else if byte == 0x2F, peek(1) == 0x2F, !(peek(2) == 0x2F && peek(3) != 0x2F) {
                while position < bytes.count && bytes[position] != 0x0A { position += 1 }
            } else if byte == 0x2F, peek(1) == 0x2A {
                skipBlockComment()
            } else {
                break
            }
        }
    }

    private mutating func skipBlockComment() {
        let start = position
        position += 2
        var depth = 1
        while position < bytes.count {
            if bytes[position] == 0x2F, peek(1) == 0x2A {
                depth += 1
                position += 2
            } else if bytes[position] == 0x2A, peek(1) == 0x2F {
                depth -= 1
                position += 2
                if depth == 0 { return }
            } else {
                position += 1
            }
        }
        sink.error("unterminated '/*' comment", at: start)
    }

    private mutating func next() -> Token {
        skipTrivia()
        let start = position
        let kind = nextKind()
        return Token(kind: kind, start: start, end: position)
    }

    private mutating func nextKind() -> TokenKind {
        guard position < bytes.count else { return .endOfFile }
        let start = position
        let byte = bytes[position]
        if byte == 0x0A {
            position += 1
            return .newline
        }
        if byte == 0x2F, peek(1) == 0x2F, peek(2) == 0x2F { return docComment() }
        if Self.isIdentifierStart(byte) {
            while position < bytes.count && Self.isIdentifierPart(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            return Keyword(rawValue: text).map(TokenKind.keyword) ?? .identifier(text)
        }
        if Self.isDigit(byte) { return number() }
        if byte == 0x22 { return string() }
        if let symbol = symbol(byte) { return .symbol(symbol) }
        return unexpectedCharacter()
    }

    /// The symbol starting at the current position (longest match), consumed; nil if none.
    private mutating func symbol(_ byte: UInt8) -> Symbol? {
        let next = peek(1)
        let (symbol, length): (Symbol, Int)
        switch byte {
        case UInt8(ascii: "."):
            guard next == UInt8(ascii: ".") else { (symbol, length) = (.dot, 1); break }
            if peek(2) == UInt8(ascii: "<") { (symbol, length) = (.halfOpenRange, 3) }
            else if peek(2) == UInt8(ascii: ".") { (symbol, length) = (.closedRange, 3) }
            else { (symbol, length) = (.dot, 1) }
        case UInt8(ascii: "&"):
            guard next == UInt8(ascii: "&") else { return nil }
            (symbol, length) = (.andAnd, 2)
        case UInt8(ascii: "|"):
            guard next == UInt8(ascii: "|") else { return nil }
            (symbol, length) = (.orOr, 2)
        case UInt8(ascii: "="): (symbol, length) = next == UInt8(ascii: "=") ? (.equalEqual, 2) : (.equal, 1)
        case UInt8(ascii: "!"): (symbol, length) = next == UInt8(ascii: "=") ? (.notEqual, 2) : (.bang, 1)
        case UInt8(ascii: "<"): (symbol, length) = next == UInt8(ascii: "=") ? (.lessEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"): (symbol, length) = next == UInt8(ascii: "=") ? (.greaterEqual, 2) : (.greater, 1)
        case UInt8(ascii: "+"): (symbol, length) = next == UInt8(ascii: "=") ? (.plusEqual, 2) : (.plus, 1)
        case UInt8(ascii: "-"): (symbol, length) = next == UInt8(ascii: "=") ? (.minusEqual, 2) : (.minus, 1)
        case UInt8(ascii: "*"): (symbol, length) = next == UInt8(ascii: "=") ? (.starEqual, 2) : (.star, 1)
        case UInt8(ascii: "/"): (symbol, length) = next == UInt8(ascii: "=") ? (.slashEqual, 2) : (.slash, 1)
        case UInt8(ascii: "%"): (symbol, length) = (.percent, 1)
        case UInt8(ascii: "^"): (symbol, length) = (.caret, 1)
        case UInt8(ascii: "("): (symbol, length) = (.leftParen, 1)
        case UInt8(ascii: ")"): (symbol, length) = (.rightParen, 1)
        case UInt8(ascii: "["): (symbol, length) = (.leftBracket, 1)
        case UInt8(ascii: "]"): (symbol, length) = (.rightBracket, 1)
        case UInt8(ascii: "{"): (symbol, length) = (.leftBrace, 1)
        case UInt8(ascii: "}"): (symbol, length) = (.rightBrace, 1)
        case UInt8(ascii: ","): (symbol, length) = (.comma, 1)
        case UInt8(ascii: ":"): (symbol, length) = (.colon, 1)
        case UInt8(ascii: ";"): (symbol, length) = (.semicolon, 1)
        case UInt8(ascii: "@"): (symbol, length) = (.at, 1)
        default: return nil
        }
        position += length
        return symbol
    }

    private mutating func docComment() -> TokenKind {
        position += 3
        if peek() == 0x20 { position += 1 }
        let start = position
        while position < bytes.count && bytes[position] != 0x0A { position += 1 }
        var end = position
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return .docComment(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    private mutating func digits() {
        while position < bytes.count && (Self.isDigit(bytes[position]) || bytes[position] == 0x5F) { position += 1 }
    }

    private mutating func number() -> TokenKind {
        let start = position
        digits()
        var isReal = false
        if peek() == 0x2E, Self.isDigit(peek(1)) {
            isReal = true
            position += 1
            digits()
        }
        if peek() == 0x65 || peek() == 0x45 {
            let signed = peek(1) == 0x2B || peek(1) == 0x2D
            if Self.isDigit(peek(signed ? 2 : 1)) {
                isReal = true
                position += signed ? 2 : 1
                digits()
            }
        }
        if position < bytes.count && Self.isIdentifierPart(bytes[position]) {
            while position < bytes.count && Self.isIdentifierPart(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            sink.error("malformed number '\(text)'", at: start)
            return .invalid
        }
        let text = String(decoding: bytes[start..<position].filter { $0 != 0x5F }, as: UTF8.self)
        let value = Double(text) ?? .nan
        return isReal ? .real(value) : .integer(Int(text), value)
    }

    private mutating func string() -> TokenKind {
        let start = position
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { break }
            position += 1
            if byte == 0x22 { return .string(String(decoding: value, as: UTF8.self)) }
            if byte == 0x5C {
                let escaped = peek()
                switch escaped {
                case 0x22, 0x5C: value.append(escaped)
                case 0x6E: value.append(0x0A)
                case 0x74: value.append(0x09)
                default:
                    sink.error("unknown escape sequence in string", at: position - 1)
                }
                if position < bytes.count && escaped != 0x0A { position += 1 }
            } else {
                value.append(byte)
            }
        }
        sink.error("unterminated string", at: start)
        return .invalid
    }

    private mutating func unexpectedCharacter() -> TokenKind {
        let start = position
        // Consume one whole UTF-8 sequence so that the message can show the character.
        let byte = bytes[position]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        position = min(bytes.count, position + length)
        let character = String(decoding: bytes[start..<position], as: UTF8.self)
        let shown = byte < 0x20 || byte == 0x7F
            ? "unexpected control character (byte 0x\(String(byte, radix: 16, uppercase: true)))"
            : "unexpected character '\(character)'"
        sink.error(shown, at: start)
        return .invalid
    }
}
