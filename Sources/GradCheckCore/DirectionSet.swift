/// Directions for a reference to differentiate along: restrictions of seeded Rademacher sign vectors to
/// ranges of inputs.
///
/// Member d is u_d with (u_d)ⱼ = sⱼ (the sign of its base vector, ±1) for j in its range and 0 elsewhere.
/// The full directions of a directional check have the whole input range; the localization tests
/// halves, quarters, … of a disagreeing direction's support (``DirectionalComparison``).
public struct DirectionSet: Sendable {
    /// One direction: a base sign vector restricted to a range of inputs.
    public struct Member: Sendable, Hashable {
        /// Which sign vector.
        public var base: Int
        /// The inputs where the direction is ±1; 0 elsewhere.
        public var range: Range<Int>

        public init(base: Int, range: Range<Int>) {
            self.base = base
            self.range = range
        }
    }

    /// The ±1 sign vectors, each of length n.
    public let signs: [[Int8]]
    /// The directions, in the order the reference returns their derivatives.
    public var members: [Member]

    public init(signs: [[Int8]], members: [Member]) {
        self.signs = signs
        self.members = members
    }

    /// Every sign vector over all n inputs.
    public static func full(_ signs: [[Int8]]) -> DirectionSet {
        DirectionSet(signs: signs, members: signs.indices.map { Member(base: $0, range: 0..<signs[$0].count) })
    }

    /// (u_d)ⱼ: ±1 inside member d's range, 0 outside.
    @inline(__always)
    public func component(_ d: Int, _ j: Int) -> Double {
        let member = members[d]
        return member.range.contains(j) ? Double(signs[member.base][j]) : 0
    }

    /// The tangents of input j, one per member (all zero when j is in no member's range).
    public func tangents(ofInput j: Int) -> [Double] {
        members.indices.map { component($0, j) }
    }

    /// Whether input j lies in some member's range (else it is a constant for this pass).
    public func touches(_ j: Int) -> Bool {
        members.contains { $0.range.contains(j) }
    }
}

/// What a reference gives along a ``DirectionSet``: J·u for each member, with the size of the terms
/// summed into it and the reference's own error estimate.
public struct DirectionalReferenceResult: Sendable {
    /// f(x).
    public var value: [ExtendedReal]
    /// derivatives[d][i] = (J·u_d)ᵢ.
    public var derivatives: [[ExtendedReal]]
    /// magnitudes[d][i] ≥ Σⱼ |Jᵢⱼ|·|(u_d)ⱼ|: the same chain-rule sum over absolute values (see the
    /// reference's number type); 0 when unknown.
    public var magnitudes: [[ExtendedReal]]
    /// estimates[d][i]: a bound on the reference's own error in derivatives[d][i] (its rounding for an
    /// exact reference, the extrapolation's estimate for differences).
    public var estimates: [[ExtendedReal]]
    /// Why the reference is in doubt here, when an independent cross-check disagreed with it.
    public var dispute: String?

    public init(
        value: [ExtendedReal], derivatives: [[ExtendedReal]], magnitudes: [[ExtendedReal]], estimates: [[ExtendedReal]],
        dispute: String? = nil
    ) {
        self.value = value
        self.derivatives = derivatives
        self.magnitudes = magnitudes
        self.estimates = estimates
        self.dispute = dispute
    }
}
