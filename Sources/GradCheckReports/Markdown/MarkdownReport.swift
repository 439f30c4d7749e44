import GradCheckCore
import GradCheckEngine

/// The Markdown report, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a status heading, a
/// summary line (counts by verdict, mutants caught, the slowest and the worst check), the failures with
/// their entries and replay commands, then each suite's table folded in a `<details>` block whose
/// summary gives its counts (so the page opens on what matters), then the one-sided branches (if any).
///
/// The report stays within ``byteLimit`` (GitHub's 1 MiB limit on a job summary): the failures that
/// would cross it are counted instead of shown, and a suite table that would cross it is left out with a
/// line saying so; the JSON and HTML reports have everything. (The heading, the summary and the one-sided
/// branches are always written.)
///
/// Every string from a suite goes through ``MarkdownText/escape(_:)`` (or into a code block whose fence
/// it cannot close, or ``XMLText/escape(_:attribute:)`` inside the HTML `<summary>`), so a function
/// named `a|b` or `<script>` shows as itself and never breaks a table.
public struct MarkdownReport {
    public var report: RunReport
    /// The most bytes of UTF-8 the report may take.
    public var byteLimit: Int

    /// GitHub's limit on the size of one step's job summary (`$GITHUB_STEP_SUMMARY`).
    public static let gitHubJobSummaryLimit = 1_048_576

    public init(_ report: RunReport, byteLimit: Int = MarkdownReport.gitHubJobSummaryLimit) {
        self.report = report
        self.byteLimit = byteLimit
    }

    public func render() -> String {
        let summary = ReportSummary(report)
        let status = switch report.outcome {
        case .verified: "✅ verified"
        case .failed: "❌ failed"
        case .nothingVerified: "⚠️ nothing verified"
        }
        var out = "## GradCheck: " + status + "\n\n"
        out += summaryLine(summary) + "\n\n"
        out += metadataLine() + "\n"
        if report.metadata.timed && report.metadata.buildConfiguration != "release" {
            out += "\n> ⚠️ A \(MarkdownText.escape(report.metadata.buildConfiguration)) build: its timings are not meaningful.\n"
        }
        let branches = oneSidedBranches()
        let suites = summary.suites
        // A suite left out still gets its line, so what must fit after each suite is known exactly.
        let leftOut = suites.map { suite, cells in
            "\n" + suiteHeadline(suite, cells, markup: MarkdownText.escape)
                + ": table left out to keep this report under \(byteLimit) bytes; the JSON and HTML reports have every row.\n"
        }
        var reserve = branches.utf8.count + leftOut.reduce(0) { $0 + $1.utf8.count }
        let failing = summary.failingCells
        if !failing.isEmpty {
            out += "\n### Failures (\(failing.count))\n"
            for (index, cell) in failing.enumerated() {
                let section = "\n" + failureSection(cell)
                let rest = "\n(\(failing.count - index) more failures not shown here, to keep this report under \(byteLimit) bytes; the JSON and HTML reports have them.)\n"
                guard out.utf8.count + section.utf8.count + rest.utf8.count + reserve <= byteLimit else {
                    out += rest
                    break
                }
                out += section
            }
        }
        if !suites.isEmpty { out += "\n### Results by suite\n" }
        for (index, (suite, cells)) in suites.enumerated() {
            reserve -= leftOut[index].utf8.count
            let block = "\n" + suiteDetails(suite, cells)
            out += out.utf8.count + block.utf8.count + reserve <= byteLimit ? block : leftOut[index]
        }
        return out + branches
    }

    /// The one-sided branches as a list under their heading, or nothing when every branch showed both sides.
    func oneSidedBranches() -> String {
        let oneSided = report.coverage.filter { !$0.warnings.isEmpty }
        guard !oneSided.isEmpty else { return "" }
        var out = "\n### One-sided branches\n\n"
        for coverage in oneSided {
            for warning in coverage.warnings {
                out += "- ⚠️ \(MarkdownText.escape(coverage.function.description)): \(MarkdownText.escape(warning))\n"
            }
        }
        return out
    }

    /// A suite's table folded in `<details>`: the summary is its headline, and blank lines around the
    /// table let GitHub render the Markdown inside the HTML block (the name is escaped as an attribute
    /// is, so that no line break in it can end that block early).
    func suiteDetails(_ suite: String, _ cells: [CellResult]) -> String {
        "<details><summary>\(suiteHeadline(suite, cells) { XMLText.escape($0, attribute: true) })</summary>\n\n" + table(cells) + "\n</details>\n"
    }

    /// `Suite demo: 7 checks: 2 pass, 1 fail, …`, with a failure mark when one of its checks fails the
    /// run; the suite's name written with `markup`.
    func suiteHeadline(_ suite: String, _ cells: [CellResult], markup: (String) -> String) -> String {
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = cells.filter { $0.verdict == verdict }.count
            return count > 0 ? "\(count) \(verdict.rawValue)" : nil
        }
        let mark = cells.contains { $0.verdict.failsRun } ? "❌ " : ""
        return "\(mark)Suite \(markup(suite)): \(cells.count) \(cells.count == 1 ? "check" : "checks"): "
            + counts.joined(separator: ", ")
    }

    /// `**40 checks: 38 pass, 2 expected-failure** · mutants caught 2/2 · slowest: … · worst: …`
    func summaryLine(_ summary: ReportSummary) -> String {
        var parts = ["**\(report.cells.count) checks: \(summary.countsLine.isEmpty ? "none" : summary.countsLine)**"]
        if let mutants = summary.mutantsLine { parts.append(mutants) }
        if let slowest = summary.slowest, let timing = slowest.timing {
            parts.append("slowest: \(name(slowest)) (time ratio \(CellDescription.ratio(timing.ratio)))")
        }
        if let costliest = summary.costliest, let cost = costliest.cost {
            parts.append("largest ω: \(name(costliest)) (\(CellDescription.ratio(cost.ratio)))")
        }
        if let worst = summary.worst, let entry = CellDescription.worstJudgement(worst) {
            parts.append(
                "least margin: \(name(worst)) (\(worst.verdict.rawValue), error/allowed \(NumberText.short(entry.ratio)), "
                    + "\(CellDescription.digits(worst)) digits)")
        }
        return parts.joined(separator: " · ")
    }

    func metadataLine() -> String {
        let m = report.metadata
        return "Seed \(m.seed) · \(m.pointsPerFunction) points per function · strategies in "
            + "\(MarkdownText.escape(m.precision)) · reference: \(MarkdownText.escape(m.reference)) · "
            + "\(MarkdownText.escape(m.buildConfiguration)) build" + (m.timed ? "" : " · not timed")
    }

    /// `suite/function · strategy`, escaped.
    func name(_ cell: CellResult) -> String {
        MarkdownText.escape("\(cell.function) · \(CellDescription.strategyLabel(cell))")
    }

    func failureSection(_ cell: CellResult) -> String {
        var out = "#### \(Self.symbol(cell.verdict)) \(cell.verdict.rawValue): \(name(cell))\n\n"
        if let message = cell.message { out += MarkdownText.escape(message) + "\n\n" }
        if let index = cell.worstPointIndex {
            let point = cell.points[index]
            let coordinates = CellDescription.coordinates(point.point)
            out += "At point \(index + 1) of \(cell.points.count): (\(coordinates))\n\n"
            let entries = EntryRows(point)
            if !entries.rows.isEmpty {
                out += "| " + EntryRows.headers.joined(separator: " | ") + " |\n|---|--:|--:|--:|--:|--:|--:|---|\n"
                for (row, outside) in zip(entries.rows, entries.outside) {
                    let cells = row.map(MarkdownText.escape)
                    out += "| " + (outside ? cells.map { "**\($0)**" } : cells).joined(separator: " | ") + " |\n"
                }
                if entries.hidden > 0 { out += "\n(\(entries.hidden) more entries not shown)\n" }
                out += "\n"
            }
            if let consensus = point.consensus { out += "Consensus: \(MarkdownText.escape(consensus))\n\n" }
        }
        let replay = CellDescription.replayCommand(cell, metadata: report.metadata)
        out += MarkdownText.codeBlock(replay, language: "sh")
        return out
    }

    func table(_ cells: [CellResult]) -> String {
        let timed = report.metadata.timed
        var out = "| function | strategy | verdict | err/allowed | digits | ω |" + (timed ? " time ratio |" : "") + " note |\n"
        out += "|---|---|---|--:|--:|--:|" + (timed ? "--:|" : "") + "---|\n"
        for cell in cells {
            var row = [
                MarkdownText.escape(cell.function.name), MarkdownText.escape(CellDescription.strategyLabel(cell)),
                "\(Self.symbol(cell.verdict)) \(cell.verdict.rawValue)", CellDescription.judgedRatio(cell),
                CellDescription.digits(cell), CellDescription.ratio(cell.cost?.ratio),
            ]
            if timed { row.append(CellDescription.ratio(cell.timing?.ratio)) }
            row.append(MarkdownText.escape(CellDescription.note(cell)))
            out += "| " + row.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func symbol(_ verdict: Verdict) -> String { VerdictStyle.of(verdict).symbol }
}
