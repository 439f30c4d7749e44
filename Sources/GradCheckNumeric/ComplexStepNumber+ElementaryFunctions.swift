import GradCheckCore

/// Exponentials, logarithms, roots and powers of a ``ComplexStepNumber``: the exact complex formulas,
/// arranged so that an imaginary part b ≈ 10⁻²⁰·|a| survives with a rounding or two of relative error.
///
/// Each function of a real value (b = 0) is the real function itself (see ``ComplexStepNumber``).
/// Throughout, z = a + ib.
extension ComplexStepNumber {
    /// e^z = eᵃ·(cos b + i·sin b). For tiny b, cos b = 1 and sin b = b exactly in floating point, so the
    /// result is (eᵃ, eᵃ·b), each part rounded once after the library's eᵃ.
    @inlinable public static func exp(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.exp(z.real)) }
        let e = R.exp(z.real)
        return Self(real: e * R.cos(z.imaginary), imaginary: e * R.sin(z.imaginary))
    }

    /// e^z − 1 = (eᵃ·cos b − 1) + i·eᵃ·sin b, the real part as expm1(a)·cos b − 2·sin²(b/2): no
    /// cancellation for small |a| (where eᵃ·cos b − 1 would lose the digits expm1 exists to keep), and
    /// exactly expm1(a) when b is tiny.
    @inlinable public static func expm1(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.expm1(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        let halfSine = R.sin(b * R(0.5))
        return Self(
            real: R.expm1(a) * R.cos(b) - R(2) * halfSine * halfSine,
            imaginary: R.exp(a) * R.sin(b))
    }

    /// The principal logarithm: ln|z| + i·atan2(b, a).
    ///
    /// ln|z| = ln(max(|a|, |b|)) + ½·log1p((min/max)²), so |z| is never formed (no overflow) and, for tiny
    /// b, the real part is exactly ln|a|. atan2(b, a) = b/a to a rounding for tiny b and a > 0. For a < 0
    /// this is the complex logarithm (imaginary part ±π), where the real logarithm is NaN: no derivative
    /// is claimed there (the reference marks such points outside the domain).
    @inlinable public static func log(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.log(z.real)) }
        let (larger, correction) = modulusParts(z)
        return Self(real: R.log(larger) + correction, imaginary: R.atan2(y: z.imaginary, x: z.real))
    }

    /// log₂ z = (ln|z| + i·arg z) / ln 2, with log₂ of the larger part taken directly so the real part is
    /// exactly the library's log₂ a for tiny b.
    @inlinable public static func log2(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.log2(z.real)) }
        let (larger, correction) = modulusParts(z)
        return Self(
            real: R.log2(larger) + correction / ln2, imaginary: R.atan2(y: z.imaginary, x: z.real) / ln2)
    }

    /// log₁₀ z = (ln|z| + i·arg z) / ln 10, as ``log2(_:)``.
    @inlinable public static func log10(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.log10(z.real)) }
        let (larger, correction) = modulusParts(z)
        return Self(
            real: R.log10(larger) + correction / ln10, imaginary: R.atan2(y: z.imaginary, x: z.real) / ln10)
    }

    /// ln(1 + z) = ln|1 + z| + i·atan2(b, 1 + a), written for small |z|.
    ///
    /// With u = 1 + a > 0 and |b| ≤ u: |1 + z|² = u²·(1 + (b/u)²), so the real part is
    /// log1p(a) + ½·log1p((b/u)²) — log1p(a) keeps every digit for small a (forming ln u would lose them)
    /// and the correction is O(b²). The imaginary part is b/u to a rounding or two (u has at most one
    /// rounding). Otherwise (u ≤ 0 or a large b) ln(u + ib) via ``log(_:)``.
    @inlinable public static func log1p(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.log1p(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        let u = R(1) + a
        guard u > R(0), b.magnitude <= u else { return log(Self(real: u, imaginary: b)) }
        let q = b / u
        return Self(real: R.log1p(a) + R.log1p(q * q) * R(0.5), imaginary: R.atan2(y: b, x: u))
    }

    /// The principal square root, by the stable formula (no cancellation for either sign of a):
    ///
    /// - a ≥ 0: t = √(|z|/2 + a/2), √z = t + i·b/(2t);
    /// - a < 0: t = √(|z|/2 − a/2), √z = |b|/(2t) + i·sign(b)·t (the mirrored form).
    ///
    /// The naive √((|z| − a)/2) for the imaginary part would be √(O(b²)) − exactly the tiny difference a
    /// complex step cannot afford; here b is only divided by 2t. For tiny b and a > 0, |z| = a exactly,
    /// so t = √a and the imaginary part is b/(2√a) with two roundings.
    @inlinable public static func sqrt(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.sqrt(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        let halfModulus = R.hypot(a, b) * R(0.5)
        if a >= R(0) {
            let t = R.sqrt(halfModulus + a * R(0.5))
            return Self(real: t, imaginary: b / (t + t))
        }
        let t = R.sqrt(halfModulus - a * R(0.5))
        return Self(real: b.magnitude / (t + t), imaginary: b < R(0) ? -t : t)
    }

    /// z^w = exp(w·ln z), in polar form so that |z|^c comes from the library's `pow` (exp(c·ln|z|) would
    /// multiply ln|z|'s rounding by c):
    ///
    /// - a > 0: z^w = |z|^c·e^(−d·θ)·(cos φ + i·sin φ), θ = arg z, φ = c·θ + d·ln|z|, w = c + id. With a
    ///   real exponent (d = 0, the fast path) that is |z|^c·cis(c·θ): for tiny b, aᶜ·(1 + i·c·b/a).
    /// - a ≤ 0: the first-order lift aᶜ + i·(b·c·aᶜ⁻¹ + d·aᶜ·ln a) (a d-term only when w is perturbed).
    ///   The real program's `pow` of a negative base is real only for integer exponents, and the
    ///   principal complex power would give (−8)³ an imaginary part of 512·sin 3π ≈ 10⁻¹³ — garbage at
    ///   h = 10⁻²⁰; the lift gives the real program's value and its exact derivative, and NaN wherever
    ///   the real `pow` is NaN.
    @inlinable public static func pow(_ z: Self, _ w: Self) -> Self {
        let (a, b, c, d) = (z.real, z.imaginary, w.real, w.imaginary)
        let realExponent = d == R(0)
        if realExponent && b == R(0) { return Self(real: R.pow(a, c)) }
        guard a > R(0) else {
            let power = R.pow(a, c)
            var tangent = R(0)
            if b != R(0) { tangent = b * c * R.pow(a, c - R(1)) }
            if !realExponent { tangent = tangent + d * power * R.log(a) }
            return Self(real: power, imaginary: tangent)
        }
        let modulus = R.hypot(a, b)
        let theta = R.atan2(y: b, x: a)
        if realExponent {
            let magnitude = R.pow(modulus, c)
            let phi = c * theta
            return Self(real: magnitude * R.cos(phi), imaginary: magnitude * R.sin(phi))
        }
        let magnitude = R.pow(modulus, c) * R.exp(-(d * theta))
        let phi = c * theta + d * R.log(modulus)
        return Self(real: magnitude * R.cos(phi), imaginary: magnitude * R.sin(phi))
    }

    /// max(|a|, |b|) and ½·log1p((min/max)²), whose sum with ln of the first is ln|z| (see ``log(_:)``).
    @inlinable static func modulusParts(_ z: Self) -> (larger: R, correction: R) {
        let (x, y) = (z.real.magnitude, z.imaginary.magnitude)
        let (larger, smaller) = x >= y ? (x, y) : (y, x)
        let q = smaller / larger
        return (larger, R.log1p(q * q) * R(0.5))
    }

    /// ln 2 and ln 10, rounded once from extended precision into R.
    @inlinable static var ln2: R { R(extended: 0.693147180559945309417232121458176568) }
    @inlinable static var ln10: R { R(extended: 2.30258509299404568401799145468436421) }
}
