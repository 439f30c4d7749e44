import GradCheckCore
import GradCheckEngine

/// The entries every report format shows for one point: its ``EntryJudgement`` records as they were
/// decided, in one order, with the same numbers in the same words. Formats differ only in markup.
///
/// Order: outside entries first, then undecided, then inside; within each, the largest error/allowed
/// first, then row-major. At most `limit` rows; ``hidden`` counts the rest.
public struct EntryRows {
    /// Column headers, shared by every format.
    public static let headers = ["entry", "strategy", "reference", "error", "allowed", "error/allowed", "estimate", "judged"]

    /// One row's cells, in ``headers`` order.
    public var rows: [[String]]
    /// Whether each row is outside its bound (for emphasis).
    public var outside: [Bool]
    /// How many entries are not shown.
    public var hidden: Int

    public init(_ point: PointResult, limit: Int = 12) {
        let entries = (point.entries ?? []).enumerated().sorted { a, b in
            let (ra, rb) = (Self.rank(a.element.outcome), Self.rank(b.element.outcome))
            if ra != rb { return ra < rb }
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
        let shown = entries.prefix(limit)
        rows = shown.map(Self.cells)
        outside = shown.map { $0.outcome == .outside }
        hidden = entries.count - shown.count
    }

    /// The cells of one entry: `[i][j]`, both values (with enough digits to tell them apart), the error,
    /// the bound, their ratio, the strategy's estimate and the outcome with what set the floor when that
    /// was not the largest entry.
    public static func cells(_ entry: EntryJudgement) -> [String] {
        let (got, want) = EntryFormatting.distinct(entry.value, entry.reference)
        var judged = entry.outcome.rawValue
        if entry.basis.floorSource != .largestEntry && entry.basis.floor >= entry.reference.magnitude {
            judged += " (floor: \(entry.basis.floorSource.rawValue))"
        }
        if entry.basis.widening > 0 && entry.basis.widening >= entry.basis.rtol * entry.basis.scale {
            judged += " (widened \(NumberText.short(entry.basis.widening)) for rounding)"
        }
        return [
            "[\(entry.row)][\(entry.column)]", got, want, NumberText.short(entry.error), NumberText.short(entry.bound),
            entry.outcome == .undecided ? "-" : NumberText.short(entry.ratio), entry.estimate.map { NumberText.short($0) } ?? "-", judged,
        ]
    }

    private static func rank(_ outcome: EntryOutcome) -> Int {
        switch outcome {
        case .outside: 0
        case .undecided: 1
        case .inside: 2
        }
    }
}
