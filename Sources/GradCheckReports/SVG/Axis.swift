/// Draws an axis of a ``PlotFrame``: grid lines across the plot, tick marks, tick labels and the axis
/// title (which should name the quantity and its unit, e.g. "time ratio (derivative ÷ function)").
public struct Axis: Sendable {
    /// Which side of the plot the axis is on. A `top` axis repeats a bottom one's ticks and labels above
    /// a tall plot (without grid lines or title, which the bottom axis draws), so values read at both ends.
    public enum Edge: Sendable { case bottom, top, left }

    public var edge: Edge
    public var scale: any ChartScale
    public var title: String

    public init(_ edge: Edge, scale: any ChartScale, title: String) {
        self.edge = edge
        self.scale = scale
        self.title = title
    }

    /// The axis as a group: grid, ticks, labels and title.
    public func render(in frame: PlotFrame) -> SVGElement {
        var children: [SVGElement] = []
        for tick in scale.ticks {
            let p = scale.position(tick.value)
            let grid = tick.major ? "#d9d9d9" : "#efefef"
            let size: Double = tick.major ? 11 : 9
            switch edge {
            case .bottom:
                guard p >= frame.left - 0.5 && p <= frame.right + 0.5 else { continue }
                children.append(SVG.line(x1: p, y1: frame.top, x2: p, y2: frame.bottom, stroke: grid))
                children.append(SVG.line(x1: p, y1: frame.bottom, x2: p, y2: frame.bottom + (tick.major ? 5 : 3), stroke: "#555"))
                if !tick.label.isEmpty {
                    children.append(SVG.text(tick.label, x: p, y: frame.bottom + 18, anchor: "middle", size: size, fill: "#444"))
                }
            case .top:
                guard p >= frame.left - 0.5 && p <= frame.right + 0.5 else { continue }
                children.append(SVG.line(x1: p, y1: frame.top - (tick.major ? 5 : 3), x2: p, y2: frame.top, stroke: "#555"))
                if !tick.label.isEmpty {
                    children.append(SVG.text(tick.label, x: p, y: frame.top - 9, anchor: "middle", size: size, fill: "#444"))
                }
            case .left:
                guard p >= frame.top - 0.5 && p <= frame.bottom + 0.5 else { continue }
                children.append(SVG.line(x1: frame.left, y1: p, x2: frame.right, y2: p, stroke: grid))
                children.append(SVG.line(x1: frame.left - (tick.major ? 5 : 3), y1: p, x2: frame.left, y2: p, stroke: "#555"))
                if !tick.label.isEmpty {
                    children.append(SVG.text(tick.label, x: frame.left - 8, y: p + 4, anchor: "end", size: size, fill: "#444"))
                }
            }
        }
        switch edge {
        case .bottom:
            children.append(SVG.line(x1: frame.left, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: "#555"))
            children.append(SVG.text(title, x: (frame.left + frame.right) / 2, y: frame.bottom + 38, anchor: "middle", size: 12))
        case .top:
            children.append(SVG.line(x1: frame.left, y1: frame.top, x2: frame.right, y2: frame.top, stroke: "#555"))
        case .left:
            children.append(SVG.line(x1: frame.left, y1: frame.top, x2: frame.left, y2: frame.bottom, stroke: "#555"))
            let x = frame.left - frame.leftTitleOffset, y = (frame.top + frame.bottom) / 2
            children.append(
                SVG.text(title, x: x, y: y, anchor: "middle", size: 12)
                    .with("transform", "rotate(-90 \(SVG.number(x)) \(SVG.number(y)))"))
        }
        return SVG.group(children, ["class": "axis"])
    }
}

/// The rectangle a chart plots in, inside its margins.
public struct PlotFrame: Sendable {
    public var left: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    /// How far left of the plot the rotated y-axis title sits.
    public var leftTitleOffset: Double = 48

    public init(left: Double, top: Double, right: Double, bottom: Double) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
    }

    public var width: Double { right - left }
    public var height: Double { bottom - top }
}
