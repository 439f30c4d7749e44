import Foundation

/// Numbers as reports and messages write them.
public enum NumberText {
    /// A number in the short form reports use: 6 significant digits, NaN and ±∞ spelled out. An
    /// extended-precision value finite but beyond `Double`'s range is written in full (``BeyondDoubleNotation``:
    /// `1.2e+4000`), never as the `inf` or `0` it rounds to in `Double`.
    public static func short<T: BinaryFloatingPoint>(_ value: T) -> String {
        if BeyondDoubleNotation.applies(to: value) { return BeyondDoubleNotation.string(value) }
        let x = Double(value)
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return String(format: "%.6g", x)
    }

    /// `value` with a fixed number of decimals (no exponent), for ratios and timings.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // + 0 turns a negative zero (from −0.04, say) into +0: "-0.0" reads as a sign error.
        let rounded = (value * scale).rounded() / scale + 0
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
            if decimals == 0 { text = String(text[..<dot]) }
        }
        return text
    }
}
