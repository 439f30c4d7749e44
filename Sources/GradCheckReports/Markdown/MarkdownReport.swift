import GradCheckCore

/// The Markdown report, for a pull-request comment or `$GITHUB_STEP_SUMMARY`: a status heading, a
/// summary line (counts by verdict, mutants caught, the slowest and the worst check), the failures with
/// their entries and replay commands, then a table per suite, then the one-sided branches (if any).
///
/// Every string from a suite goes through ``MarkdownText/escape(_:)`` (or into a code block whose fence
/// it cannot close), so a function named `a|b` or `<script>` shows as itself and never breaks a table.
public struct MarkdownReport {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

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
        let failing = summary.failingCells
        if !failing.isEmpty {
            out += "\n### Failures (\(failing.count))\n"
            for cell in failing { out += "\n" + failureSection(cell) }
        }
        for (suite, cells) in summary.suites {
            out += "\n### Suite \(MarkdownText.escape(suite))\n\n" + table(cells)
        }
        let oneSided = report.coverage.filter { !$0.warnings.isEmpty }
        if !oneSided.isEmpty {
            out += "\n### One-sided branches\n\n"
            for coverage in oneSided {
                for warning in coverage.warnings {
                    out += "- ⚠️ \(MarkdownText.escape(coverage.function.description)): \(MarkdownText.escape(warning))\n"
                }
            }
        }
        return out
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
                "least margin: \(name(worst)) (\(worst.verdict.rawValue), error/allowed \(format(entry.ratio)), "
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
            let coordinates = point.point.map(format).joined(separator: ", ")
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
