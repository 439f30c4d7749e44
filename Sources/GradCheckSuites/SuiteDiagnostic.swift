/// One message about a suite file: where, how serious, and what.
///
/// Rendered (``description``) as `Docs/suite-language.md` describes — the headline
/// `path:line:column: error: message`, then the source line, then a caret under the column:
/// ```
/// Suites/seeds.grad:7:23: error: unknown name 'x3'; did you mean 'x1'?
///     return x1 * sqrt(x3)
///                      ^
/// ```
/// The path is the one the caller passed to the loader, unchanged (relative stays relative). Lines and
/// columns count from 1; columns count characters, and the caret line copies the tabs of the source line
/// so that it lines up in a terminal.
public struct SuiteDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is. Only errors make a load fail.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    public var severity: Severity
    /// The text of the line the diagnostic points into, without its line break; nil when unknown.
    public var sourceLine: String?

    public init(
        path: String, line: Int, column: Int, message: String, severity: Severity = .error,
        sourceLine: String? = nil
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message`, with control characters shown as escapes.
    public var headline: String {
        "\(Self.visible(path)):\(line):\(column): \(severity.rawValue): \(Self.visible(message))"
    }

    /// The headline, the source line and the caret line (the headline alone when the line is unknown).
    ///
    /// A control character in the source line (an escape sequence that would recolour or clear the
    /// terminal, a carriage return that would overwrite the headline, a bidirectional override) is shown
    /// as `\u{1B}`, and the caret line is as wide as what is shown, so the caret still points at the column.
    public var description: String {
        guard let sourceLine else { return headline }
        var caret = ""
        for character in sourceLine.prefix(max(0, column - 1)) {
            caret += character == "\t" ? "\t" : String(repeating: " ", count: Self.visible(String(character)).count)
        }
        caret.append("^")
        return "\(headline)\n\(Self.visible(sourceLine))\n\(caret)"
    }

    /// `text` with C0 and C1 controls (but tabs), DEL and the bidirectional controls written as `\u{1B}`
    /// (or `\r`, `\n`): the same characters `TerminalText` in GradCheckReports shows as escapes.
    static func visible(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A load that failed: every error of every file that was read, in file order and then source order,
/// and the warnings found along the way.
public struct SuiteLoadError: Error, Sendable, CustomStringConvertible {
    /// Errors and warnings, in order; at least one is an error.
    public var diagnostics: [SuiteDiagnostic]

    public init(diagnostics: [SuiteDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [SuiteDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic rendered with its source line and caret, one after the other, then a count.
    public var description: String {
        let count = errors.count
        let rendered = diagnostics.map(\.description).joined(separator: "\n")
        return rendered + "\n\(count) error\(count == 1 ? "" : "s") generated."
    }
}

/// Collects the diagnostics of one file, in the order they are found, and stops accepting errors past a
/// limit so that a file of garbage cannot produce an unbounded report.
struct DiagnosticSink {
    let source: SourceFile
    private(set) var diagnostics: [SuiteDiagnostic] = []
    private(set) var errorCount = 0
    /// Errors past this many are dropped (one last error says so).
    static let maximumErrors = 50
    /// A silent sink counts errors but keeps no messages (and never builds them): for the checker's
    /// inference passes, whose diagnostics are thrown away.
    let isSilent: Bool

    init(source: SourceFile, silent: Bool = false) {
        self.source = source
        isSilent = silent
    }

    var hasErrors: Bool { errorCount > 0 }
    var isFull: Bool { errorCount >= Self.maximumErrors }

    /// Records an error; `message` is only built when it is kept.
    mutating func error(_ message: @autoclosure () -> String, at offset: Int) {
        guard errorCount <= Self.maximumErrors else { return }
        errorCount += 1
        if isSilent { return }
        if errorCount > Self.maximumErrors {
            diagnostics.append(source.diagnostic("too many errors; stopping here", at: offset))
        } else {
            diagnostics.append(source.diagnostic(message(), at: offset))
        }
    }

    mutating func warning(_ message: @autoclosure () -> String, at offset: Int) {
        if isSilent { return }
        diagnostics.append(source.diagnostic(message(), at: offset, severity: .warning))
    }

    /// The diagnostics sorted by position (stable for equal positions), so that a file's errors read top
    /// to bottom whichever pass found them; a message repeated at the same place is kept once.
    var sorted: [SuiteDiagnostic] {
        var seen: Set<SuiteDiagnostic> = []
        return diagnostics.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element).filter { seen.insert($0).inserted }
    }
}
