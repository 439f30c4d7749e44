/// How far a derivative is from the reference, entry by entry and as a whole.
///
/// With a the strategy's Jacobian, r the reference and sᵢⱼ = max(|rᵢⱼ|, φ) the scale each entry is measured
/// at — for a judged point the scale its ``EntryJudgement`` was judged at (``init(judgements:)``); for a
/// bare comparison (``init(candidate:reference:)``, step sweeps) φ = 10⁻³ · maxᵢⱼ |rᵢⱼ|, 1 when r = 0:
/// - ``maxAbsolute`` = maxᵢⱼ |aᵢⱼ − rᵢⱼ|
/// - ``maxRelative`` = maxᵢⱼ |aᵢⱼ − rᵢⱼ| / sᵢⱼ  (componentwise)
/// - ``normwiseRelative`` = ‖a − r‖_F / ‖r‖_F  (‖a − r‖_F when r = 0)
/// - ``digits`` = −log₁₀(maxRelative), clamped to [0, 19]: the number of correct significant digits
///   of the worst entry.
/// All of them are NaN when any entry of a is NaN or ±∞, so that they never compare as small.
public struct ErrorMeasures: Sendable, Hashable, Codable {
    public var maxAbsolute: Double
    public var maxRelative: Double
    public var normwiseRelative: Double
    public var digits: Double
    /// The entry with the largest relative error: (output row, input column).
    public var worstEntry: EntryIndex

    /// The relative floor φ as a fraction of the reference's largest entry.
    public static let relativeFloorFraction: ExtendedReal = 1e-3

    /// Measures already computed (e.g. read back from a saved report).
    public init(maxAbsolute: Double, maxRelative: Double, normwiseRelative: Double, digits: Double, worstEntry: EntryIndex) {
        self.maxAbsolute = maxAbsolute
        self.maxRelative = maxRelative
        self.normwiseRelative = normwiseRelative
        self.digits = digits
        self.worstEntry = worstEntry
    }

    /// Measures `candidate` against `reference`; both must have the same shape.
    public init(candidate: [[ExtendedReal]], reference: [[ExtendedReal]]) {
        var largest: ExtendedReal = 0
        var referenceSquares: ExtendedReal = 0
        for row in reference {
            for r in row {
                largest = Swift.max(largest, r.magnitude)
                referenceSquares += r * r
            }
        }
        let floor = largest > 0 ? largest * Self.relativeFloorFraction : 1
        var maxAbs: ExtendedReal = 0
        var maxRel: ExtendedReal = 0
        var differenceSquares: ExtendedReal = 0
        var worst = EntryIndex(row: 0, column: 0)
        var allFinite = true
        for (i, row) in reference.enumerated() {
            for (j, r) in row.enumerated() {
                let a = candidate[i][j]
                guard a.isFinite else {
                    allFinite = false
                    worst = EntryIndex(row: i, column: j)
                    continue
                }
                let difference = (a - r).magnitude
                let relative = difference / Swift.max(r.magnitude, floor)
                if relative > maxRel {
                    maxRel = relative
                    worst = EntryIndex(row: i, column: j)
                }
                maxAbs = Swift.max(maxAbs, difference)
                differenceSquares += difference * difference
            }
        }
        guard allFinite else {
            self.maxAbsolute = .nan
            self.maxRelative = .nan
            self.normwiseRelative = .nan
            self.digits = .nan
            self.worstEntry = worst
            return
        }
        let normwise = referenceSquares > 0
            ? (differenceSquares / referenceSquares).squareRoot() : differenceSquares.squareRoot()
        self.maxAbsolute = Double(maxAbs)
        self.maxRelative = Double(maxRel)
        self.normwiseRelative = Double(normwise)
        self.digits = Self.digits(relative: Double(maxRel))
        self.worstEntry = worst
    }

    /// −log₁₀ r clamped to [0, 19] (19 for r = 0, 0 for NaN), written without a negative zero.
    public static func digits(relative r: Double) -> Double {
        guard !r.isNaN else { return 0 }
        guard r > 0 else { return 19 }
        let d = Swift.min(19, Swift.max(0, -Double.log10(r)))
        return d == 0 ? 0 : d
    }

    /// The derivative scale implied by a function's value: max|f(x)| / max(1, max|x|).
    public static func valueScale(value: [ExtendedReal], point: [Double]) -> ExtendedReal {
        let size = point.map(\.magnitude).max() ?? 0
        return (value.map(\.magnitude).max() ?? 0) / ExtendedReal(Swift.max(1, size))
    }
}

/// One entry of a Jacobian: ∂f_row/∂x_column.
public struct EntryIndex: Sendable, Hashable, Codable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
