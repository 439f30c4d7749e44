/// How far a derivative may be from the reference and still pass.
///
/// Entry (i, j) passes when |aᵢⱼ − rᵢⱼ| ≤ atol + rtol · max(|rᵢⱼ|, φ), where φ is the relative floor of
/// ``ErrorMeasures`` (10⁻³ · maxᵢⱼ |rᵢⱼ|, or 1 when the reference is all zeros). The floor keeps an entry
/// that is tiny only through cancellation from demanding more accuracy than its row can have; a wrong
/// entry of meaningful size still fails.
public struct Tolerance: Sendable, Hashable, Codable {
    /// The relative tolerance.
    public var rtol: Double
    /// The absolute tolerance.
    public var atol: Double

    public init(rtol: Double, atol: Double = 0) {
        self.rtol = rtol
        self.atol = atol
    }

    /// The default tolerance of a strategy family for results computed with machine epsilon `epsilon`.
    ///
    /// - exact families (hand-coded, automatic, symbolic): rtol = 10⁵·ε (2.2e-11 in Double): rounding
    ///   through a few hundred operations of moderate condition, far below any real rule error;
    /// - first-order differences: rtol = 10²·√ε (1.5e-6 in Double): the O(h) truncation error at the
    ///   optimal step h ≈ √ε is about √ε times the ratio |f″|/|f′| of the function's scales;
    /// - higher-order differences: rtol = 10²·ε^(2/3) (3.7e-9 in Double), likewise for O(h²) at h ≈ ∛ε.
    public static func `default`(for family: StrategyFamily, epsilon: Double) -> Tolerance {
        switch family {
        case .handCoded, .automatic, .symbolic:
            Tolerance(rtol: 1e5 * epsilon)
        case .firstOrderDifference:
            Tolerance(rtol: 1e2 * epsilon.squareRoot())
        case .higherOrderDifference:
            Tolerance(rtol: 1e2 * Double.pow(epsilon, 2.0 / 3.0))
        }
    }
}
