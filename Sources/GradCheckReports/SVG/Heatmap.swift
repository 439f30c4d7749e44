import Foundation

/// A grid of coloured cells with row and column labels, a colour legend, and a tooltip per cell: the
/// generic drawing behind the verdict heatmap.
public struct Heatmap: Sendable {
    /// One cell of the grid.
    public struct Cell: Sendable {
        /// The fill colour.
        public var color: String
        /// Short text inside the cell ("15.9", "✗ 0.3", "n/a").
        public var text: String
        public var textColor: String
        /// The tooltip (`<title>`): everything the cell stands for, in words.
        public var title: String
        /// Draw a heavy outline, for cells that need attention.
        public var emphasized: Bool
        /// What the colour means, as a class name the legend explains: ``Heatmap/scaleKind`` for a colour
        /// of the scale, else the ``Swatch/kind`` of a swatch.
        public var kind: String

        public init(
            color: String, text: String, textColor: String, title: String, emphasized: Bool = false,
            kind: String = Heatmap.scaleKind
        ) {
            self.color = color
            self.text = text
            self.textColor = textColor
            self.title = title
            self.emphasized = emphasized
            self.kind = kind
        }
    }

    /// A colour (or the heavy outline) in the legend, with what it means.
    public struct Swatch: Sendable {
        /// What the swatch means, starting with the mark cells of its kind show (`? inconclusive …`).
        public var label: String
        public var color: String
        /// Drawn with the heavy outline of emphasized cells.
        public var outlined: Bool
        /// The class name of the cells it explains (`emphasized` for the outline).
        public var kind: String

        public init(label: String, color: String, outlined: Bool = false, kind: String) {
            self.label = label
            self.color = color
            self.outlined = outlined
            self.kind = kind
        }
    }

    /// The kind of a cell coloured by the scale.
    public static let scaleKind = "scale"
    /// The kind of the outline swatch.
    public static let emphasizedKind = "emphasized"

    public var title: String
    public var description: String?
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `cells[row][column]`; nil leaves the position empty.
    public var cells: [[Cell?]]
    /// The colour scale shown under the grid: a gradient from `colorScale(low)` to `colorScale(high)`.
    public var colorScale: @Sendable (Double) -> String
    public var scaleRange: ClosedRange<Double>
    public var scaleTitle: String
    /// Swatches beside the scale (e.g. "no error measure" in grey); an outlined swatch explains the
    /// heavy outline of emphasized cells.
    public var swatches: [Swatch]

    public init(
        title: String, description: String? = nil, rowLabels: [String], columnLabels: [String], cells: [[Cell?]],
        colorScale: @escaping @Sendable (Double) -> String, scaleRange: ClosedRange<Double>, scaleTitle: String,
        swatches: [Swatch] = []
    ) {
        self.title = title
        self.description = description
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.colorScale = colorScale
        self.scaleRange = scaleRange
        self.scaleTitle = scaleTitle
        self.swatches = swatches
    }

    static let cellWidth: Double = 70
    static let cellHeight: Double = 24
    static let angle = 40.0

    /// The widest a row or column label is drawn; a longer one is cut with an ellipsis (its full text in a
    /// tooltip).
    static let maximumLabelWidth: Double = 280

    /// Where everything goes: the labels' column, the top of the grid and the legend, and the size.
    struct Layout {
        var left: Double, top: Double, gridHeight: Double, legendTop: Double, width: Double, height: Double
    }

    var layout: Layout {
        let rowLabelWidth = min(Self.maximumLabelWidth, rowLabels.map { TextMetrics.width(of: $0, size: 12) }.max() ?? 0) + 14
        let longestColumn = min(Self.maximumLabelWidth, columnLabels.map { TextMetrics.width(of: $0, size: 12) }.max() ?? 0)
        let radians = Self.angle * .pi / 180
        let left = max(80, rowLabelWidth)
        let top = 16 + longestColumn * Foundation.sin(radians) + 12
        let gridWidth = Double(columnLabels.count) * Self.cellWidth
        let gridHeight = Double(rowLabels.count) * Self.cellHeight
        let rightOverhang = max(0, longestColumn * Foundation.cos(radians) - Self.cellWidth / 2) + 16
        let legendTop = top + gridHeight + 24
        let width = max(left + gridWidth + rightOverhang, left + legendWidth + 16)
        let height = legendTop + 44 + Double(swatchRows.count) * Self.swatchRowHeight
        return Layout(left: left, top: top, gridHeight: gridHeight, legendTop: legendTop, width: width, height: height)
    }

    public func document() -> SVGDocument {
        let layout = self.layout
        let (left, top, legendTop, width, height) = (layout.left, layout.top, layout.legendTop, layout.width, layout.height)
        var document = SVGDocument(width: width, height: height, title: title, description: description)
        var labels: [SVGElement] = []
        for (column, label) in columnLabels.enumerated() {
            let x = left + (Double(column) + 0.5) * Self.cellWidth, y = top - 8
            labels.append(
                SVG.label(label, maxWidth: Self.maximumLabelWidth, x: x, y: y, size: 12)
                    .with("transform", "rotate(-\(SVG.number(Self.angle)) \(SVG.number(x)) \(SVG.number(y)))"))
        }
        labels += rowLabelElements(left: left, top: top)
        document.append(SVG.group(labels, ["class": "labels"]))

        var grid: [SVGElement] = []
        for (row, cells) in cells.enumerated() {
            for (column, cell) in cells.enumerated() {
                guard let cell else { continue }
                let x = left + Double(column) * Self.cellWidth, y = top + Double(row) * Self.cellHeight
                var box = SVG.rect(x: x + 1, y: y + 1, width: Self.cellWidth - 2, height: Self.cellHeight - 2, fill: cell.color)
                if cell.emphasized { box = box.with("stroke", "#000").with("stroke-width", "2.5") }
                let text = SVG.text(
                    cell.text, x: x + Self.cellWidth / 2, y: y + Self.cellHeight / 2 + 4, anchor: "middle", size: 11,
                    weight: cell.emphasized ? "bold" : nil, fill: cell.textColor)
                grid.append(SVG.group([box, text], ["class": "cell", "data-kind": cell.kind]).titled(cell.title))
            }
        }
        document.append(SVG.group(grid, ["class": "grid"]))
        document.append(legend(x: left, y: legendTop))
        return document
    }

    /// The row labels, right-aligned against the grid at `left`.
    func rowLabelElements(left: Double, top: Double) -> [SVGElement] {
        rowLabels.enumerated().map { row, label in
            let y = top + (Double(row) + 0.5) * Self.cellHeight + 4
            return SVG.label(label, maxWidth: Self.maximumLabelWidth, x: left - 8, y: y, anchor: "end", size: 12)
        }
    }

    /// The row labels again, on white, as wide as their column: laid over the grid's own labels and kept
    /// in view (CSS `position: sticky`) while a wide grid scrolls sideways in its frame. Hidden from
    /// screen readers, which read the labels of ``document()``.
    public func rowLabelsDocument() -> SVGDocument {
        let layout = self.layout
        var document = SVGDocument(width: layout.left, height: layout.top + layout.gridHeight, title: "Function names of: " + title)
        document.append(SVG.rect(x: 0, y: 0, width: layout.left, height: layout.top + layout.gridHeight, fill: "#ffffff"))
        document.append(SVG.group(rowLabelElements(left: layout.left, top: layout.top), ["class": "labels"]))
        return document
    }

    static let barWidth = 200.0
    /// The widest a row of swatches is laid out, so the legend stays within a page whatever the grid.
    static let legendWrapWidth = 720.0
    static let swatchRowHeight = 18.0

    static func swatchWidth(_ swatch: Swatch) -> Double { 18 + TextMetrics.width(of: swatch.label, size: 11) + 16 }

    /// The swatches in rows no wider than ``legendWrapWidth``.
    var swatchRows: [[Swatch]] {
        var rows: [[Swatch]] = [], row: [Swatch] = [], used = 0.0
        for swatch in swatches {
            let width = Self.swatchWidth(swatch)
            if !row.isEmpty && used + width > Self.legendWrapWidth {
                rows.append(row)
                (row, used) = ([], 0)
            }
            row.append(swatch)
            used += width
        }
        return row.isEmpty ? rows : rows + [row]
    }

    /// The width of the legend: the gradient bar, or the widest row of swatches.
    var legendWidth: Double {
        swatchRows.map { $0.reduce(0) { $0 + Self.swatchWidth($1) } }.reduce(Self.barWidth + 24, max)
    }

    /// The gradient bar with ticks at whole quarters of the range, then the swatches in rows below it.
    func legend(x: Double, y: Double) -> SVGElement {
        let barWidth = Self.barWidth, steps = 32
        var children: [SVGElement] = [SVG.text(scaleTitle, x: x, y: y, size: 11)]
        var bar: [SVGElement] = []
        for step in 0..<steps {
            let value = scaleRange.lowerBound + (scaleRange.upperBound - scaleRange.lowerBound) * (Double(step) + 0.5) / Double(steps)
            bar.append(SVG.rect(
                x: x + barWidth * Double(step) / Double(steps), y: y + 6, width: barWidth / Double(steps) + 0.5, height: 12,
                fill: colorScale(value)))
        }
        children.append(SVG.group(bar, ["class": "swatch", "data-kind": Self.scaleKind]))
        for quarter in 0...4 {
            let value = scaleRange.lowerBound + (scaleRange.upperBound - scaleRange.lowerBound) * Double(quarter) / 4
            let tx = x + barWidth * Double(quarter) / 4
            children.append(SVG.line(x1: tx, y1: y + 18, x2: tx, y2: y + 22, stroke: "#555"))
            children.append(SVG.text(SVG.number(value), x: tx, y: y + 33, anchor: "middle", size: 10, fill: "#444"))
        }
        for (index, row) in swatchRows.enumerated() {
            var cursor = x
            let rowY = y + 44 + Double(index) * Self.swatchRowHeight
            for swatch in row {
                let box = SVG.rect(x: cursor, y: rowY - 10, width: 14, height: 12, fill: swatch.color)
                    .with("stroke", swatch.outlined ? "#000" : "#999").with("stroke-width", swatch.outlined ? "2.5" : "1")
                children.append(SVG.group(
                    [box, SVG.text(swatch.label, x: cursor + 18, y: rowY, size: 11)], ["class": "swatch", "data-kind": swatch.kind]))
                cursor += Self.swatchWidth(swatch)
            }
        }
        return SVG.group(children, ["class": "legend"])
    }
}
