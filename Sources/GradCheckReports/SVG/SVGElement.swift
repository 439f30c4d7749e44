import GradCheckCore

/// One element of an SVG drawing: a name, attributes in the order given, and children.
///
/// Rendering escapes every attribute value and text node (``XMLText``), so labels taken from suites can
/// hold any characters. The tree is plain data: charts build it, ``SVGDocument`` writes it.
public struct SVGElement: Sendable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [SVGNode]

    public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes.map { ($0.key, $0.value) }
        self.children = children
    }

    /// The same element with one more attribute (replacing one of the same name).
    public func with(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        copy.attributes.removeAll { $0.name == name }
        copy.attributes.append((name, value))
        return copy
    }

    /// The same element with a `<title>` child first: the tooltip a browser shows on hover.
    public func titled(_ title: String) -> SVGElement {
        var copy = self
        copy.children.insert(.element(SVGElement("title", children: [.text(title)])), at: 0)
        return copy
    }

    /// XML text of the element, indented by `level` two-space steps.
    public func render(level: Int = 0) -> String {
        let indent = String(repeating: "  ", count: level)
        var out = indent + "<" + name
        for attribute in attributes {
            out += " \(attribute.name)=\"\(XMLText.escape(attribute.value, attribute: true))\""
        }
        if children.isEmpty { return out + "/>\n" }
        // An element holding only text stays on one line, so no white space is added to the text.
        if children.allSatisfy({ if case .text = $0 { true } else { false } }) {
            let text = children.map { if case .text(let t) = $0 { XMLText.escape(t) } else { "" } }.joined()
            return out + ">" + text + "</\(name)>\n"
        }
        out += ">\n"
        for child in children {
            switch child {
            case .element(let element): out += element.render(level: level + 1)
            case .text(let text): out += indent + "  " + XMLText.escape(text) + "\n"
            }
        }
        return out + indent + "</\(name)>\n"
    }
}

/// A child of an ``SVGElement``: another element or text.
public enum SVGNode: Sendable {
    case element(SVGElement)
    case text(String)
}

/// Shorthands for the shapes charts draw.
public enum SVG {
    /// A number as SVG coordinates want it: at most two decimals, no trailing zeros, no exponent.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        return NumberText.fixed(rounded, decimals: 2).replacingTrailingZeros()
    }

    public static func group(_ children: [SVGElement], _ attributes: KeyValuePairs<String, String> = [:]) -> SVGElement {
        SVGElement("g", attributes, children: children.map(SVGNode.element))
    }

    public static func rect(x: Double, y: Double, width: Double, height: Double, fill: String) -> SVGElement {
        SVGElement("rect", [
            "x": number(x), "y": number(y), "width": number(max(0, width)), "height": number(max(0, height)), "fill": fill,
        ])
    }

    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) -> SVGElement {
        SVGElement("line", [
            "x1": number(x1), "y1": number(y1), "x2": number(x2), "y2": number(y2), "stroke": stroke,
            "stroke-width": number(width),
        ])
    }

    /// Text at (x, y); `anchor` is start, middle or end.
    public static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, weight: String? = nil,
        fill: String = "#222"
    ) -> SVGElement {
        var element = SVGElement("text", [
            "x": number(x), "y": number(y), "text-anchor": anchor, "font-size": number(size), "fill": fill,
        ], children: [.text(content)])
        if let weight { element = element.with("font-weight", weight) }
        return element
    }

    /// A text label of at most `maxWidth` (``TextMetrics/truncated(_:toWidth:size:)``); a shortened label
    /// keeps the whole text as its `<title>`, the tooltip a browser shows on hover.
    public static func label(
        _ content: String, maxWidth: Double, x: Double, y: Double, anchor: String = "start", size: Double = 12
    ) -> SVGElement {
        let shown = TextMetrics.truncated(content, toWidth: maxWidth, size: size)
        let element = text(shown, x: x, y: y, anchor: anchor, size: size)
        return shown == content ? element : element.titled(content)
    }

    /// A polyline through `points` (no fill).
    public static func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5) -> SVGElement {
        SVGElement("polyline", [
            "points": points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " "),
            "fill": "none", "stroke": stroke, "stroke-width": number(width), "stroke-linejoin": "round",
        ])
    }
}

extension String {
    /// "2.50" → "2.5", "3.00" → "3".
    func replacingTrailingZeros() -> String {
        guard contains(".") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
