/// The shape of a data point. Series differ in shape as well as colour, so a chart still reads in
/// grey scale or with colour-blindness.
public enum Marker: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross, invertedTriangle

    /// The marker centred at (x, y), about `size` across.
    public func element(x: Double, y: Double, size: Double = 8, color: String) -> SVGElement {
        let r = size / 2
        func polygon(_ points: [(Double, Double)]) -> SVGElement {
            SVGElement("polygon", [
                "points": points.map { "\(SVG.number(x + $0.0)),\(SVG.number(y + $0.1))" }.joined(separator: " "),
                "fill": color, "stroke": "#fff", "stroke-width": "0.75",
            ])
        }
        switch self {
        case .circle:
            return SVGElement("circle", [
                "cx": SVG.number(x), "cy": SVG.number(y), "r": SVG.number(r), "fill": color, "stroke": "#fff", "stroke-width": "0.75",
            ])
        case .square:
            return polygon([(-r * 0.9, -r * 0.9), (r * 0.9, -r * 0.9), (r * 0.9, r * 0.9), (-r * 0.9, r * 0.9)])
        case .triangle:
            return polygon([(0, -r * 1.1), (r * 1.05, r * 0.8), (-r * 1.05, r * 0.8)])
        case .invertedTriangle:
            return polygon([(0, r * 1.1), (r * 1.05, -r * 0.8), (-r * 1.05, -r * 0.8)])
        case .diamond:
            return polygon([(0, -r * 1.2), (r * 1.1, 0), (0, r * 1.2), (-r * 1.1, 0)])
        case .cross:
            let d = r * 0.85
            return SVGElement("path", [
                "d": "M\(SVG.number(x - d)),\(SVG.number(y - d))L\(SVG.number(x + d)),\(SVG.number(y + d))"
                    + "M\(SVG.number(x - d)),\(SVG.number(y + d))L\(SVG.number(x + d)),\(SVG.number(y - d))",
                "stroke": color, "stroke-width": "2.2", "fill": "none",
            ])
        }
    }

    /// The marker of series number `index`, cycling through the shapes.
    public static func cycling(_ index: Int) -> Marker { allCases[index % allCases.count] }
}
