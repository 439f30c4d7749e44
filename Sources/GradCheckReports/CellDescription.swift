import GradCheckCore

/// Short texts about a cell that every report format shares.
public enum CellDescription {
    /// The strategy column: the id, with the mutant's number for a mutant (`hand-coded (mutant 1)`).
    public static func strategyLabel(_ cell: CellResult) -> String {
        switch cell.variant {
        case .correct: cell.strategy
        case .mutant(let index): "\(cell.strategy) (mutant \(index + 1))"
        }
    }

    /// A number for a table: "-" when absent, otherwise ``format(_:)``.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return format(value)
    }

    /// ω to two significant decimals ("3.2"), or "-".
    public static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return value >= 100 ? String(Int(value.rounded())) : formatFixed(value, decimals: value >= 10 ? 1 : 2)
    }

    /// The command that re-runs exactly this cell at its worst point.
    public static func replayCommand(_ cell: CellResult, seed: UInt64, points: Int) -> String {
        "gradcheck run --function '\(cell.function)' --strategy \(cell.strategy) --seed \(seed) --points \(points)"
    }
}

/// `value` with a fixed number of decimals (no exponent), for ratios and timings.
public func formatFixed(_ value: Double, decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let fraction = text[text.index(after: dot)...]
        if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
        if decimals == 0 { text = String(text[..<dot]) }
    }
    return text
}
