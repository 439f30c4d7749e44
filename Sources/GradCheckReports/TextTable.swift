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

    /// The widest cell shown whole, in characters. Every row is padded to its column's widest cell, so one
    /// giant cell (a million-character name in a saved report) would make every row a million characters
    /// wide: a longer cell is cut, saying how long it was.
    public static let maximumCellWidth = 240

    /// `cell`, or its first ``maximumCellWidth`` characters and its length.
    static func cut(_ cell: String) -> String {
        // A cell of few bytes has few characters: only a long one is counted.
        guard cell.utf8.count > maximumCellWidth, cell.count > maximumCellWidth else { return cell }
        return cell.prefix(maximumCellWidth) + "… (\(cell.count) characters in all)"
    }

    /// The table: header, a rule of dashes, then the rows; columns separated by two spaces, widths measured
    /// in characters (grapheme clusters); a cell longer than ``maximumCellWidth`` is cut. Control characters
    /// in cells are shown as escapes (``TerminalText/visible(_:keepingNewlines:)``).
    public func render() -> String {
        let all = ([headers] + rows).map { $0.map { TerminalText.visible(Self.cut($0)) } }
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
