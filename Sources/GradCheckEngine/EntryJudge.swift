import GradCheckCore

/// Judges a derivative against the reference entry by entry: the one place a tolerance is applied.
///
/// For entry (i, j) with reference rᵢⱼ (see ``EntryJudgement`` and ``BoundBasis``):
///
///     φᵢⱼ = max(floorFraction · maxₖₗ |rₖₗ|,  floorFraction · mᵢⱼ  (exact methods),
///               max|f| / max(1, max|x|)  (difference methods),  λ / rtol)
///     (φᵢⱼ = 1 when the reference is all zeros and nothing else sets a size)
///     bound = atol + rtol · max(|rᵢⱼ|, φᵢⱼ) + sensitivityFactor · δᵢⱼ  (δ for exact methods only)
///
/// - mᵢⱼ, the *magnitude*, is the size of the terms the reference summed into the entry. An entry much
///   smaller than it is what remains of a cancellation; rounding of the terms moves it by about ε·mᵢⱼ in
///   every exact method, so such an entry is judged at floorFraction · mᵢⱼ (with the default tolerances,
///   about 100 ulps of the terms). A zero true gradient made of terms that cancel therefore passes at the
///   rounding level and fails at any real error.
/// - δᵢⱼ, the *sensitivity*, is how far the working precision's rounding alone moves the entry: the same
///   reference rules evaluated in that precision, against extended precision. It widens an exact method's
///   bound where the derivative itself is ill-conditioned. The rounding of f's *value* never widens it:
///   a noisy value says nothing about the derivative.
/// - A pass certifies digits of max(|rᵢⱼ|, φᵢⱼ) — except where the cancellation floor set φᵢⱼ and rᵢⱼ is
///   not zero (|rᵢⱼ| > 10³·ε_ext·mᵢⱼ, above the reference's own rounding of the terms): then of
///   max(|rᵢⱼ|, floorFraction · maxₖₗ |rₖₗ|), the entry itself. A zero made of cancelling terms is certified
///   to be zero to within their rounding; a small nonzero remainder (eˣ − 1 at x = 10⁻⁷ in Float) is
///   certified only as far as its own digits go (see ``EntryJudgement/certifiedDigits``).
/// - λ, the working precision's smallest normal number, sets the last floor: rtol · φ ≥ λ, so no entry is
///   asked to be closer than λ. Below λ values are subnormal and carry few or no digits (Float's
///   e^(−100) ≈ 3.7e-44 has two); a method whose intermediate underflows to 0 there is right to within
///   the precision's range.
///
/// An entry whose reference is not finite is undecided. A non-finite value is outside (NaN never passes,
/// ∞ never passes, not even against an infinite bound) — except in a row whose reference has an infinite
/// or NaN entry: there a NaN is the IEEE product ∞·0 of that entry's local derivative and a zero tangent,
/// which number types that propagate all partials together (dual numbers) cannot avoid, so that entry is
/// undecided rather than a wrong derivative.
public struct EntryJudge: Sendable {
    public var tolerance: Tolerance
    /// mᵢⱼ (see above); nil when the reference did not measure it.
    public var magnitudes: [[ExtendedReal]]?
    /// δᵢⱼ (see above); nil when not measured.
    public var sensitivity: [[ExtendedReal]]?
    /// max|f| / max(1, max|x|); used only when the tolerance ``Tolerance/scalesWithValue``.
    public var valueScale: ExtendedReal
    /// The working precision's smallest positive normal number.
    public var leastNormal: ExtendedReal

    /// How many times the measured sensitivity δ is allowed on top of the tolerance. Rounding errors of
    /// different evaluation orders of one formula differ by small factors; a real rule error is not
    /// explained by ten times what rounding does.
    public static let sensitivityFactor: ExtendedReal = 10

    public init(
        tolerance: Tolerance, magnitudes: [[ExtendedReal]]? = nil, sensitivity: [[ExtendedReal]]? = nil,
        valueScale: ExtendedReal = 0, leastNormal: ExtendedReal = 0
    ) {
        self.tolerance = tolerance
        self.magnitudes = magnitudes
        self.sensitivity = sensitivity
        self.valueScale = valueScale
        self.leastNormal = leastNormal
    }

    /// Every entry of `candidate` (same shape as `reference`) judged, row-major; `estimates`, when given,
    /// are recorded beside the entries.
    public func judge(
        candidate: [[ExtendedReal]], reference: [[ExtendedReal]], estimates: [[ExtendedReal]]? = nil
    ) -> [EntryJudgement] {
        let largest = reference.joined().filter(\.isFinite).map(\.magnitude).max() ?? 0
        var judgements: [EntryJudgement] = []
        judgements.reserveCapacity(reference.count * (reference.first?.count ?? 0))
        for (i, row) in reference.enumerated() {
            let rowHasNonFinite = row.contains { !$0.isFinite }
            for (j, r) in row.enumerated() {
                let a = candidate[i][j]
                let (floor, source) = floor(largest: largest, row: i, column: j)
                let scale = Swift.max(r.isFinite ? r.magnitude : 0, floor)
                let widening = tolerance.scalesWithValue ? 0 : Self.sensitivityFactor * (sensitivity?[i][j] ?? 0)
                let bound = ExtendedReal(tolerance.atol) + ExtendedReal(tolerance.rtol) * scale + widening
                let certified = certifiedScale(r, scale: scale, source: source, largest: largest, row: i, column: j)
                let error = (a - r).magnitude
                let outcome: EntryOutcome =
                    if !r.isFinite || (!a.isFinite && rowHasNonFinite) { .undecided }
                    else if !a.isFinite || !(error <= bound) { .outside }
                    else { .inside }
                judgements.append(EntryJudgement(
                    row: i, column: j, value: Double(a), reference: Double(r),
                    error: a.isFinite && r.isFinite ? Double(error) : .nan, bound: Double(bound),
                    basis: BoundBasis(
                        rtol: tolerance.rtol, atol: tolerance.atol, floor: Double(floor), floorSource: source,
                        scale: Double(scale), widening: Double(widening), certifiedScale: Double(certified)),
                    estimate: estimates.map { Double($0[i][j]) }, outcome: outcome))
            }
        }
        return judgements
    }

    /// The correct digits a pass must certify for a tolerance of relative size `rtol`: 6, or one digit
    /// fewer than the tolerance itself asks for when that is less (Float, or a user's loose `--rtol`).
    public static func requiredDigits(rtol: Double) -> Double {
        Swift.min(6, -Double.log10(rtol) - 1)
    }

    /// What a pass of entry (i, j) certifies digits of (see the type's description).
    private func certifiedScale(
        _ r: ExtendedReal, scale: ExtendedReal, source: FloorSource, largest: ExtendedReal, row i: Int, column j: Int
    ) -> ExtendedReal {
        guard source == .cancellation, r.isFinite, let m = magnitudes?[i][j] else { return scale }
        let zeroWithinRounding = r.magnitude <= Self.zeroThreshold * ExtendedReal.ulpOfOne * m
        if zeroWithinRounding { return scale }
        let underflow = tolerance.rtol > 0 ? leastNormal / ExtendedReal(tolerance.rtol) : leastNormal
        return Swift.max(r.magnitude, ExtendedReal(tolerance.floorFraction) * largest, underflow)
    }

    /// A reference entry within this many extended-precision ulps of its terms' magnitude is zero as far as
    /// the reference can tell.
    public static let zeroThreshold: ExtendedReal = 1000

    /// φᵢⱼ and what set it (see the type's description).
    private func floor(largest: ExtendedReal, row i: Int, column j: Int) -> (ExtendedReal, FloorSource) {
        let fraction = ExtendedReal(tolerance.floorFraction)
        var floor = fraction * largest, source = FloorSource.largestEntry
        if !tolerance.scalesWithValue, let m = magnitudes?[i][j], m.isFinite, fraction * m > floor {
            (floor, source) = (fraction * m, .cancellation)
        }
        if tolerance.scalesWithValue, valueScale.isFinite, valueScale > floor {
            (floor, source) = (valueScale, .functionValue)
        }
        // φ = 1 only for an all-zero reference with nothing else to size it; a floor fraction of 0
        // (`@tolerance(floor: 0)`) asks for a purely componentwise test and gets one.
        if floor == 0 && largest == 0 { (floor, source) = (1, .unit) }
        let underflow = tolerance.rtol > 0 ? leastNormal / ExtendedReal(tolerance.rtol) : leastNormal
        if underflow > floor { (floor, source) = (underflow, .smallestNormal) }
        return (floor, source)
    }
}
