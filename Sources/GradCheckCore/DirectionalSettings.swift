/// Whether a check compares derivatives entry by entry or along random directions.
public enum DirectionalMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Along directions when the function has more inputs than ``DirectionalSettings/threshold``,
    /// entry by entry otherwise.
    case auto
    /// Always along directions.
    case always
    /// Always entry by entry (a function over the run's input limit is then not checked).
    case never
}

/// How directional checks are made: when, along how many directions, and how many wrong entries they
/// localize (see ``DirectionalComparison`` for the comparison and its guarantee).
public struct DirectionalSettings: Sendable, Hashable {
    /// When to check along directions.
    public var mode: DirectionalMode = .auto
    /// With ``DirectionalMode/auto``, functions with more inputs than this are checked along directions.
    /// At 1,000 inputs the all-partials reference costs about 1,000 times a directional one.
    public var threshold = 1_000
    /// k, the number of seeded Rademacher directions per point. A gradient with an entry wrong by more
    /// than the directional allowance escapes all k with probability at most 2⁻ᵏ (1/256 for k = 8).
    public var directions = DirectionalSettings.standardDirections
    /// The most wrong entries localized per point; beyond it the localization stops and says so.
    public var maximumLocalized = 16
    /// How many directions one reference pass carries at once (memory per value grows with it).
    public var bundleWidth = 8

    /// The default k: 8 directions, escape probability at most 2⁻⁸ ≈ 0.004 for an entry beyond the
    /// allowance.
    public static let standardDirections = 8

    public init(mode: DirectionalMode = .auto, directions: Int = DirectionalSettings.standardDirections) {
        self.mode = mode
        self.directions = directions
    }

    /// Whether a function with `inputCount` inputs is checked along directions.
    public func applies(toInputCount inputCount: Int) -> Bool {
        switch mode {
        case .always: true
        case .never: false
        case .auto: inputCount > threshold
        }
    }

    /// k seeded Rademacher directions of length `count` (entries ±1, each sign from one random bit), the
    /// same for the same seed and salt on every platform.
    public func signs(count: Int, seed: UInt64, salt: String) -> [[Int8]] {
        var generator = SeededGenerator(seed: seed, salt: "rademacher/" + salt)
        return (0..<Swift.max(1, directions)).map { _ in
            var signs = [Int8](repeating: 1, count: count)
            var bits: UInt64 = 0
            for j in 0..<count {
                if j % 64 == 0 { bits = generator.next() }
                if bits & 1 == 1 { signs[j] = -1 }
                bits >>= 1
            }
            return signs
        }
    }
}
