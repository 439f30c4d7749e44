import GradCheckCore
import GradCheckEngine

/// The text of a check that did not pass: the headline, the reference and the tolerance, the worst
/// entry, hints where a pattern holds across every wrong entry (``FailureHints``), a table of the wrong
/// entries in index order (point, entry, value, reference, their ratio, absolute and relative error, the
/// allowed error, the reference's error estimate), then points that failed without a comparison (a
/// throw, a wrong shape) and points the reference could not decide, and finally every point that did not
/// pass, with its origin (explicit, or random draw k of n and the seed).
///
/// ```
/// gradient check failed at 2 of 3 points: 2 of 6 entries wrong
/// reference: forward mode (all partials at once) in Float80, cross-checked by Richardson extrapolation in Float80
/// tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ), rtol 2.22045e-11, atol 0, φ = 0.001·max|reference|
/// worst: ∂f/∂x[0] at point 3: got 0.5, reference -1, abs error 1.5, rel error 1.5
///
/// point  entry     got  reference  got/ref  abs error  rel error      allowed  ref. estimate
/// -----  --------  ---  ---------  -------  ---------  ---------  -----------  -------------
///     2  ∂f/∂x[0]    4          6 0.666667          2   0.333333  1.33227e-10          exact
///     3  ∂f/∂x[0]  0.5         -1     -0.5        1.5        1.5  2.22045e-11          exact
///
/// point 2: [3.0, -1.0] (explicit)
/// point 3: [-0.5, 0.0] (explicit)
/// ```
///
/// Numbers have 6 significant digits. The table shows at most ``entryLimit`` rows and then counts the
/// rest; a point of more than ``coordinateLimit`` coordinates is shown by its first and last ones and
/// its length. ``renderInFull(_:)`` leaves nothing out — the `expect…` functions attach it to the test's
/// record when the short text did leave something out — and prints every coordinate in Swift's shortest
/// exact form, so pasting a point back into `at:` replays it bit for bit.
public enum FailureText {
    /// The most wrong entries the short text lists (20); the rest are counted.
    public static let entryLimit = 20
    /// The most coordinates the short text prints of a point (8); a longer point is summarised.
    public static let coordinateLimit = 8

    /// The short text of `report` (also for a report that passed, whose text is then just its header).
    public static func render(_ report: GradientCheckReport) -> String {
        render(report, entryLimit: entryLimit, coordinateLimit: coordinateLimit)
    }

    /// The text of `report` with every wrong entry and every point in full.
    public static func renderInFull(_ report: GradientCheckReport) -> String {
        render(report, entryLimit: .max, coordinateLimit: .max)
    }

    /// Whether the short text leaves something out that ``renderInFull(_:)`` shows.
    public static func isAbridged(_ report: GradientCheckReport) -> Bool {
        report.badEntries.count > entryLimit
            || report.points.contains { $0.outcome != .passed && $0.point.coordinates.count > coordinateLimit }
    }

    static func render(_ report: GradientCheckReport, entryLimit: Int, coordinateLimit: Int) -> String {
        var lines = [headline(report), "reference: \(report.reference)", toleranceLine(report)]
        if report.points.isEmpty {
            lines += ["", "no points: give at least one point, or a number of random points and a box"]
        }
        let bad = report.badEntriesInIndexOrder
        if let (point, entry) = report.badEntries.first {
            lines.append(
                "worst: \(entry.name) at \(label(point)): got \(NumberText.short(entry.value)), reference \(NumberText.short(entry.reference)), "
                    + "abs error \(NumberText.short(entry.absoluteError)), rel error \(NumberText.short(entry.relativeError))")
            lines += FailureHints.hints(for: report).map { "hint: \($0)" }
            lines.append("")
            lines += table(Array(bad.prefix(entryLimit)))
            if bad.count > entryLimit {
                let rest = bad.count - entryLimit
                lines.append(
                    "… and \(rest) more wrong \(plural(rest, "entry", "entries")) (\(bad.count) in all): "
                        + "the full table is attached to the test's record (and in the report's fullFailureText)")
            }
        }
        let errors = report.points.filter { $0.outcome == .failed && $0.message != nil }
        if !errors.isEmpty {
            lines.append("")
            lines += errors.map { "\(label($0)): \($0.message ?? "")" }
        }
        let undecided = report.points.filter { $0.outcome == .undecided }
        if !undecided.isEmpty {
            lines.append("")
            lines.append("undecided (nothing verified there):")
            lines += undecided.map { "\(label($0)): \($0.message ?? "the reference could not decide")" }
        }
        let shown = report.points.filter { $0.outcome != .passed }
        lines.append("")
        lines += shown.map { point in
            let x = point.point.coordinates
            let length = x.count > coordinateLimit && x.count > 5 ? "\(x.count) coordinates, " : ""
            return "\(label(point)): \(coordinates(x, limit: coordinateLimit)) (\(length)\(origin(point.point.origin)))"
        }
        if let hint = report.replayHint { lines.append("replay: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// "gradient check failed at 2 of 3 points: 2 of 6 entries wrong" (entries over all points compared),
    /// or "… undecided at …".
    static func headline(_ report: GradientCheckReport) -> String {
        let failed = report.points.filter { $0.outcome == .failed }.count
        let total = report.points.count
        switch report.outcome {
        case .passed:
            return "\(report.subject) check passed at \(total) \(plural(total, "point"))"
        case .failed:
            let wrong = report.badEntries.count
            let entries = report.points.reduce(0) { $0 + $1.entries.count }
            let detail = wrong > 0 ? ": \(wrong) of \(entries) \(plural(entries, "entry", "entries")) wrong" : ""
            let what = failed > 0 ? "at \(failed) of \(total) \(plural(total, "point"))" : "with nothing verified"
            return "\(report.subject) check failed \(what)\(detail)"
        case .undecided:
            let unsure = report.points.filter { $0.outcome == .undecided }.count
            return "\(report.subject) check undecided at \(unsure) of \(total) \(plural(total, "point")): nothing could be verified there"
        }
    }

    static func toleranceLine(_ report: GradientCheckReport) -> String {
        let t = report.tolerance
        let estimate = report.estimateFactor > 0 ? " + \(NumberText.short(report.estimateFactor))·estimate" : ""
        return "tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ)\(estimate), "
            + "rtol \(NumberText.short(t.rtol)), atol \(NumberText.short(t.atol)), φ = \(NumberText.short(t.floorFraction))·max|reference|"
    }

    static func table(_ bad: [(point: PointCheck, entry: EntryCheck)]) -> [String] {
        let header = ["point", "entry", "got", "reference", "got/ref", "abs error", "rel error", "allowed", "ref. estimate"]
        let rows = bad.map { point, entry in
            [
                point.function.map { "\($0) #\(point.point.index)" } ?? "\(point.point.index)",
                entry.name, NumberText.short(entry.value), NumberText.short(entry.reference), ratio(entry), NumberText.short(entry.absoluteError),
                NumberText.short(entry.relativeError), NumberText.short(entry.allowed), entry.referenceEstimate.map { NumberText.short($0) } ?? "exact",
            ]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        // The entry name (and a function name) reads left to right; numbers line up on the right.
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 1 || (c == 0 && bad.contains { $0.point.function != nil }) ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
    }

    /// "point 2", or "starter/cubic point 2" in a strategy check.
    static func label(_ point: PointCheck) -> String {
        (point.function.map { "\($0) " } ?? "") + "point \(point.point.index)"
    }

    /// got/reference, or "—" where the reference is 0 or a value is not finite.
    static func ratio(_ entry: EntryCheck) -> String {
        let ratio = entry.value / entry.reference
        return entry.reference != 0 && ratio.isFinite ? NumberText.short(ratio) : "—"
    }

    /// `[1.0, -0.25]`: every coordinate in Swift's shortest exact form; beyond `limit` coordinates the
    /// first three and the last two: `[1.0, 2.0, 3.0, …, 57.0, 58.0]` (the caller gives the count).
    static func coordinates(_ x: [Double], limit: Int = .max) -> String {
        guard x.count > limit, x.count > 5 else { return "[" + x.map { "\($0)" }.joined(separator: ", ") + "]" }
        let head = x.prefix(3).map { "\($0)" }, tail = x.suffix(2).map { "\($0)" }
        return "[" + (head + ["…"] + tail).joined(separator: ", ") + "]"
    }

    static func origin(_ origin: PointOrigin) -> String {
        switch origin {
        case .explicit: "explicit"
        case .random(let seed, let draw, let count): "random draw \(draw) of \(count), seed \(seed)"
        case .corpus(let seed, let draw, let count): "sample \(draw) of \(count) of the function's sampling, seed \(seed)"
        }
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
