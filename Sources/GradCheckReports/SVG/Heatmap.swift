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

        public init(color: String, text: String, textColor: String, title: String, emphasized: Bool = false) {
            self.color = color
            self.text = text
            self.textColor = textColor
            self.title = title
            self.emphasized = emphasized
        }
    }

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
    /// Extra swatches under the scale (e.g. "no error measure" in grey); an outlined swatch explains the
    /// heavy outline of emphasized cells.
    public var swatches: [(label: String, color: String, outlined: Bool)]

    public init(
        title: String, description: String? = nil, rowLabels: [String], columnLabels: [String], cells: [[Cell?]],
        colorScale: @escaping @Sendable (Double) -> String, scaleRange: ClosedRange<Double>, scaleTitle: String,
        swatches: [(label: String, color: String, outlined: Bool)] = []
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

    public func document() -> SVGDocument {
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
        let height = legendTop + 58

        var document = SVGDocument(width: width, height: height, title: title, description: description)
        var labels: [SVGElement] = []
        for (column, label) in columnLabels.enumerated() {
            let x = left + (Double(column) + 0.5) * Self.cellWidth, y = top - 8
            labels.append(
                SVG.label(label, maxWidth: Self.maximumLabelWidth, x: x, y: y, size: 12)
                    .with("transform", "rotate(-\(SVG.number(Self.angle)) \(SVG.number(x)) \(SVG.number(y)))"))
        }
        for (row, label) in rowLabels.enumerated() {
            let y = top + (Double(row) + 0.5) * Self.cellHeight + 4
            labels.append(SVG.label(label, maxWidth: Self.maximumLabelWidth, x: left - 8, y: y, anchor: "end", size: 12))
        }
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
                grid.append(SVG.group([box, text], ["class": "cell"]).titled(cell.title))
            }
        }
        document.append(SVG.group(grid, ["class": "grid"]))
        document.append(legend(x: left, y: legendTop))
        return document
    }

    static let barWidth = 200.0

    /// The width of the legend: the gradient bar, then the swatches.
    var legendWidth: Double {
        swatches.reduce(Self.barWidth + 24) { $0 + 18 + TextMetrics.width(of: $1.label, size: 11) + 16 }
    }

    /// The gradient bar with ticks at whole quarters of the range, then the swatches.
    func legend(x: Double, y: Double) -> SVGElement {
        let barWidth = Self.barWidth, steps = 32
        var children: [SVGElement] = [SVG.text(scaleTitle, x: x, y: y, size: 11)]
        for step in 0..<steps {
            let value = scaleRange.lowerBound + (scaleRange.upperBound - scaleRange.lowerBound) * (Double(step) + 0.5) / Double(steps)
            children.append(SVG.rect(
                x: x + barWidth * Double(step) / Double(steps), y: y + 6, width: barWidth / Double(steps) + 0.5, height: 12,
                fill: colorScale(value)))
        }
        for quarter in 0...4 {
            let value = scaleRange.lowerBound + (scaleRange.upperBound - scaleRange.lowerBound) * Double(quarter) / 4
            let tx = x + barWidth * Double(quarter) / 4
            children.append(SVG.line(x1: tx, y1: y + 18, x2: tx, y2: y + 22, stroke: "#555"))
            children.append(SVG.text(SVG.number(value), x: tx, y: y + 33, anchor: "middle", size: 10, fill: "#444"))
        }
        var cursor = x + barWidth + 24
        for swatch in swatches {
            children.append(
                SVG.rect(x: cursor, y: y + 6, width: 14, height: 12, fill: swatch.color)
                    .with("stroke", swatch.outlined ? "#000" : "#999").with("stroke-width", swatch.outlined ? "2.5" : "1"))
            children.append(SVG.text(swatch.label, x: cursor + 18, y: y + 16, size: 11))
            cursor += 18 + TextMetrics.width(of: swatch.label, size: 11) + 16
        }
        return SVG.group(children, ["class": "legend"])
    }
}
