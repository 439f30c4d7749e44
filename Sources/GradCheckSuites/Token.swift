/// One token of a `.grad` file.
///
/// Positions are byte offsets into the file (``SourceFile`` turns them into lines and columns). Newlines
/// are tokens, because a newline ends a statement; the parser skips them where a statement cannot end
/// (inside brackets, after a binary operator).
struct Token: Sendable {
    var kind: TokenKind
    /// Offset of the first byte.
    var start: Int
    /// Offset one past the last byte.
    var end: Int
}

/// What a token is, with its value where it has one.
enum TokenKind: Sendable, Equatable {
    case identifier(String)
    case keyword(Keyword)
    /// An integer literal (`3`, `1_000`); `nil` when it does not fit in `Int` (still a valid Real).
    case integer(Int?, Double)
    /// A literal with a fraction or an exponent (`2.5`, `1e-3`).
    case real(Double)
    case string(String)
    /// A `///` line: its text after the slashes (and one space).
    case docComment(String)
    case symbol(Symbol)
    case newline
    case endOfFile
    /// A character or construct the lexer rejected; it has already reported the error.
    case invalid

    /// How the token reads in "expected …, found …" messages.
    var display: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .integer(_, let value): "number '\(Self.number(value))'"
        case .real(let value): "number '\(Self.number(value))'"
        case .string: "a string"
        case .docComment: "a '///' comment"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .newline: "end of line"
        case .endOfFile: "end of file"
        case .invalid: "an invalid character"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// The reserved words. `pi`, `true` and `false` are handled as names with fixed meanings.
enum Keyword: String, Sendable, CaseIterable {
    case `func`, gradient, jacobian, `let`, `var`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`,
        `return`
}

/// Punctuation and operators (the lexer matches the longest).
enum Symbol: String, Sendable, CaseIterable {
    case halfOpenRange = "..<"
    case closedRange = "..."
    case andAnd = "&&"
    case orOr = "||"
    case equalEqual = "=="
    case notEqual = "!="
    case lessEqual = "<="
    case greaterEqual = ">="
    case plusEqual = "+="
    case minusEqual = "-="
    case starEqual = "*="
    case slashEqual = "/="
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case caret = "^"
    case less = "<"
    case greater = ">"
    case equal = "="
    case bang = "!"
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case comma = ","
    case colon = ":"
    case semicolon = ";"
    case at = "@"
    case dot = "."
}
