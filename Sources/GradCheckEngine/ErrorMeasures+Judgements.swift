import GradCheckCore

extension ErrorMeasures {
    /// The measures of a judged derivative, read off its records (``EntryJudge``): the relative error of
    /// each entry is its error over the scale it was judged at (``EntryJudgement/relativeError``), and the
    /// worst entry is the one with the largest error/bound, the entry that decided the point.
    public init(judgements: [EntryJudgement]) {
        let judged = judgements.filter { $0.outcome != .undecided }
        guard judged.allSatisfy({ $0.value.isFinite }) else {
            let bad = judged.first { !$0.value.isFinite }!
            self.init(
                maxAbsolute: .nan, maxRelative: .nan, normwiseRelative: .nan, digits: .nan,
                worstEntry: EntryIndex(row: bad.row, column: bad.column))
            return
        }
        let worst = judged.max { $0.severity < $1.severity }
        let maxRelative = judged.map(\.relativeError).max() ?? 0
        let referenceSquares = judged.reduce(0.0) { $0 + $1.reference * $1.reference }
        let differenceSquares = judged.reduce(0.0) { $0 + $1.error * $1.error }
        self.init(
            maxAbsolute: judged.map(\.error).max() ?? 0, maxRelative: maxRelative,
            normwiseRelative: (referenceSquares > 0 ? differenceSquares / referenceSquares : differenceSquares).squareRoot(),
            digits: Self.digits(relative: maxRelative),
            worstEntry: worst.map { EntryIndex(row: $0.row, column: $0.column) } ?? EntryIndex(row: 0, column: 0))
    }
}
