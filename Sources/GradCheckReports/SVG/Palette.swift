/// Colours for charts.
public enum Palette {
    /// The Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), darkest
    /// yellow left out for contrast on white, then four of Paul Tol's colours (wine, teal, indigo, olive)
    /// so that twelve series (every standard strategy) need no colour twice. Each colour has its own
    /// ``Marker`` shape, so two series never rely on colour alone.
    public static let categorical = [
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999",
        "#882255", "#44AA99", "#332288", "#999933",
    ]

    /// The colour of series number `index`, cycling.
    public static func series(_ index: Int) -> String { categorical[index % categorical.count] }

    /// Stops of the digits scale: red (0 correct digits) through yellow (8) to blue (16 and more), a
    /// diverging scheme (ColorBrewer RdYlBu) that stays readable with red–green colour-blindness.
    static let digitStops: [(digits: Double, rgb: (Double, Double, Double))] = [
        (0, (165, 0, 38)), (4, (244, 109, 67)), (8, (254, 224, 144)), (12, (116, 173, 209)), (16, (49, 54, 149)),
    ]

    /// The fill for a cell with `digits` correct digits (clamped to 0…16).
    public static func digitsColor(_ digits: Double) -> String {
        let d = min(16, max(0, digits.isFinite ? digits : 0))
        let upper = digitStops.firstIndex { $0.digits >= d } ?? digitStops.count - 1
        let lower = max(0, upper - 1)
        let (a, b) = (digitStops[lower], digitStops[upper])
        let t = b.digits > a.digits ? (d - a.digits) / (b.digits - a.digits) : 0
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * t).rounded()) }
        return hex(mix(a.rgb.0, b.rgb.0), mix(a.rgb.1, b.rgb.1), mix(a.rgb.2, b.rgb.2))
    }

    /// Black or white, whichever reads better on `digitsColor(digits)`.
    public static func digitsTextColor(_ digits: Double) -> String {
        let d = digits.isFinite ? digits : 0
        return d < 2.5 || d > 13 ? "#ffffff" : "#1a1a1a"
    }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        "#" + [r, g, b].map { value in
            let text = String(max(0, min(255, value)), radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
    }
}
