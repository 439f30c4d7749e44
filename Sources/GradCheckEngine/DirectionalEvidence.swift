import GradCheckCore

/// What a directional check did at one point: how many directions, which disagreed, and what the
/// localization of the wrong entries cost and found (see ``DirectionalComparison``).
public struct DirectionalEvidence: Sendable, Hashable, Codable {
    /// The mode asked for (``DirectionalMode/auto`` above the threshold, or ``DirectionalMode/always``).
    public var mode: DirectionalMode
    /// k, the seeded Rademacher directions compared.
    public var directions: Int
    /// The directions (0-based) along which the derivative disagreed with the reference.
    public var failedDirections: [Int]
    /// Every directional comparison made, the k directions and the localization's restricted ones
    /// (one per output row and direction).
    public var comparisons: Int
    /// The reference's passes (each carries up to ``DirectionalSettings/bundleWidth`` directions).
    public var referencePasses: Int
    /// Whether the localization stopped at ``DirectionalSettings/maximumLocalized`` entries.
    public var capped: Bool
    /// Input ranges [lower, upper) that disagreed although neither half did (wrong entries whose
    /// errors cancel within a half, or a disagreement at the edge of the allowance); not localized further.
    public var unresolved: [[Int]]
    /// The largest |got − reference| / allowed over the k directions.
    public var largestRatio: Double

    public init(
        mode: DirectionalMode, directions: Int, failedDirections: [Int] = [], comparisons: Int = 0, referencePasses: Int = 0,
        capped: Bool = false, unresolved: [[Int]] = [], largestRatio: Double = 0
    ) {
        self.mode = mode
        self.directions = directions
        self.failedDirections = failedDirections
        self.comparisons = comparisons
        self.referencePasses = referencePasses
        self.capped = capped
        self.unresolved = unresolved
        self.largestRatio = largestRatio
    }

    /// 2⁻ᵏ: the most probability with which a derivative having an entry wrong by more than the
    /// directional allowance agrees along all k directions.
    public var escapeBound: Double { Double.pow(0.5, Double(directions)) }

    /// "directional: 8 random directions (escape ≤ 0.0039), 2 disagreed; 96 comparisons in 26 reference passes".
    public var summary: String {
        var text = "directional (\(mode.rawValue)): \(directions) random \(directions == 1 ? "direction" : "directions") "
            + "(escape probability ≤ \(NumberText.short(escapeBound)))"
        if !failedDirections.isEmpty {
            text += ", \(failedDirections.count) disagreed (\(failedDirections.map { "#\($0 + 1)" }.joined(separator: ", ")))"
        }
        text += "; \(comparisons) directional \(comparisons == 1 ? "comparison" : "comparisons") in \(referencePasses) reference "
            + (referencePasses == 1 ? "pass" : "passes")
        if capped { text += "; localization capped" }
        if !unresolved.isEmpty {
            text += "; not localized within " + unresolved.map { "x[\($0[0])..<\($0[1])]" }.joined(separator: ", ")
        }
        return text
    }
}
