import GradCheckCore
import GradCheckEngine

/// The figures every report format leads with: counts by verdict, mutants caught, the slowest and the
/// least-margin check, and the cells grouped by suite.
public struct ReportSummary {
    public let report: RunReport

    public init(_ report: RunReport) { self.report = report }

    /// Every verdict with its count, in ``Verdict/allCases`` order (zero counts included).
    public var verdictCounts: [(verdict: Verdict, count: Int)] {
        let counts = report.verdictCounts
        return Verdict.allCases.map { ($0, counts[$0] ?? 0) }
    }

    /// `38 pass, 1 fail, 1 expected-failure`: the verdicts that occur, in ``Verdict/allCases`` order.
    public var countsLine: String {
        verdictCounts.filter { $0.count > 0 }.map { "\($0.count) \($0.verdict.rawValue)" }.joined(separator: ", ")
    }

    /// `mutants caught 1/1`, or nil when the run checked no mutant.
    public var mutantsLine: String? {
        let tally = report.mutantTally
        return tally.total > 0 ? "mutants caught \(tally.caught)/\(tally.total)" : nil
    }

    /// The suites in the order their first cell appears, each with its cells in run order.
    public var suites: [(suite: String, cells: [CellResult])] {
        var order: [String] = []
        var cells: [String: [CellResult]] = [:]
        for cell in report.cells {
            if cells[cell.function.suite] == nil { order.append(cell.function.suite) }
            cells[cell.function.suite, default: []].append(cell)
        }
        return order.map { ($0, cells[$0] ?? []) }
    }

    /// The cells that make the run fail, in run order.
    public var failingCells: [CellResult] { report.cells.filter { $0.verdict.failsRun } }

    /// The cell with the largest time ratio (time(∇f) / time(f)), if any was timed.
    public var slowest: CellResult? {
        report.cells.filter { $0.timing.map { $0.ratio.isFinite } ?? false }
            .max { $0.timing!.ratio < $1.timing!.ratio }
    }

    /// The cell with the largest ω = ops(∇f) / ops(f), if any was counted.
    public var costliest: CellResult? {
        report.cells.filter { $0.cost.map { $0.ratio.isFinite } ?? false }
            .max { $0.cost!.ratio < $1.cost!.ratio }
    }

    /// The judged check with the least margin, not a caught mutant: the most severe verdict, then the
    /// largest judged error/allowed of its deciding entry. Disputed, outside-domain and unsupported cells
    /// were not judged and are never ranked. Nil when no cell was judged.
    public var worst: CellResult? {
        let candidates = report.cells.filter {
            $0.verdict != .expectedFailure && CellDescription.worstJudgement($0) != nil
        }
        return candidates.max { a, b in
            if a.verdict.severity != b.verdict.severity { return a.verdict.severity < b.verdict.severity }
            return Self.ratioKey(a) < Self.ratioKey(b)
        }
    }

    private static func ratioKey(_ cell: CellResult) -> Double {
        CellDescription.worstJudgement(cell)?.severity ?? -1
    }
}
