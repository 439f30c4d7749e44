import Foundation

/// The shape of a data point. Series differ in shape as well as colour, so a chart still reads in
/// grey scale or with colour-blindness: there are as many shapes as ``Palette/categorical`` has
/// colours, so up to that many series no two share a shape or a colour. Every marker carries its shape's
/// name as `data-marker`, for the legend and for tests.
public enum Marker: String, Sendable, CaseIterable {
    case circle, square, triangle, diamond, cross, invertedTriangle, plus, star, hexagon, leftTriangle, rightTriangle, pentagon

    /// The marker centred at (x, y), about `size` across.
    public func element(x: Double, y: Double, size: Double = 8, color: String) -> SVGElement {
        shape(x: x, y: y, size: size, color: color).with("data-marker", rawValue)
    }

    private func shape(x: Double, y: Double, size: Double, color: String) -> SVGElement {
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
        case .plus:
            let d = r * 1.05
            return SVGElement("path", [
                "d": "M\(SVG.number(x - d)),\(SVG.number(y))L\(SVG.number(x + d)),\(SVG.number(y))"
                    + "M\(SVG.number(x)),\(SVG.number(y - d))L\(SVG.number(x)),\(SVG.number(y + d))",
                "stroke": color, "stroke-width": "2.4", "fill": "none",
            ])
        case .star:
            return polygon(Self.regular(10, radius: r * 1.3, innerRadius: r * 0.55))
        case .hexagon:
            return polygon(Self.regular(6, radius: r * 1.05))
        case .pentagon:
            return polygon(Self.regular(5, radius: r * 1.1))
        case .leftTriangle:
            return polygon([(-r * 1.1, 0), (r * 0.8, -r * 1.05), (r * 0.8, r * 1.05)])
        case .rightTriangle:
            return polygon([(r * 1.1, 0), (-r * 0.8, -r * 1.05), (-r * 0.8, r * 1.05)])
        }
    }

    /// The corners of a regular polygon of `count` corners pointing up, centred at the origin; with an
    /// `innerRadius`, every other corner is drawn in to it (a star of `count / 2` points).
    static func regular(_ count: Int, radius: Double, innerRadius: Double? = nil) -> [(Double, Double)] {
        (0..<count).map { index in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            let length = index % 2 == 1 ? innerRadius ?? radius : radius
            return (length * cos(angle), length * sin(angle))
        }
    }

    /// The marker of series number `index`, cycling through the shapes.
    public static func cycling(_ index: Int) -> Marker { allCases[index % allCases.count] }
}
