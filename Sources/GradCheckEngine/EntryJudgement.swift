import GradCheckCore

/// How one entry of a derivative was judged: the single record that every report format and every
/// assertion shows as it was decided, and never re-derives.
///
/// Entry (i, j) is inside when |value − reference| ≤ ``bound``, with
///
///     bound = atol + rtol · scale + widening,   scale = max(|reference|, φ)
///
/// (see ``BoundBasis`` for φ and the widening). ``ratio`` = error / bound is what was judged: at most 1
/// inside. ``certifiedDigits`` = −log₁₀((rtol · scale + widening) / certifiedScale) is how many correct
/// digits a pass of this entry certifies (a user's explicit `atol` is an absolute allowance asked for, and
/// not counted against it).
public struct EntryJudgement: Sendable, Hashable, Codable {
    /// Output row i and input column j: the entry ∂fᵢ/∂xⱼ.
    public var row: Int
    public var column: Int
    /// The value under test (rounded to `Double`).
    public var value: Double
    /// The reference value (rounded to `Double`).
    public var reference: Double
    /// |value − reference| computed in extended precision; NaN when either is not finite.
    public var error: Double
    /// The largest error allowed here.
    public var bound: Double
    /// How ``bound`` was built.
    public var basis: BoundBasis
    /// The strategy's own estimate of this entry's error, when it made one.
    public var estimate: Double?
    public var outcome: EntryOutcome

    public init(
        row: Int, column: Int, value: Double, reference: Double, error: Double, bound: Double, basis: BoundBasis,
        estimate: Double? = nil, outcome: EntryOutcome
    ) {
        self.row = row
        self.column = column
        self.value = value
        self.reference = reference
        self.error = error
        self.bound = bound
        self.basis = basis
        self.estimate = estimate
        self.outcome = outcome
    }

    /// error / bound: the judged quantity (∞ for a non-finite value, NaN when the reference is not finite).
    public var ratio: Double {
        guard reference.isFinite else { return .nan }
        guard value.isFinite, error.isFinite else { return .infinity }
        return bound > 0 ? error / bound : (error > 0 ? .infinity : 0)
    }

    /// error / scale: the relative error at the scale the entry was judged at.
    public var relativeError: Double {
        guard reference.isFinite else { return .nan }
        guard value.isFinite, error.isFinite else { return .infinity }
        return basis.scale > 0 ? error / basis.scale : (error > 0 ? .infinity : 0)
    }

    /// −log₁₀((rtol · scale + widening) / certifiedScale), clamped to [0, 19]: the correct digits a pass of
    /// this entry certifies (0 when the allowance is as large as what it is certified against, never
    /// negative zero).
    public var certifiedDigits: Double {
        let c = basis.certifiedScale
        return Self.digits(relative: c > 0 ? (basis.rtol * basis.scale + basis.widening) / c : .infinity)
    }

    /// −log₁₀(relativeError), clamped to [0, 19]: the digits the value actually has right.
    public var correctDigits: Double { Self.digits(relative: relativeError) }

    /// Correct digits of a relative error (see ``ErrorMeasures/digits(relative:)``).
    public static func digits(relative r: Double) -> Double { ErrorMeasures.digits(relative: r) }

    /// Orders entries by how badly they were judged: a non-finite value first, then by ratio.
    public var severity: Double {
        let r = ratio
        return r.isNaN ? -1 : r
    }
}

/// What was decided for one entry.
public enum EntryOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Within the bound.
    case inside
    /// Outside the bound, or not finite where the reference is.
    case outside
    /// The reference entry is not finite: nothing can be said about this entry.
    case undecided
}

/// The parts of an entry's bound: bound = atol + rtol · scale + widening, scale = max(|reference|, φ).
public struct BoundBasis: Sendable, Hashable, Codable {
    public var rtol: Double
    public var atol: Double
    /// φ: the least size an entry is judged at (see ``FloorSource``).
    public var floor: Double
    /// What set φ.
    public var floorSource: FloorSource
    /// max(|reference|, φ): what `rtol` is a fraction of.
    public var scale: Double
    /// The allowance for the derivative's measured sensitivity to the working precision's rounding,
    /// ``EntryJudge/sensitivityFactor`` · δ (0 when not measured, and for difference methods).
    public var widening: Double
    /// What a pass certifies digits of: the scale, except for an entry judged at a cancellation floor
    /// whose reference is not zero: a pass certifies digits of the entry itself (or of the largest-entry
    /// floor), since a floor set by terms that cancelled says how well it can be known, not how well it is.
    public var certifiedScale: Double

    public init(
        rtol: Double, atol: Double, floor: Double, floorSource: FloorSource, scale: Double, widening: Double,
        certifiedScale: Double? = nil
    ) {
        self.rtol = rtol
        self.atol = atol
        self.floor = floor
        self.floorSource = floorSource
        self.scale = scale
        self.widening = widening
        self.certifiedScale = certifiedScale ?? scale
    }
}

/// What set the floor φ of an entry.
public enum FloorSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// floorFraction · the largest reference entry: small entries are judged at the size of the large ones.
    case largestEntry = "largest-entry"
    /// floorFraction · the size of the terms that cancelled in this entry (its magnitude): the entry is
    /// what remains of a cancellation, known to no better than the rounding of those terms.
    case cancellation
    /// The derivative scale the function's value implies, max|f| / max(1, max|x|) (difference methods,
    /// whose error grows with |f| whatever the size of the derivative).
    case functionValue = "function-value"
    /// λ / rtol, λ the working precision's smallest normal number: no entry is asked to be closer than λ,
    /// below which values are subnormal and lose digits.
    case smallestNormal = "smallest-normal"
    /// Every reference entry is zero and nothing else sets a size: φ = 1.
    /// (With a floor fraction of 0 and a nonzero reference, φ is 0 or the smallest-normal floor: a purely
    /// componentwise test.)
    case unit
}
