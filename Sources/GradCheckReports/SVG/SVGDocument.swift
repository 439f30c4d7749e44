/// A standalone SVG drawing with an accessible title and description, ready to inline in HTML.
public struct SVGDocument: Sendable {
    public var width: Double
    public var height: Double
    /// The chart's name: the first `<title>` child, which screen readers and tests find.
    public var title: String
    /// A sentence saying what the chart shows (`<desc>`).
    public var description: String?
    public var elements: [SVGElement] = []

    public init(width: Double, height: Double, title: String, description: String? = nil) {
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    public mutating func append(_ element: SVGElement) { elements.append(element) }

    public mutating func append(contentsOf elements: [SVGElement]) { self.elements.append(contentsOf: elements) }

    /// The `<svg>` element, with the SVG namespace (so it is also valid inside XHTML).
    public func element() -> SVGElement {
        var children: [SVGNode] = [.element(SVGElement("title", children: [.text(title)]))]
        if let description { children.append(.element(SVGElement("desc", children: [.text(description)]))) }
        children += elements.map(SVGNode.element)
        return SVGElement("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": SVG.number(width), "height": SVG.number(height),
            "viewBox": "0 0 \(SVG.number(width)) \(SVG.number(height))", "role": "img",
            "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        ], children: children)
    }

    public func render(level: Int = 0) -> String { element().render(level: level) }
}

/// Rough text widths for layout: SVG has no measuring without a renderer, so labels are sized by an
/// average glyph width of a sans-serif face.
public enum TextMetrics {
    public static func width(of text: String, size: Double = 12) -> Double {
        Double(text.count) * size * 0.58
    }

    /// `text` as it fits in `maxWidth`: unchanged when it fits, else its start and an ellipsis (at least
    /// one character of it).
    public static func truncated(_ text: String, toWidth maxWidth: Double, size: Double = 12) -> String {
        guard width(of: text, size: size) > maxWidth else { return text }
        let fitting = maxWidth.isFinite ? max(0, maxWidth / (size * 0.58)).rounded(.down) : 0
        let kept = max(1, Int(min(fitting, Double(text.count))) - 1)
        return String(text.prefix(kept)) + "…"
    }
}
