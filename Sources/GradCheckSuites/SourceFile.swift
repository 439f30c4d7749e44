/// The text of one suite, as UTF-8 bytes, with what is needed to turn a byte offset into a line and a
/// column and to quote a line in a diagnostic.
///
/// The lexer works on bytes (every token of the language is ASCII; only string literals and comments may
/// hold other characters), so positions are byte offsets until a diagnostic needs them as text: lines
/// are counted from 1, columns from 1 in characters (grapheme clusters), so that the caret of a diagnostic
/// lands under the right character whatever the encoding width of what precedes it.
struct SourceFile: Sendable {
    /// The path as the caller gave it; used verbatim in every message.
    let path: String
    /// The text as UTF-8 bytes.
    let bytes: [UInt8]
    /// The byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<buffer.count where buffer[offset] == 0x0A { starts.append(offset + 1) }
        }
        lineStarts = starts
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The text of the 0-based line `index`, without its line break.
    func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The 1-based line and column of `offset` (clamped to the text).
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(0, offset), bytes.count)
        let index = lineIndex(of: clamped)
        let start = lineStarts[index]
        // Columns count characters; for an ASCII prefix that is the byte count.
        if bytes[start..<clamped].allSatisfy({ $0 < 0x80 }) { return (index + 1, clamped - start + 1) }
        let prefix = String(decoding: bytes[start..<clamped], as: UTF8.self)
        return (index + 1, prefix.count + 1)
    }

    /// The location of `offset` for run-time errors.
    func location(of offset: Int) -> SuiteLocation {
        let (line, column) = lineAndColumn(of: offset)
        return SuiteLocation(path: path, line: line, column: column)
    }

    /// A diagnostic at `offset`, quoting its line.
    func diagnostic(_ message: String, at offset: Int, severity: SuiteDiagnostic.Severity = .error) -> SuiteDiagnostic {
        let clamped = min(max(0, offset), bytes.count)
        let (line, column) = lineAndColumn(of: clamped)
        return SuiteDiagnostic(
            path: path, line: line, column: column, message: message, severity: severity,
            sourceLine: lineText(line - 1))
    }
}

/// A place in a suite file: the path as given, a 1-based line and a 1-based column.
public struct SuiteLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }
}
