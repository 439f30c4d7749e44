import GradCheckCore

/// Circular and hyperbolic functions of a ``ComplexStepNumber``, z = a + ib: the exact complex formulas.
///
/// For tiny b, cosh b = 1, sinh b = b, cos b = 1, sin b = b and tan b = b exactly in floating point, so
/// each formula reduces to (f(a), b·f′(a)) with a rounding or two and no cancellation. Each function of
/// a real value (b = 0) is the real function itself.
extension ComplexStepNumber {
    /// sin z = sin a·cosh b + i·cos a·sinh b.
    @inlinable public static func sin(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.sin(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        return Self(real: R.sin(a) * R.cosh(b), imaginary: R.cos(a) * R.sinh(b))
    }

    /// cos z = cos a·cosh b − i·sin a·sinh b.
    @inlinable public static func cos(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.cos(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        return Self(real: R.cos(a) * R.cosh(b), imaginary: -(R.sin(a) * R.sinh(b)))
    }

    /// sinh z = sinh a·cos b + i·cosh a·sin b.
    @inlinable public static func sinh(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.sinh(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        return Self(real: R.sinh(a) * R.cos(b), imaginary: R.cosh(a) * R.sin(b))
    }

    /// cosh z = cosh a·cos b + i·sinh a·sin b.
    @inlinable public static func cosh(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.cosh(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        return Self(real: R.cosh(a) * R.cos(b), imaginary: R.sinh(a) * R.sin(b))
    }

    /// tanh z as the quotient (tanh a + i·tan b) / (1 + i·tanh a·tan b), multiplied out by the conjugate:
    ///
    ///     tanh z = [T·(1 + t²) + i·t·sech² a] / (1 + T²·t²),   T = tanh a, t = tan b,
    ///
    /// using 1 − T² = sech² a = 1/cosh² a, which does not cancel for large |a| (1 − T² would lose every
    /// digit once T rounds to ±1). t/cosh a/cosh a underflows gracefully instead of overflowing. For tiny b
    /// the real part is exactly tanh a and the imaginary part b·sech² a with three roundings.
    @inlinable public static func tanh(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.tanh(z.real)) }
        let (real, imaginary) = hyperbolicTangent(z.real, z.imaginary)
        return Self(real: real, imaginary: imaginary)
    }

    /// tan z = −i·tanh(i·z) = −i·tanh(−b + ia), by the quotient of ``tanh(_:)``:
    ///
    ///     tan z = [t·sech² b + i·τ·(1 + t²)] / (1 + τ²·t²),   t = tan a, τ = tanh b.
    ///
    /// For tiny b: tan a + i·b·(1 + tan² a), the real part exactly the library's tan a.
    @inlinable public static func tan(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.tan(z.real)) }
        let (real, imaginary) = hyperbolicTangent(-z.imaginary, z.real)
        return Self(real: imaginary, imaginary: -real)
    }

    /// atan z = (1/2i)·[ln(1 + iz) − ln(1 − iz)], taken apart into real formulas:
    ///
    ///     Re = ½·[atan2(a, 1 − b) + atan2(a, 1 + b)],   Im = ¼·log1p(4b / ((1 − b)² + a²)).
    ///
    /// The imaginary part is ¼·ln of |1 + iz|²/|1 − iz|² = 1 + 4b/((1 − b)² + a²), written with log1p:
    /// ln of the ratio itself would be ln(1 + O(h)) and lose the tiny part entirely. For tiny b it is
    /// b/(1 + a²) with three roundings, and the real part is atan2(a, 1) = atan a.
    @inlinable public static func atan(_ z: Self) -> Self {
        if z.isReal { return Self(real: R.atan(z.real)) }
        let (a, b) = (z.real, z.imaginary)
        let one = R(1)
        let oneMinusB = one - b
        let real = (R.atan2(y: a, x: oneMinusB) + R.atan2(y: a, x: one + b)) * R(0.5)
        let imaginary = R.log1p(R(4) * b / (oneMinusB * oneMinusB + a * a)) * R(0.25)
        return Self(real: real, imaginary: imaginary)
    }

    /// tanh(x + iy) as (real, imaginary), by the conjugate-quotient formula of ``tanh(_:)``.
    @inlinable static func hyperbolicTangent(_ x: R, _ y: R) -> (real: R, imaginary: R) {
        let capitalT = R.tanh(x), t = R.tan(y), c = R.cosh(x)
        let product = capitalT * t
        let denominator = R(1) + product * product
        return (capitalT * (R(1) + t * t) / denominator, t / c / c / denominator)
    }
}
