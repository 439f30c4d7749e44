import GradCheckCore
import GradCheckEngine

/// The terminal report: a header saying how the run was made, the failures first (each with its entry,
/// both values, the error and a replay command), a table with one row per function × strategy at its
/// worst point, and a summary line.
public struct TextReport {
    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public func render() -> String {
        var out = header()
        let failing = report.cells.filter { $0.verdict.failsRun }
        if !failing.isEmpty {
            out += "\nFAILURES (\(failing.count))\n"
            for cell in failing { out += failureBlock(cell) }
        }
        out += "\n" + table() + "\n" + summaryLine() + "\n"
        return out
    }

    func header() -> String {
        let m = report.metadata
        var lines = [
            "gradcheck: \(report.cells.count) checks, seed \(m.seed), \(m.pointsPerFunction) points per function, "
                + "strategies in \(TerminalText.visible(m.precision))",
            "reference: \(TerminalText.visible(m.reference))",
        ]
        if m.timed && m.buildConfiguration != "release" {
            lines.append("warning: this is a \(TerminalText.visible(m.buildConfiguration)) build; its timings are not meaningful "
                + "(use `swift run -c release gradcheck ...`)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What went wrong in `cell`: a heading line, the message, the worst point (the one the message
    /// describes) with its judged entries, the consensus and the replay command. Text from suites is shown
    /// with control characters escaped.
    public func failureBlock(_ cell: CellResult) -> String {
        let heading = "\(cell.verdict.rawValue.uppercased()) \(cell.function) · \(CellDescription.strategyLabel(cell))"
        var out = TerminalText.visible(heading) + "\n"
        if let message = cell.message { out += "  \(TerminalText.visible(message))\n" }
        if let index = cell.worstPointIndex {
            let point = cell.points[index]
            out += "  at point \(index + 1) of \(cell.points.count): (\(CellDescription.coordinates(point.point)))\n"
            if let evidence = point.directional { out += "  \(evidence.summary)\n" }
            out += entryLines(point)
            if let consensus = point.consensus { out += "  consensus: \(TerminalText.visible(consensus))\n" }
        }
        let replay = CellDescription.replayCommand(cell, metadata: report.metadata)
        out += "  replay: \(TerminalText.visible(replay))\n"
        return out
    }

    /// The point's judged entries (``EntryRows``), at most 20 lines.
    func entryLines(_ point: PointResult) -> String {
        let rows = EntryRows(point, limit: 20)
        guard !rows.rows.isEmpty else { return "" }
        var table = TextTable(
            headers: EntryRows.headers.enumerated().map { $0 == 0 ? "    " + $1 : $1 },
            alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
        for row in rows.rows { table.append(["    " + row[0]] + row.dropFirst()) }
        let more = rows.hidden > 0 ? "    … and \(rows.hidden) more entries\n" : ""
        return table.render() + more
    }

    /// One row per cell, failures first. `err/allowed` is what was judged at the cell's deciding entry
    /// (above 1: outside its bound); `digits` are that entry's correct digits at the scale it was judged
    /// at; `note` says why a cell that was not simply judged has its verdict.
    func table() -> String {
        var table = TextTable(
            headers: ["function", "strategy", "verdict", "err/allowed", "digits", "ω", "time ratio", "note"],
            alignments: [.left, .left, .left, .right, .right, .right, .right, .left])
        let ordered = report.cells.enumerated().sorted { a, b in
            a.element.verdict.severity != b.element.verdict.severity
                ? a.element.verdict.severity > b.element.verdict.severity : a.offset < b.offset
        }
        for (_, cell) in ordered {
            table.append([
                cell.function.description, CellDescription.strategyLabel(cell), cell.verdict.rawValue,
                CellDescription.judgedRatio(cell), CellDescription.digits(cell),
                CellDescription.ratio(cell.cost?.ratio), CellDescription.ratio(cell.timing?.ratio),
                TerminalText.visible(CellDescription.note(cell)),
            ])
        }
        return table.render()
    }

    func summaryLine() -> String {
        let counts = report.verdictCounts
        let parts = Verdict.allCases.compactMap { verdict in counts[verdict].map { "\($0) \(verdict.rawValue)" } }
        let mutants = report.mutantTally
        var line = parts.isEmpty ? "nothing checked" : parts.joined(separator: ", ")
        if mutants.total > 0 { line += "; mutants caught \(mutants.caught)/\(mutants.total)" }
        line += "; \(report.verifiedPoints) \(report.verifiedPoints == 1 ? "point" : "points") verified"
        switch report.outcome {
        case .verified: return "OK: " + line
        case .failed: return "FAILED: " + line
        case .nothingVerified: return "NOTHING VERIFIED: " + line + " (every check was undecided; exit status 3)"
        }
    }
}
