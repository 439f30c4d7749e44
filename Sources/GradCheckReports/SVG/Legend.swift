/// A chart legend: one marker (or swatch) and label per entry, laid out in rows that wrap at a width.
public struct Legend: Sendable {
    public struct Entry: Sendable {
        public var label: String
        public var color: String
        /// The marker shape; nil draws a line swatch (for series drawn without markers).
        public var marker: Marker?

        public init(label: String, color: String, marker: Marker?) {
            self.label = label
            self.color = color
            self.marker = marker
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    static let rowHeight: Double = 18

    /// The legend's height when laid out from `x` within `width`.
    public func height(width: Double) -> Double { Double(layout(x: 0, width: width).rows) * Self.rowHeight }

    /// The legend as a group, its first row's baseline at `y`.
    public func render(x: Double, y: Double, width: Double) -> SVGElement {
        let (positions, _) = layout(x: x, width: width)
        var children: [SVGElement] = []
        for (entry, position) in zip(entries, positions) {
            let cy = y + Double(position.row) * Self.rowHeight - 4
            if let marker = entry.marker {
                children.append(marker.element(x: position.x + 6, y: cy, size: 9, color: entry.color))
            } else {
                children.append(SVG.line(x1: position.x, y1: cy, x2: position.x + 14, y2: cy, stroke: entry.color, width: 2.5))
            }
            children.append(SVG.text(entry.label, x: position.x + 18, y: cy + 4, size: 11))
        }
        return SVG.group(children, ["class": "legend"])
    }

    private func layout(x: Double, width: Double) -> (positions: [(x: Double, row: Int)], rows: Int) {
        var positions: [(x: Double, row: Int)] = []
        var cursor = x, row = 0
        for entry in entries {
            let entryWidth = 18 + TextMetrics.width(of: entry.label, size: 11) + 16
            if cursor > x && cursor + entryWidth > x + width {
                row += 1
                cursor = x
            }
            positions.append((cursor, row))
            cursor += entryWidth
        }
        return (positions, entries.isEmpty ? 0 : row + 1)
    }
}
