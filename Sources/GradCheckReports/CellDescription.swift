import Foundation
import GradCheckCore
import GradCheckEngine

/// Short texts about a cell that every report format shares.
public enum CellDescription {
    /// The strategy column: the id, with the mutant's number for a mutant (`hand-coded (mutant 1)`).
    public static func strategyLabel(_ cell: CellResult) -> String {
        switch cell.variant {
        case .correct: cell.strategy
        case .mutant(let index): "\(cell.strategy) (mutant \(index + 1))"
        }
    }

    /// A number for a table: "-" when absent, otherwise ``NumberText.short(_:)``.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return NumberText.short(value)
    }

    /// ω to two significant decimals ("3.2"), whole from 100 ("412"), in exponent form from 10¹⁵ (where
    /// `Int` would no longer do: a saved report may hold any timing), or "-".
    public static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        if value.magnitude >= 1e15 { return NumberText.short(value) }
        return value >= 100 ? String(Int(value.rounded())) : NumberText.fixed(value, decimals: value >= 10 ? 1 : 2)
    }

    /// The error measures of the cell's worst point (the one that decided its verdict), if it has any.
    public static func worstErrors(_ cell: CellResult) -> ErrorMeasures? {
        cell.worstPointIndex.flatMap { cell.points[$0].errors }
    }

    /// The entry that decided the cell: the worst judged entry of its worst point, when the cell was
    /// judged against an undisputed reference (nil for disputed, outside-domain and unsupported cells).
    public static func worstJudgement(_ cell: CellResult) -> EntryJudgement? {
        guard isJudged(cell), let index = cell.worstPointIndex else { return nil }
        return cell.points[index].worstEntry
    }

    /// Whether the cell's verdict came from judging entries against the reference.
    public static func isJudged(_ cell: CellResult) -> Bool {
        ![.disputed, .outsideDomain, .unsupported].contains(cell.verdict)
    }

    /// The judged error/allowed of the cell's deciding entry ("0.0123"; above 1 is outside), or "-".
    public static func judgedRatio(_ cell: CellResult) -> String {
        guard let entry = worstJudgement(cell), !entry.ratio.isNaN else { return "-" }
        return NumberText.short(entry.ratio)
    }

    /// The correct digits of the cell's deciding entry, relative to the scale it was judged at, to one
    /// decimal ("15.9"), or "-".
    public static func digits(_ cell: CellResult) -> String {
        guard let entry = worstJudgement(cell), entry.value.isFinite else { return "-" }
        return NumberText.fixed(entry.correctDigits, decimals: 1)
    }

    /// Why a cell that was not simply judged (disputed, inconclusive, outside-domain, unsupported, error)
    /// has its verdict, shortened to `limit` characters; empty for the others.
    /// A cell checked along random directions says so first: "directional ×8" (k directions).
    public static func note(_ cell: CellResult, limit: Int = 72) -> String {
        let mode = directionalMode(cell)
        guard [.disputed, .inconclusive, .outsideDomain, .unsupported, .error].contains(cell.verdict),
            let message = cell.message
        else { return mode ?? "" }
        let text = mode.map { "\($0); \(message)" } ?? message
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// "directional ×8" when the cell's points were checked along k random directions, else nil.
    public static func directionalMode(_ cell: CellResult) -> String? {
        cell.points.lazy.compactMap(\.directional).first.map { "directional ×\($0.directions)" }
    }

    /// A point's coordinates for a report line: all of them up to 16, else the first 6 and the count.
    public static func coordinates(_ point: [Double]) -> String {
        point.count > 16
            ? point.prefix(6).map { NumberText.short($0) }.joined(separator: ", ") + ", … (\(point.count) inputs)"
            : point.map { NumberText.short($0) }.joined(separator: ", ")
    }

    /// A duration for people: "850 ns", "12.3 µs", "1.23 ms", "2.5 s" (three significant digits).
    public static func duration(nanoseconds: Double) -> String {
        guard nanoseconds.isFinite, nanoseconds >= 0 else { return NumberText.short(nanoseconds) + " ns" }
        let (value, unit): (Double, String) = switch nanoseconds {
        case ..<1_000: (nanoseconds, "ns")
        case ..<1_000_000: (nanoseconds / 1_000, "µs")
        case ..<1_000_000_000: (nanoseconds / 1_000_000, "ms")
        default: (nanoseconds / 1_000_000_000, "s")
        }
        let decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        return NumberText.fixed(value, decimals: decimals) + " " + unit
    }

    /// The command that re-runs exactly this cell at its worst point, as the run recorded in `metadata`
    /// made it: the suite file the function came from when it came from a file (see
    /// ``RunMetadata/suiteSources``; the built-in corpus and compiled functions need none), then the
    /// function, the strategy, the seed, the points, a precision other than `Double` and the run's other
    /// options that shape a cell (``RunMetadata/replayOptions``: tolerances, limits). The function is
    /// always quoted; an id with a glob character (`*`, `?`, from a suite file named `a*.grad`) is given
    /// to `--function-id`, which selects by exact id, since `--function 'a*/f'` would also run `a/f` and
    /// `ax/f`. The other words are quoted only when they need to be. A relative path is relative to the
    /// directory the run was made in.
    public static func replayCommand(_ cell: CellResult, metadata: RunMetadata) -> String {
        var words = ["gradcheck", "run"]
        if let path = metadata.suiteSources[cell.function.suite] {
            // A path that starts with "-" would read as an option.
            words.append(shellWord(path.hasPrefix("-") ? "./" + path : path))
        }
        let id = cell.function.description
        let exact = id.contains("*") || id.contains("?")
        words += [exact ? "--function-id" : "--function", singleQuoted(id), "--strategy", shellWord(cell.strategy)]
        words += ["--seed", String(metadata.seed)]
        // `--points auto` is among the replayed options when the run used it (its points depend only on
        // the function and the seed).
        if !metadata.replayOptions.contains("--points") { words += ["--points", String(metadata.pointsPerFunction)] }
        if metadata.precision != "Double" { words += ["--precision", shellWord(metadata.precision.lowercased())] }
        words += metadata.replayOptions.map(shellWord)
        return words.joined(separator: " ")
    }

    /// `text` as it stands when it is one plain shell word, else single-quoted.
    static func shellWord(_ text: String) -> String {
        isPlainShellWord(text) ? text : singleQuoted(text)
    }

    /// `text` in single quotes for a POSIX shell, each `'` written as `'\''`.
    public static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Whether `text` is one shell word as it stands: ASCII letters, digits and `-_./:=@+,` only.
    static func isPlainShellWord(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-_./:=@+,".unicodeScalars.contains(scalar))
        }
    }
}
