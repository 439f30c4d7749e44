extension Runner {
    /// Times every checked cell of `cellsByFunction` (the cells of `functions[i]` at `i`), one at a time on
    /// the calling thread: the second phase of a run with more than one job, so that no timing is taken
    /// while another cell of the run is being checked (see ``TimingSchedule/Mode/afterChecks``).
    ///
    /// A cell is timed when a sequential run would have timed it: it has points, and it is neither an
    /// error nor unsupported (unless it is an expected failure); at its first point, like the cost count.
    /// Each timing is a phase under `deadline`: past the run's time limit the remaining cells keep no
    /// timing, and their results are unchanged.
    func timeCellsAlone(
        _ cellsByFunction: inout [[CellResult]], functions: [any TestFunction], strategies: [any DifferentiationStrategy],
        deadline: PhaseDeadline
    ) {
        let stopwatch = configuration.stopwatch
        for (functionIndex, function) in functions.enumerated() {
            for cellIndex in cellsByFunction[functionIndex].indices {
                let cell = cellsByFunction[functionIndex][cellIndex]
                guard let first = cell.points.first?.point, Self.isMeasured(cell), !deadline.hasExpired,
                    let strategy = strategies.first(where: { $0.id == cell.strategy })
                else { continue }
                let variant = cell.variant
                cellsByFunction[functionIndex][cellIndex].timing = try? deadline.run(phase: "the timing") {
                    try CostMeter.time(strategy, variant: variant, on: function, at: first, stopwatch: stopwatch)
                }
            }
        }
    }
}
