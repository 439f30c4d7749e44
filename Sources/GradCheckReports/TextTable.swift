/// A plain-text table with aligned columns, for terminals and logs.
public struct TextTable {
    /// How a column's cells are aligned.
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        precondition(headers.count == alignments.count, "one alignment per column")
        self.headers = headers
        self.alignments = alignments
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table: header, a rule of dashes, then the rows; columns separated by two spaces, widths measured
    /// in characters (grapheme clusters). Control characters in cells are shown as escapes
    /// (``TerminalText/visible(_:keepingNewlines:)``).
    public func render() -> String {
        let all = ([headers] + rows).map { $0.map { TerminalText.visible($0) } }
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .left ? cells[column] + padding : padding + cells[column]
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(all[0]), rule] + all.dropFirst().map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
