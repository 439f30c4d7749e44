import GradCheckCore

/// How far a run has got, as ``Runner/run(_:strategies:precision:)`` reports it through
/// ``RunConfiguration/progress``: the runner says where it is and leaves showing it (or not) to its
/// caller, so the core never prints.
public struct RunProgress: Sendable, Equatable {
    /// Cells (function × strategy × variant) finished so far.
    public var cellsDone: Int
    /// Cells the run will produce in all, as planned when it starts (a function skipped once the time limit
    /// has expired may make a few more: a display should not rely on `cellsDone <= cellsTotal`).
    public var cellsTotal: Int
    /// The function being checked now.
    public var function: FunctionID

    public init(cellsDone: Int, cellsTotal: Int, function: FunctionID) {
        self.cellsDone = cellsDone
        self.cellsTotal = cellsTotal
        self.function = function
    }
}
