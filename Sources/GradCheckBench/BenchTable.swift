import Foundation
import GradCheck
import GradCheckReports

/// The benchmark report as an aligned text table, one row per cell, with a header saying how it was
/// measured.
public struct BenchTable {
    public var report: BenchReport

    public init(_ report: BenchReport) { self.report = report }

    public func render() -> String {
        var out = ""
        if report.build != "release" {
            out += "warning: this is a \(report.build) build; its timings are not meaningful "
                + "(use 'swift run -c release gradcheck bench').\n"
        }
        out += "machine: \(report.machine.summary); build: \(report.build); budget per cell: "
            + "\(BenchRunner.seconds(report.budgetSeconds)) s\n"
        out += "time: median thread CPU time of one call; ×f: over the plain Double function at the same n; "
            + "ω = ops/ops(f) over Counted<Double>, counted at n = min(n, \(report.countSize));\n"
        out += "B/op: tape bytes per recorded operation (inputs excluded); allocs: heap allocations per call "
            + "after warm-up (\(report.allocationMethod)).\n\n"
        var table = TextTable(
            headers: ["function", "n", "method", "time", "×f", "ω", "tape", "B/op", "allocs", "rel err", "note"],
            alignments: [.left, .right, .left, .right, .right, .right, .right, .right, .right, .right, .left])
        for cell in report.cells {
            table.append([
                cell.function, String(cell.inputCount), label(cell), cell.medianNanoseconds.map(Self.time) ?? "-",
                cell.ratio.map { Self.number($0) } ?? "-",
                cell.omega.map { Self.number($0) + (cell.omegaInputCount == cell.inputCount ? "" : "*") } ?? "-",
                cell.tapeBytes.map(Self.bytes) ?? "", cell.bytesPerOperation.map { Self.number($0) } ?? "",
                cell.allocationsPerCall.map { $0 == $0.rounded() ? String(Int($0)) : Self.number($0) } ?? "-",
                cell.maxRelativeError.map { Self.error($0) } ?? "", cell.note ?? "",
            ])
        }
        out += table.render()
        if report.cells.contains(where: { $0.omega != nil && $0.omegaInputCount != $0.inputCount }) {
            out += "* ω counted at a smaller n (n = min(n, \(report.countSize))).\n"
        }
        return out
    }

    private func label(_ cell: BenchCell) -> String {
        cell.chunkSize.map { "\(cell.method.rawValue) (k=\($0))" } ?? cell.method.rawValue
    }

    /// 812 ns, 1.23 µs, 4.56 ms, 1.23 s.
    static func time(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1e3: "\(fixed(nanoseconds, 0)) ns"
        case ..<1e6: "\(significant(nanoseconds / 1e3)) µs"
        case ..<1e9: "\(significant(nanoseconds / 1e6)) ms"
        default: "\(significant(nanoseconds / 1e9)) s"
        }
    }

    /// Three significant digits for ratios and ω (whole numbers beyond 1000).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return value.magnitude >= 1000 ? fixed(value, 0) : significant(value)
    }

    static func bytes(_ count: Int) -> String {
        switch Double(count) {
        case ..<1024: "\(count) B"
        case ..<(1024 * 1024): "\(significant(Double(count) / 1024)) KiB"
        default: "\(significant(Double(count) / 1024 / 1024)) MiB"
        }
    }

    static func error(_ value: Double) -> String {
        value == 0 ? "0" : value.isNaN ? "nan" : String(format: "%.1e", value)
    }

    private static func significant(_ value: Double) -> String {
        let digits = value.magnitude >= 100 ? 0 : value.magnitude >= 10 ? 1 : 2
        return fixed(value, digits)
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
