/// Floating-point operations tallied by kind: the measured cost of one computation.
///
/// Every elementary operation counts 1 (an addition, a multiplication, a division, one call of an
/// elementary function); comparisons are counted apart and are not part of ``total``, since they do no
/// arithmetic. The headline cost ratio of a derivative is ω = total(∇f) / total(f).
public struct OperationCounts: Sendable, Hashable, Codable {
    /// Additions, subtractions and negations.
    public var additions: Int = 0
    /// Multiplications (and integer powers, counted per multiplication they need).
    public var multiplications: Int = 0
    /// Divisions.
    public var divisions: Int = 0
    /// Calls of elementary functions: exp, log, sin, sqrt, pow, …
    public var elementary: Int = 0
    /// Comparisons of values (branch decisions); not included in ``total``.
    public var comparisons: Int = 0

    public init() {}

    public init(additions: Int, multiplications: Int, divisions: Int, elementary: Int, comparisons: Int) {
        self.additions = additions
        self.multiplications = multiplications
        self.divisions = divisions
        self.elementary = elementary
        self.comparisons = comparisons
    }

    /// All arithmetic operations: additions + multiplications + divisions + elementary calls.
    public var total: Int { additions + multiplications + divisions + elementary }

    public static func + (lhs: OperationCounts, rhs: OperationCounts) -> OperationCounts {
        OperationCounts(
            additions: lhs.additions + rhs.additions,
            multiplications: lhs.multiplications + rhs.multiplications,
            divisions: lhs.divisions + rhs.divisions,
            elementary: lhs.elementary + rhs.elementary,
            comparisons: lhs.comparisons + rhs.comparisons)
    }
}

/// The kinds of operation that ``OperationTally`` distinguishes.
public enum OperationKind: Sendable {
    case addition, multiplication, division, elementary, comparison
}
