import GradCheck

/// The defaults of the checks, in one place.
public enum CheckDefaults {
    /// rtol against an exact reference: 10⁵·ε = 2.2e-11, the runner's default for exact methods —
    /// rounding through a few hundred operations, far below any real error in a derivative rule.
    public static let exactRelativeTolerance = 1e5 * Double.ulpOfOne

    /// rtol against the difference reference of a closure over `Double`: 10⁻⁸, on top of
    /// ``estimateFactor`` times the reference's own error estimate (which includes the closure's measured
    /// noise: the rounding of a long sum, a result computed in `Float`), with the floor
    /// φ = 1·max|reference| (``differenceFloorFraction``). Any error above 10⁻⁸ of the largest entry (plus
    /// the estimate) fails. For other element types see ``differenceRelativeTolerance(for:)``.
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
    /// from the noise of f divided by a step, which has one absolute size across the entries, so a
    /// per-entry relative test would fail small entries falsely. A call's `floor:` replaces it (as a
    /// suite's `@tolerance(floor:)` does): `floor: 0` holds every entry to its own size, and an entry the
    /// reference cannot resolve at that size is undecided, not failed.
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

    /// rtol against the difference reference for a closure over `type`: max(10⁻⁸, 10³·ε) with ε the type's
    /// machine epsilon — 10⁻⁸ (``differenceRelativeTolerance``) for `Double`, 1.2·10⁻⁴ for `Float`, where a
    /// gradient computed in the type carries rounding of many operations of ε each. The reference's own
    /// estimate (which includes the closure's measured noise, and so its conditioning) is added on top.
    public static func differenceRelativeTolerance<F: BinaryFloatingPoint>(for type: F.Type) -> Double {
        Swift.max(differenceRelativeTolerance, 1e3 * epsilon(of: type))
    }

    /// The decision limit against the difference reference for a closure over `type`: max(10⁻⁶, 10⁴·ε)
    /// (``decisionLimit`` for `Double`, 1.2·10⁻³ for `Float`). Differences of a function computed in `Float`
    /// cannot be better than its rounding over the step (σ/h with σ ≈ ε·|f|, amplified by the
    /// extrapolation: 10⁻⁵…10⁻³ of the entries' scale), so a limit of 10⁻⁶ would leave every point
    /// undecided. At 10⁴·ε a pass in `Float` still certifies between 2 and 3 digits of every entry at the
    /// scale of the largest: far finer than a sign, a factor 2 or a wrong index.
    public static func differenceDecisionLimit<F: BinaryFloatingPoint>(for type: F.Type) -> Double {
        Swift.max(decisionLimit, 1e4 * epsilon(of: type))
    }

    /// The tolerance against the exact reference for a derivative computed in `type`: the runner's default
    /// for exact methods in that precision (``Tolerance/default(for:epsilon:)``): rtol max(10³·ε, 10⁵·ε_Double)
    /// = 2.2·10⁻¹¹ in `Double` (``exactRelativeTolerance``), 1.2·10⁻⁴ in `Float`, floor fraction
    /// max(10⁻³, 100·√ε) (10⁻³ in `Double`, 3.5·10⁻² in `Float`). The check widens an entry further by 10×
    /// how far the type's own rounding moves the exact derivative at the point (its measured conditioning).
    public static func exactTolerance<F: BinaryFloatingPoint>(for type: F.Type) -> Tolerance {
        Tolerance.default(for: .handCoded, epsilon: epsilon(of: type))
    }

    /// The machine epsilon of `type`, at least `Double`'s (the checks compute in `Double` or wider).
    static func epsilon<F: BinaryFloatingPoint>(of type: F.Type) -> Double {
        Swift.max(Double(F.ulpOfOne), Double.ulpOfOne)
    }

    /// The corpus a strategy is checked against by default: the standard corpus, as `gradcheck run`
    /// checks it with no path — the functions of the `.grad` suites of `Suites/` (``standardCorpus``, 81
    /// functions, built into the library) followed by the compiled starter corpus (``starterCorpus``) —
    /// without negative controls.
    public static var corpus: [any TestFunction] { standardCorpus + starterCorpus }

    /// The 81 functions of the `.grad` suites (`seeds`, `classic`, `ml`, `control-flow`, `kinks`,
    /// `swell`, `jacobians`, `scale`), with their mutants, from the copy built into the library
    /// (``StandardCorpus``), compiled once per process; negative controls left out.
    public static var standardCorpus: [any TestFunction] { builtInSuites }

    /// The compiled Swift starter corpus (13 functions) without its negative control
    /// (`starter/nutty-as-printed`): a quick corpus for tests that run often.
    public static var starterCorpus: [any TestFunction] {
        StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }
    }

    /// The built-in suites compile with no diagnostic (a test of `GradCheckSuites` holds them to it);
    /// should that ever break, the list is empty and the checks that use it say they verified nothing.
    private static let builtInSuites: [any TestFunction] =
        ((try? StandardCorpus.functions()) ?? []).filter { !$0.tags.contains("negative-control") }
}
