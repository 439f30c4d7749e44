import Foundation
import GradCheckCore
import GradCheckEngine
import GradCheckReports
import Testing

/// The timing rule of ``BaselineComparison`` on constructed runs: a time ratio's change is listed only when
/// it exceeds both runs' own spread by the margin and is at least the minimum change. No clock is read.
@Suite("Baseline timing changes")
struct BaselineTimingTests {
    /// A timing whose ratio is `ratio`, with the derivative's and the function's quartiles each `spread`
    /// percent either side of their medians (nil: not recorded, as in reports saved before quartiles).
    static func timing(ratio: Double, spread percent: Double?) -> TimingMeasurement {
        let function = 100.0, derivative = ratio * function
        func quartiles(_ median: Double) -> Quartiles? {
            percent.map { Quartiles(lower: median - median * $0 / 100, upper: median + median * $0 / 100) }
        }
        return TimingMeasurement(
            medianNanoseconds: derivative, functionMedianNanoseconds: function, calls: 1000,
            quartilesNanoseconds: quartiles(derivative), functionQuartilesNanoseconds: quartiles(function))
    }

    static func run(_ timings: [TimingMeasurement?]) -> RunReport {
        let metadata = RunMetadata(
            seed: 1, pointsPerFunction: 1, precision: "Double", reference: "forward mode in Float80",
            buildConfiguration: "release", timed: true)
        let cells = timings.enumerated().map { index, timing in
            CellResult(
                function: FunctionID(suite: "demo", name: "f\(index)"), strategy: "reverse", family: .automatic,
                variant: .correct, expectation: nil, verdict: .pass, message: nil, tolerance: Tolerance(rtol: 1e-11),
                points: [PointResult(point: [1], verdict: .pass)], cost: nil, timing: timing)
        }
        return RunReport(metadata: metadata, cells: cells)
    }

    /// The labels of the timing changes from `before` to `after`, one cell each.
    static func changes(_ pairs: [(TimingMeasurement?, TimingMeasurement?)]) -> [String] {
        comparison(pairs).timingChanges.map(\.label)
    }

    static func comparison(_ pairs: [(TimingMeasurement?, TimingMeasurement?)]) -> BaselineComparison {
        BaselineComparison(current: run(pairs.map(\.1)), baseline: run(pairs.map(\.0)))
    }

    @Test func changesWithinTheRunsSpreadAreNotListed() {
        // Quartiles 10 % either side: a spread factor of (1.1 / 0.9)² ≈ 1.49, so up to ≈ 2.23 is noise.
        let noisy: [(TimingMeasurement?, TimingMeasurement?)] = [
            (Self.timing(ratio: 2, spread: 10), Self.timing(ratio: 2.6, spread: 10)),  // +30 %
            (Self.timing(ratio: 2, spread: 10), Self.timing(ratio: 1.4, spread: 10)),  // −30 %
            (Self.timing(ratio: 3, spread: 10), Self.timing(ratio: 6.5, spread: 10)),  // ×2.17
        ]
        #expect(Self.changes(noisy).isEmpty)
        let comparison = Self.comparison(noisy)
        #expect(comparison.isClean)
        #expect(!comparison.render(baselinePath: "saved.json").contains("timing changes"))
    }

    @Test func changesBeyondBothSpreadsAreListed() {
        // Quartiles 2 % either side: a spread factor of (1.02 / 0.98)² ≈ 1.083, noise up to ≈ 1.17.
        let clear: [(TimingMeasurement?, TimingMeasurement?)] = [
            (Self.timing(ratio: 2, spread: 2), Self.timing(ratio: 3, spread: 2)),
            (Self.timing(ratio: 3, spread: 2), Self.timing(ratio: 2, spread: 2)),
            (Self.timing(ratio: 3, spread: 10), Self.timing(ratio: 7, spread: 10)),  // ×2.33 > 2.23
        ]
        #expect(Self.changes(clear) == ["demo/f0 · reverse", "demo/f1 · reverse", "demo/f2 · reverse"])
        let comparison = Self.comparison(clear)
        #expect(comparison.isClean, "timings never fail a run")
        #expect(comparison.timingChanges.first.map { [$0.before, $0.after] } == [2, 3])
        #expect(comparison.render(baselinePath: "saved.json").contains("demo/f0 · reverse: time ratio "))
    }

    @Test func aChangeMustExceedEachRunsSpreadAndTheMinimum() {
        #expect(Self.changes([
            // Beyond the baseline's tight spread, within the current run's wide one (40 %: factor ≈ 5.4).
            (Self.timing(ratio: 2, spread: 1), Self.timing(ratio: 4, spread: 40)),
            // The same the other way round.
            (Self.timing(ratio: 2, spread: 40), Self.timing(ratio: 4, spread: 1)),
            // No spread at all, but less than the minimum change of 1.25.
            (Self.timing(ratio: 2, spread: 0), Self.timing(ratio: 2.4, spread: 0)),
        ]).isEmpty)
        #expect(Self.changes([(Self.timing(ratio: 2, spread: 0), Self.timing(ratio: 2.5, spread: 0))]) == ["demo/f0 · reverse"])
    }

    /// A baseline saved before quartiles were recorded: its missing spread is no reason to list or to
    /// hide a change; the current run's spread decides, and with neither, only the minimum change.
    @Test func aBaselineWithoutQuartilesUsesTheOtherRunsSpread() throws {
        #expect(Self.changes([
            (Self.timing(ratio: 2, spread: nil), Self.timing(ratio: 2.6, spread: 10)),
            (Self.timing(ratio: 2, spread: 10), Self.timing(ratio: 2.6, spread: nil)),
        ]).isEmpty)
        #expect(Self.changes([
            (Self.timing(ratio: 2, spread: nil), Self.timing(ratio: 5, spread: 10)),
            (Self.timing(ratio: 2, spread: nil), Self.timing(ratio: 2.6, spread: nil)),
            (Self.timing(ratio: 2, spread: nil), Self.timing(ratio: 2.4, spread: nil)),
        ]) == ["demo/f0 · reverse", "demo/f1 · reverse"])
        // Results without timings (--no-timing) on either side are never compared.
        #expect(Self.changes([(nil, Self.timing(ratio: 9, spread: 0)), (Self.timing(ratio: 9, spread: 0), nil)]).isEmpty)
    }

    /// A report saved before quartiles were recorded has no `quartilesNs` members: it still reads, with
    /// the quartiles nil; the members written now read back exactly.
    @Test func reportsWithoutQuartileMembersStillRead() throws {
        let report = Self.run([Self.timing(ratio: 2, spread: 10), Self.timing(ratio: 3, spread: nil)])
        let text = JSONReport(report).render()
        #expect(text.contains("\"quartilesNs\": [180.0, 220.0]") && text.contains("\"quartilesNs\": null"))
        let decoded = try JSONReport.decode(text)
        #expect(decoded.cells.map(\.timing?.quartilesNanoseconds) == report.cells.map(\.timing?.quartilesNanoseconds))
        #expect(decoded.cells[0].timing?.functionQuartilesNanoseconds == Quartiles(lower: 90, upper: 110))
        let old = text.replacingOccurrences(
            of: #",\n *"quartilesNs": [^\n]*,\n *"functionQuartilesNs": [^\n]*"#, with: "", options: .regularExpression)
        #expect(!old.contains("quartilesNs") && old != text)
        let legacy = try JSONReport.decode(old)
        #expect(legacy.cells.allSatisfy { $0.timing?.quartilesNanoseconds == nil && $0.timing?.functionQuartilesNanoseconds == nil })
        #expect(legacy.cells.map(\.timing?.ratio) == [2, 3])
        #expect(throws: ReportReadError.self) {
            try JSONReport.decode(text.replacingOccurrences(of: "[180.0, 220.0]", with: "[180.0]"))
        }
    }

    /// The stopwatch's quartiles bracket its median (the values themselves depend on the machine).
    @Test func theStopwatchRecordsQuartilesAroundTheMedian() {
        var stopwatch = Stopwatch()
        stopwatch.samples = 9
        var sink = 0.0
        let measurement = stopwatch.measure { sink += sin(sink + 1) }
        #expect(measurement.quartiles.lower <= measurement.median && measurement.median <= measurement.quartiles.upper)
        #expect(measurement.calls >= 9)
    }
}
