import GradCheckCore
import GradCheckEngine

/// A line chart with logarithmic x and y axes and several series: markers, lines, a legend, and
/// annotations (a vertical line at a chosen x, a ringed point with a label).
///
/// The general chart for quantities spanning decades: error against step size h (truncation against
/// round-off, with the optimal h marked), ω against the number of inputs n, expression size against
/// depth. Non-positive and non-finite values cannot sit on a log axis and are left out.
public struct LogLogChart: Sendable {
    /// One series of (x, y) points.
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// Join the points (in the order given) with a line.
        public var connected: Bool
        /// The marker at each point; nil draws the line alone.
        public var marker: Marker?

        public init(name: String, points: [(x: Double, y: Double)], connected: Bool = true, marker: Marker? = .circle) {
            self.name = name
            self.points = points
            self.connected = connected
            self.marker = marker
        }
    }

    /// Something to point out on the chart.
    public enum Annotation: Sendable {
        /// A dashed vertical line at x, labelled at the top (e.g. "optimal h").
        case vertical(x: Double, label: String)
        /// A ring around the point (x, y) with a label beside it.
        case point(x: Double, y: Double, label: String)
    }

    public var title: String
    public var description: String?
    /// The axis titles, each naming the quantity and its unit.
    public var xTitle: String
    public var yTitle: String
    public var series: [Series]
    public var annotations: [Annotation]
    public var width: Double
    public var height: Double

    public init(
        title: String, description: String? = nil, xTitle: String, yTitle: String, series: [Series],
        annotations: [Annotation] = [], width: Double = 640, height: Double = 420
    ) {
        self.title = title
        self.description = description
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.series = series
        self.annotations = annotations
        self.width = width
        self.height = height
    }

    /// The points that can be drawn on log axes.
    func drawable(_ one: Series) -> [(x: Double, y: Double)] {
        one.points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
    }

    public func document() -> SVGDocument {
        let legend = Legend(series.enumerated().map { index, one in
            Legend.Entry(label: one.name, color: Palette.series(index), marker: one.marker)
        })
        let legendHeight = legend.height(width: width - 90)
        let frame = PlotFrame(left: 74, top: 20 + legendHeight + 12, right: width - 24, bottom: height - 54)
        var xs = series.flatMap { drawable($0).map(\.x) }, ys = series.flatMap { drawable($0).map(\.y) }
        for annotation in annotations {
            switch annotation {
            case .vertical(let x, _): xs.append(x)
            case .point(let x, let y, _): xs.append(x); ys.append(y)
            }
        }
        // The data range sits inside the frame by a small inset, so markers at the ends of a decade do not
        // sit on the axes.
        let inset = 10.0
        let xScale = LogScale(covering: xs, range: (frame.left + inset)...(frame.right - inset))
        let yScale = LogScale(covering: ys, range: (frame.top + inset)...(frame.bottom - inset), reversed: true)

        var document = SVGDocument(width: width, height: height, title: title, description: description)
        document.append(legend.render(x: frame.left, y: 30, width: width - 90))
        document.append(Axis(.bottom, scale: xScale, title: xTitle).render(in: frame))
        document.append(Axis(.left, scale: yScale, title: yTitle).render(in: frame))
        for (index, one) in series.enumerated() {
            let color = Palette.series(index)
            let points = drawable(one).map { (x: xScale.position($0.x), y: yScale.position($0.y)) }
            var children: [SVGElement] = []
            if one.connected && points.count > 1 { children.append(SVG.polyline(points, stroke: color)) }
            if let marker = one.marker {
                for (point, value) in zip(points, drawable(one)) {
                    children.append(
                        marker.element(x: point.x, y: point.y, size: 8, color: color)
                            .titled("\(one.name): x = \(NumberText.short(value.x)), y = \(NumberText.short(value.y))"))
                }
            }
            document.append(SVG.group(children, ["class": "series"]).titled(one.name))
        }
        for annotation in annotations {
            document.append(render(annotation, frame: frame, xScale: xScale, yScale: yScale))
        }
        return document
    }

    func render(_ annotation: Annotation, frame: PlotFrame, xScale: LogScale, yScale: LogScale) -> SVGElement {
        switch annotation {
        case .vertical(let x, let label):
            let px = xScale.position(x)
            let anchor = px > frame.left + frame.width * 0.75 ? "end" : "start"
            return SVG.group([
                SVG.line(x1: px, y1: frame.top, x2: px, y2: frame.bottom, stroke: "#444", width: 1.2).with("stroke-dasharray", "5 4"),
                SVG.text(label, x: px + (anchor == "end" ? -4 : 4), y: frame.top + 12, anchor: anchor, size: 11, fill: "#444"),
            ], ["class": "annotation"]).titled(label)
        case .point(let x, let y, let label):
            let px = xScale.position(x), py = yScale.position(y)
            // The label goes right of the ring unless it would run past the chart's edge, then left of it;
            // below the ring when above it would leave the plot.
            let fitsRight = px + 11 + TextMetrics.width(of: label, size: 11) <= width - 4
            let labelY = py - 9 - 11 < frame.top ? py + 20 : py - 9
            return SVG.group([
                SVGElement("circle", ["cx": SVG.number(px), "cy": SVG.number(py), "r": "8", "fill": "none", "stroke": "#222", "stroke-width": "1.5"]),
                SVG.text(label, x: fitsRight ? px + 11 : px - 11, y: labelY, anchor: fitsRight ? "start" : "end", size: 11, fill: "#222"),
            ], ["class": "annotation"]).titled(label)
        }
    }
}
