import GradCheckCore
import Synchronization

/// Counts a run's finished cells across the threads checking them and passes each step to
/// ``RunConfiguration/progress``.
///
/// The count and the call happen under one lock, so the callback sees `cellsDone` in increasing order
/// and each value of it once per cell, whichever thread finished the cell: the same events as a
/// sequential run (one when a function starts, one after each cell it checks), with the same counts,
/// only interleaved across functions. The callback should return quickly: it holds up every thread that
/// finishes a cell meanwhile.
final class ProgressCounter: Sendable {
    private let total: Int
    private let report: (@Sendable (RunProgress) -> Void)?
    private let done = Mutex(0)

    init(total: Int, report: (@Sendable (RunProgress) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// Reports that `function` starts, with the cells done so far.
    func started(_ function: FunctionID) {
        done.withLock { done in report?(RunProgress(cellsDone: done, cellsTotal: total, function: function)) }
    }

    /// Counts one finished cell of `function` and reports it.
    func finishedCell(of function: FunctionID) {
        done.withLock { done in
            done += 1
            report?(RunProgress(cellsDone: done, cellsTotal: total, function: function))
        }
    }

    /// Counts `count` cells of `function` that were settled without being checked (not started, too
    /// large), without reporting them: the next report includes them, as in a sequential run.
    func skipped(_ count: Int) {
        done.withLock { $0 += count }
    }
}
