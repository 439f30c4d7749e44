import GradCheckCore

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

    /// What went wrong in `cell`: a heading line, the message, the worst point with its entries, and the
    /// replay command. Text from suites is shown with control characters escaped.
    public func failureBlock(_ cell: CellResult) -> String {
        let heading = "\(cell.verdict.rawValue.uppercased()) \(cell.function) · \(CellDescription.strategyLabel(cell))"
        var out = TerminalText.visible(heading) + "\n"
        if let message = cell.message { out += "  \(TerminalText.visible(message))\n" }
        if let index = cell.worstPointIndex {
            let point = cell.points[index]
            out += "  at point \(index + 1) of \(cell.points.count): (\(point.point.map(format).joined(separator: ", ")))\n"
            if let got = point.derivative, let want = point.reference {
                out += entryLines(got: got, want: want)
            }
        }
        let replay = CellDescription.replayCommand(cell, seed: report.metadata.seed, points: report.metadata.pointsPerFunction)
        out += "  replay: \(TerminalText.visible(replay))\n"
        return out
    }

    /// Every entry as `[i][j]  got  reference  abs error`, the wrong ones marked, at most 12 lines.
    func entryLines(got: [[Double]], want: [[Double]]) -> String {
        var table = TextTable(
            headers: ["    entry", "strategy", "reference", "abs error"], alignments: [.left, .right, .right, .right])
        var shown = 0
        outer: for (i, row) in want.enumerated() {
            for (j, reference) in row.enumerated() {
                guard shown < 12 else { break outer }
                let value = got[i][j]
                table.append(["    [\(i)][\(j)]", format(value), format(reference), format((value - reference).magnitude)])
                shown += 1
            }
        }
        return table.render()
    }

    func table() -> String {
        var table = TextTable(
            headers: ["function", "strategy", "verdict", "max rel err", "digits", "ω", "time ratio"],
            alignments: [.left, .left, .left, .right, .right, .right, .right])
        let ordered = report.cells.enumerated().sorted { a, b in
            a.element.verdict.severity != b.element.verdict.severity
                ? a.element.verdict.severity > b.element.verdict.severity : a.offset < b.offset
        }
        for (_, cell) in ordered {
            let worst = cell.worstPointIndex.flatMap { cell.points[$0].errors }
            table.append([
                cell.function.description, CellDescription.strategyLabel(cell), cell.verdict.rawValue,
                CellDescription.number(worst?.maxRelative), worst.map { formatFixed($0.digits, decimals: 1) } ?? "-",
                CellDescription.ratio(cell.cost?.ratio), CellDescription.ratio(cell.timing?.ratio),
            ])
        }
        return table.render()
    }

    func summaryLine() -> String {
        let counts = report.verdictCounts
        let parts = Verdict.allCases.compactMap { verdict in counts[verdict].map { "\($0) \(verdict.rawValue)" } }
        let mutants = report.mutantTally
        var line = parts.joined(separator: ", ")
        if mutants.total > 0 { line += "; mutants caught \(mutants.caught)/\(mutants.total)" }
        return (report.succeeded ? "OK: " : "FAILED: ") + line
    }
}
