import GradCheck

/// The defaults of the checks, in one place.
public enum CheckDefaults {
    /// rtol against an exact reference: 10⁵·ε = 2.2e-11, the runner's default for exact methods —
    /// rounding through a few hundred operations, far below any real error in a derivative rule.
    public static let exactRelativeTolerance = 1e5 * Double.ulpOfOne

    /// rtol against the difference reference of a closure: 10⁻⁸, on top of ``estimateFactor`` times the
    /// reference's own error estimate, with the floor φ = 1·max|reference| (``differenceFloorFraction``).
    ///
    /// Measured on the starter corpus as closures at 2,800 points: the reference is within 1.3·10⁻¹⁰ of
    /// the largest entry everywhere (Rosenbrock n = 100, a sum of 99 terms whose rounding noise the
    /// estimate does not see) and within 10⁻¹¹ elsewhere, so there is a margin of 80 against false
    /// failures, while any error above 10⁻⁸ of the largest entry (plus the estimate) fails.
    public static let differenceRelativeTolerance = 1e-8

    /// How many times the reference's error estimate is added to the allowed error (as the runner does
    /// for strategies that estimate their own error).
    public static let estimateFactor = 4.0

    /// A reference entry whose error estimate exceeds this fraction of the entry's scale cannot vouch for
    /// a pass, and the point is undecided instead (10⁻⁶).
    public static let decisionLimit = 1e-6

    /// The relative floor φ against an exact reference, as a fraction of the largest reference entry
    /// (10⁻³, as the runner uses for exact methods): each entry is held to its own size, down to a
    /// thousandth of the largest.
    public static let exactFloorFraction = 1e-3

    /// The floor φ against the difference reference: 1, i.e. every entry is held to the size of the
    /// largest (a test in the max norm, as the runner does for differences). The reference's error comes
    /// from the rounding noise of f divided by a step, which has one absolute size across the entries,
    /// so a per-entry relative test would fail small entries falsely.
    public static let differenceFloorFraction = 1.0

    /// Against the difference reference, the floor φ is at least this fraction of max|f(x)| / max(1,
    /// max|xⱼ|) (10⁻⁶): the scale of a derivative entry set by the function's own size, below which
    /// differences cannot tell a derivative from zero. It decides stationary points, where the
    /// derivative is 0 and the differences give rounding noise.
    public static let valueFloorFraction = 1e-6

    /// With `directional: .auto`, a generic function with more inputs than this is checked along random
    /// directions (1,000, as `gradcheck run`): there the all-partials reference costs n·ops(f) per
    /// point, a directional one k·ops(f).
    public static let directionalThreshold = DirectionalSettings().threshold

    /// The corpus a strategy is checked against by default: the standard corpus without its negative
    /// controls (today the compiled starter corpus; suites plug in as more `[any TestFunction]`).
    public static var corpus: [any TestFunction] {
        StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }
    }
}
