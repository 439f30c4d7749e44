import GradCheckCore
import GradCheckEngine

/// A dot plot on a logarithmic value axis: one row per category, one marker per series in each row.
/// Good for ratios spanning decades (ω, time ratios) across functions and strategies.
public struct DotChart: Sendable {
    /// One series: a value (or nothing) per row.
    public struct Series: Sendable {
        public var name: String
        /// `values[row]`; nil, zero, negative or non-finite values are not drawn.
        public var values: [Double?]

        public init(name: String, values: [Double?]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var description: String?
    public var rowLabels: [String]
    public var series: [Series]
    /// The value axis title, with its unit.
    public var axisTitle: String
    /// How a value is written in tooltips.
    public var formatValue: @Sendable (Double) -> String
    /// A vertical reference line (e.g. ω = 1), if any.
    public var referenceLine: (value: Double, label: String)?
    public var width: Double
    /// Values the value axis covers besides the series' own: small multiples share one scale by each
    /// covering the extremes of all of them.
    public var axisCovers: [Double] = []

    public init(
        title: String, description: String? = nil, rowLabels: [String], series: [Series], axisTitle: String,
        formatValue: @escaping @Sendable (Double) -> String = { NumberText.short($0) },
        referenceLine: (value: Double, label: String)? = nil, width: Double = 760
    ) {
        self.title = title
        self.description = description
        self.rowLabels = rowLabels
        self.series = series
        self.axisTitle = axisTitle
        self.formatValue = formatValue
        self.referenceLine = referenceLine
        self.width = width
    }

    static let rowHeight: Double = 22
    /// The widest a row label is drawn; a longer one is cut with an ellipsis (its full text in a tooltip).
    static let maximumLabelWidth: Double = 280
    /// The narrowest plot area, whatever the labels and `width`.
    static let minimumPlotWidth: Double = 200

    /// More rows than this, and the value axis is labelled above the rows as well as below them, so a
    /// long chart reads without scrolling to its bottom.
    static let rowsWithOneAxis = 12
    /// What a row with no value shows: none of its series had a positive, finite value (not measured,
    /// or the check could not run).
    public static let noValueNote = "no value: not measured for any strategy"

    static let topAxisHeight: Double = 22
    var hasTopAxis: Bool { rowLabels.count > Self.rowsWithOneAxis }

    public func document() -> SVGDocument {
        let legend = Legend(series.enumerated().map { Legend.Entry(label: $1.name, color: Palette.series($0), marker: .cycling($0)) })
        let labelWidth = min(Self.maximumLabelWidth, rowLabels.map { TextMetrics.width(of: $0, size: 12) }.max() ?? 0)
        let left = max(80, labelWidth + 16)
        let width = max(self.width, left + 20 + Self.minimumPlotWidth)
        let legendHeight = legend.height(width: width - left - 20)
        let top = 16 + legendHeight + 10 + (hasTopAxis ? Self.topAxisHeight : 0)
        var frame = PlotFrame(left: left, top: top, right: width - 20, bottom: top + Double(max(1, rowLabels.count)) * Self.rowHeight)
        frame.leftTitleOffset = 0
        let height = frame.bottom + 50

        let values = series.flatMap { $0.values.compactMap { $0 } } + (referenceLine.map { [$0.value] } ?? [])
            + axisCovers.filter { $0 > 0 && $0.isFinite }
        let scale = LogScale(covering: values, range: frame.left...frame.right)
        let rows = BandScale(count: rowLabels.count, range: frame.top...frame.bottom)

        var document = SVGDocument(width: width, height: height, title: title, description: description)
        document.append(legend.render(x: left, y: 28, width: width - left - 20))
        var background: [SVGElement] = []
        for (index, label) in rowLabels.enumerated() {
            if index % 2 == 1 {
                background.append(SVG.rect(x: frame.left, y: rows.start(index), width: frame.width, height: rows.bandwidth, fill: "#f6f6f6"))
            }
            background.append(
                SVG.label(label, maxWidth: Self.maximumLabelWidth, x: frame.left - 8, y: rows.center(index) + 4, anchor: "end", size: 12))
        }
        document.append(SVG.group(background, ["class": "rows"]))
        document.append(Axis(.bottom, scale: scale, title: axisTitle).render(in: frame))
        if hasTopAxis { document.append(Axis(.top, scale: scale, title: axisTitle).render(in: frame)) }
        if let referenceLine, referenceLine.value > 0 {
            let x = scale.position(referenceLine.value)
            document.append(
                SVG.line(x1: x, y1: frame.top, x2: x, y2: frame.bottom, stroke: "#888", width: 1.2)
                    .with("stroke-dasharray", "4 3").titled(referenceLine.label))
        }
        var dots: [SVGElement] = []
        let offsets = series.indices.map { (Double($0) - Double(series.count - 1) / 2) * min(4, 14 / Double(max(1, series.count))) }
        for (index, one) in series.enumerated() {
            for (row, value) in one.values.enumerated() where row < rowLabels.count {
                guard let value, value > 0, value.isFinite else { continue }
                let marker = Marker.cycling(index).element(
                    x: scale.position(value), y: rows.center(row) + offsets[index], size: 9, color: Palette.series(index))
                dots.append(marker.titled("\(rowLabels[row]) · \(one.name): \(formatValue(value))"))
            }
        }
        document.append(SVG.group(dots, ["class": "dots"]))
        // A row with no value says so, rather than standing empty.
        var empty: [SVGElement] = []
        for (row, label) in rowLabels.enumerated()
        where !series.contains(where: { row < $0.values.count && ($0.values[row].map { $0 > 0 && $0.isFinite } ?? false) }) {
            empty.append(
                SVG.text(Self.noValueNote, x: frame.left + 8, y: rows.center(row) + 4, size: 11, fill: "#777")
                    .titled("\(label): \(Self.noValueNote)"))
        }
        if !empty.isEmpty { document.append(SVG.group(empty, ["class": "no-value"])) }
        return document
    }
}
