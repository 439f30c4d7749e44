import GradCheckCore
import GradCheckEngine

/// The record of how a failing check was judged, as labelled fields: the deciding entry (the worst
/// entry of the worst point) with both values, the absolute and relative error, the bound and the
/// tolerance it came from, error/allowed, the strategy's estimate and the outcome. The numbers are
/// ``EntryRows``'s, in the same words, so a card and a table row never disagree.
public enum JudgementRecord {
    /// The fields of `entry`, in reading order.
    public static func fields(_ entry: EntryJudgement) -> [(label: String, value: String)] {
        let cells = EntryRows.cells(entry)
        let relative = entry.relativeError
        return [
            ("entry", cells[0]),
            ("got", cells[1]),
            ("reference", cells[2]),
            ("abs error", cells[3]),
            ("rel error", relative.isNaN ? "-" : NumberText.short(relative)),
            ("allowed", cells[4] + " (rtol \(NumberText.short(entry.basis.rtol)), atol \(NumberText.short(entry.basis.atol)))"),
            ("error/allowed", cells[5]),
            ("estimate", cells[6]),
            ("judged", cells[7]),
        ]
    }
}
