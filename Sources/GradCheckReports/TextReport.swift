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
                out += entryLines(got: got, want: want, point: point, tolerance: cell.tolerance)
            }
            if let consensus = point.consensus { out += "  consensus: \(consensus)\n" }
        }
        let replay = CellDescription.replayCommand(cell, metadata: report.metadata)
        out += "  replay: \(TerminalText.visible(replay))\n"
        return out
    }

    /// The entries outside the tolerance (all entries when none is recorded), worst first, at most 20
    /// lines: index, the strategy's value, the reference, absolute and relative error, the entry's
    /// tolerance and the strategy's own error estimate.
    func entryLines(got: [[Double]], want: [[Double]], point: PointResult, tolerance: Tolerance) -> String {
        let largest = want.joined().map(\.magnitude).max() ?? 0
        let floor = point.floor ?? (largest > 0 ? largest * tolerance.floorFraction : 1)
        let all = want.indices.flatMap { i in want[i].indices.map { EntryIndex(row: i, column: $0) } }
        let entries = (point.outsideTolerance?.isEmpty == false ? point.outsideTolerance! : all)
            .map { entry -> (EntryIndex, Double) in
                let difference = (got[entry.row][entry.column] - want[entry.row][entry.column]).magnitude
                return (entry, difference / max(want[entry.row][entry.column].magnitude, floor))
            }
            .sorted { $0.1.isNaN || $0.1 > $1.1 }
        var table = TextTable(
            headers: ["    entry", "strategy", "reference", "abs error", "rel error", "tolerance", "estimate"],
            alignments: [.left, .right, .right, .right, .right, .right, .right])
        for (entry, relative) in entries.prefix(20) {
            let value = got[entry.row][entry.column], reference = want[entry.row][entry.column]
            let bound = tolerance.atol + (point.rtol ?? tolerance.rtol) * max(reference.magnitude, floor)
            table.append([
                "    [\(entry.row)][\(entry.column)]", format(value), format(reference), format((value - reference).magnitude),
                format(relative), format(bound), CellDescription.number(point.errorEstimate?[entry.row][entry.column]),
            ])
        }
        let more = entries.count > 20 ? "    … and \(entries.count - 20) more entries outside the tolerance\n" : ""
        return table.render() + more
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
