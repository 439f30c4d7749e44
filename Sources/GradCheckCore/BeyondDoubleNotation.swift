import Foundation

/// Scientific notation for the finite values of ``ExtendedReal`` that `Double` cannot hold: magnitudes
/// above `Double.greatestFiniteMagnitude` ≈ 1.8·10³⁰⁸ (which round to ±∞ in `Double`) and non-zero ones
/// below its least subnormal ≈ 4.9·10⁻³²⁴ (which round to 0). Float80 reaches 1.19·10⁴⁹³², so a reference
/// derivative of 1.2·10⁴⁰⁰⁰ is an ordinary number there; printed through `Double` it would read "inf",
/// and a message "inf where the reference is finite (inf)" would contradict itself.
///
/// The form is `%.6g`'s: six significant digits with trailing zeros dropped, `e+4000` / `e-4000`.
/// The decimal exponent is ⌊log₁₀|v|⌋ and the significand |v|/10ᵉ, the power 10ᵉ formed as two halves
/// 10^⌊e/2⌋·10^(e−⌊e/2⌋) so that neither overflows nor underflows even at the ends of Float80's range;
/// each step is rounded in Float80 (ε ≈ 1.1·10⁻¹⁹), far below the six digits printed. A significand that
/// the logarithm's rounding leaves just outside [1, 10) is moved back by one decade.
public enum BeyondDoubleNotation {
    /// Whether `value` is finite and non-zero in ``ExtendedReal`` but not representable as such in `Double`.
    public static func applies<T: BinaryFloatingPoint>(to value: T) -> Bool {
        guard value.isFinite, value != 0 else { return false }
        let rounded = Double(value)
        return rounded.isInfinite || rounded == 0
    }

    /// `value` in scientific notation with six significant digits, e.g. `1.2e+4000`, `-3.5e-4000`.
    public static func string<T: BinaryFloatingPoint>(_ value: T) -> String {
        let magnitude = ExtendedReal(value).magnitude
        var exponent = Int(Foundation.log10(magnitude).rounded(.down))
        let half = exponent / 2
        var significand = magnitude / Foundation.pow(10, ExtendedReal(half)) / Foundation.pow(10, ExtendedReal(exponent - half))
        if significand >= 10 {
            significand /= 10
            exponent += 1
        } else if significand < 1 {
            significand *= 10
            exponent -= 1
        }
        var digits = String(format: "%.5f", Double(significand))
        if digits.hasPrefix("10") {  // 9.999995… rounds up to the next decade
            digits = String(format: "%.5f", Double(significand) / 10)
            exponent += 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        return "\(sign)\(digits)e\(exponent < 0 ? "-" : "+")\(exponent.magnitude)"
    }
}
