import GradCheckCore

// What the runner does differently with several jobs: the order in which functions are taken, and the
// timings taken alone after the checks.
extension Runner {
    /// Times every checked cell of `cellsByFunction` (the cells of `functions[i]` at `i`), one at a time on
    /// the calling thread: the second phase of a run with more than one job, so that no timing is taken
    /// while another cell of the run is being checked (see ``TimingSchedule/Mode/afterChecks``).
    ///
    /// A cell is timed when a sequential run would have timed it: it has points, and it is neither an
    /// error nor unsupported (unless it is an expected failure); at its first point, like the cost count.
    /// A strategy's own timing figures (``StrategyFigures/isTiming(_:)``) are replaced by those of a
    /// second cost count taken here, alone.
    /// Each timing is a phase under `deadline`: past the run's time limit the remaining cells keep no
    /// timing, and their results are unchanged.
    func timeCellsAlone(
        _ cellsByFunction: inout [[CellResult]], functions: [any TestFunction], strategies: [any DifferentiationStrategy],
        deadline: PhaseDeadline
    ) {
        let stopwatch = configuration.stopwatch
        // Functions checked along directions record no timings (as with one job).
        for (functionIndex, function) in functions.enumerated() where !configuration.checksDirectionally(function) {
            for cellIndex in cellsByFunction[functionIndex].indices {
                let cell = cellsByFunction[functionIndex][cellIndex]
                guard let first = cell.points.first?.point, Self.isMeasured(cell), !deadline.hasExpired,
                    let strategy = strategies.first(where: { $0.id == cell.strategy })
                else { continue }
                let variant = cell.variant
                cellsByFunction[functionIndex][cellIndex].timing = try? deadline.run(phase: "the timing") {
                    try CostMeter.time(strategy, variant: variant, on: function, at: first, stopwatch: stopwatch)
                }
                // Timings among a strategy's own figures (`…Ns`, the symbolic strategies' phases) were taken
                // during the parallel cost count: taken again here, alone, by the same count.
                guard let figures = cell.cost?.figures, figures.extra.keys.contains(where: StrategyFigures.isTiming) else {
                    continue
                }
                let again = try? deadline.run(phase: "the timing") {
                    try CostMeter.measure(strategy, variant: variant, on: function, at: first)
                }
                let timings = again?.figures.extra.filter { StrategyFigures.isTiming($0.key) } ?? [:]
                cellsByFunction[functionIndex][cellIndex].cost?.figures.extra =
                    figures.withoutTimings.extra.merging(timings) { _, alone in alone }
            }
        }
    }
}

extension Runner {
    /// The order in which several jobs take `functions` (their indices): the most inputs first, since a
    /// function's cost grows with its inputs (the reference carries n partials; differences take O(n)
    /// evaluations), so that a large function does not start last and hold up the end of the run; ties
    /// in run order. Under a run time limit, nil (run order), so that the cells left "not started" are the
    /// last ones of the run, as with one job. The report's order never changes.
    public func checkingOrder(_ functions: [any TestFunction]) -> [Int]? {
        guard configuration.runTimeLimit == nil else { return nil }
        return functions.indices.sorted { a, b in
            let (sizeA, sizeB) = (functions[a].inputCount, functions[b].inputCount)
            return sizeA != sizeB ? sizeA > sizeB : a < b
        }
    }
}
