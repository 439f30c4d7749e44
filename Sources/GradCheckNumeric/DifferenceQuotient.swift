import GradCheckCore

/// The difference formulas, entry by entry over a function's outputs.
///
/// With h > 0 and fₖ = f(x + k·h·eⱼ):
/// - forward:  (f₁ − f₀)/h,                 error ½·h·f″ + O(ε/h)
/// - backward: (f₀ − f₋₁)/h,                error −½·h·f″ + O(ε/h)
/// - central:  (f₁ − f₋₁)/2h,               error ⅙·h²·f‴ + O(ε/h)
/// - one-sided second order, ahead:  (−3f₀ + 4f₁ − f₂)/2h,   error −⅓·h²·f‴ + O(ε/h)
///   and behind: (3f₀ − 4f₋₁ + f₋₂)/2h (the same formula with −h).
public enum DifferenceQuotient {
    public static func forward<R: RealNumber>(_ f0: [R], _ f1: [R], h: R) -> [R] {
        zip(f1, f0).map { ($0 - $1) / h }
    }

    public static func central<R: RealNumber>(_ fPlus: [R], _ fMinus: [R], h: R) -> [R] {
        let twoH = h + h
        return zip(fPlus, fMinus).map { ($0 - $1) / twoH }
    }

    /// The second-order one-sided formula with signed step `h` (negative: behind x).
    public static func oneSidedSecondOrder<R: RealNumber>(_ f0: [R], _ f1: [R], _ f2: [R], h: R) -> [R] {
        let twoH = h + h
        return f0.indices.map { i in (-3 * f0[i] + 4 * f1[i] - f2[i]) / twoH }
    }
}
