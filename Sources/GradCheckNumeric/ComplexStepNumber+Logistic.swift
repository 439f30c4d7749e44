import GradCheckCore

/// The logistic functions, analytic everywhere on the real line, evaluated without the comparison on the
/// perturbed value that the scalar protocol's stable defaults make: the branch that keeps e^(±z) from
/// overflowing looks at the real part directly, which is not a comparison of a perturbed value.
extension ComplexStepNumber {
    /// σ(z) = 1/(1 + e⁻ᶻ), as eᶻ/(1 + eᶻ) when Re z < 0.
    public static func sigmoid(_ z: Self) -> Self {
        if z.real < R(0) {
            let e = exp(z)
            return e / (Self(1) + e)
        }
        return Self(1) / (Self(1) + exp(-z))
    }

    /// softplus(z) = ln(1 + eᶻ), as z + ln(1 + e⁻ᶻ) when Re z > 0.
    public static func softplus(_ z: Self) -> Self {
        z.real > R(0) ? z + log1p(exp(-z)) : log1p(exp(z))
    }
}
