import GradCheckCore

/// How far a derivative may be from the reference and still pass.
///
/// Entry (i, j) passes when |aᵢⱼ − rᵢⱼ| ≤ atol + rtol · max(|rᵢⱼ|, φ), where the floor
/// φ = ``floorFraction`` · maxᵢⱼ |rᵢⱼ| (φ = 1 when the reference is all zeros). The floor keeps an entry
/// that is tiny only through cancellation from demanding more accuracy than the whole derivative can
/// have. Exact methods use a small floor (10⁻³: a wrong entry of meaningful size still fails);
/// differences use 1, since their error is of one absolute size across the entries (it scales with
/// |f| and the step, not with each entry), which makes the test normwise in the max norm.
public struct Tolerance: Sendable, Hashable, Codable {
    /// The relative tolerance.
    public var rtol: Double
    /// The absolute tolerance.
    public var atol: Double

    /// The floor φ as a fraction of the reference's largest entry (see above).
    public var floorFraction: Double
    /// Whether φ is at least the derivative scale the function's value implies, max|f| / max(1, max|x|).
    /// Set for differences, whose round-off ε·|f|/h and truncation grow with |f| whatever the size of the
    /// derivative: a function of value 20 whose gradient entries are 10⁻² cannot have them to 10⁻¹¹.
    public var scalesWithValue: Bool

    public init(rtol: Double, atol: Double = 0, floorFraction: Double = 1e-3, scalesWithValue: Bool = false) {
        self.rtol = rtol
        self.atol = atol
        self.floorFraction = floorFraction
        self.scalesWithValue = scalesWithValue
    }

    /// The default tolerance of a strategy family for results computed with machine epsilon `epsilon`.
    ///
    /// - exact families (hand-coded, automatic, symbolic): rtol = max(10³·ε, 10⁵·ε_Double) — 2.2e-11 in
    ///   Double, 1.2e-4 in Float: rounding through many operations of moderate condition, far below any
    ///   real rule error (an ill-conditioned function widens it further at the point, see the runner); the
    ///   floor fraction is max(10⁻³, 100·√ε) (3.5e-2 in Float, where rounding of the largest entries spreads
    ///   further into the small ones);
    /// - first-order differences: rtol = 10²·√ε (1.5e-6 in Double) with floor fraction 1: the O(h)
    ///   truncation error at the optimal step h ≈ √ε is about √ε times the ratio |f″|/|f′| of the
    ///   function's scales;
    /// - higher-order differences: rtol = 10²·ε^(2/3) (3.7e-9 in Double), floor fraction 1, likewise for
    ///   O(h²) at h ≈ ∛ε.
    public static func `default`(for family: StrategyFamily, epsilon: Double) -> Tolerance {
        switch family {
        case .handCoded, .automatic, .symbolic:
            Tolerance(rtol: Swift.max(1e3 * epsilon, 1e5 * Double.ulpOfOne), floorFraction: Swift.max(1e-3, 100 * epsilon.squareRoot()))
        case .firstOrderDifference:
            Tolerance(rtol: 1e2 * epsilon.squareRoot(), floorFraction: 1, scalesWithValue: true)
        case .higherOrderDifference:
            Tolerance(rtol: 1e2 * Double.pow(epsilon, 2.0 / 3.0), floorFraction: 1, scalesWithValue: true)
        }
    }
}
