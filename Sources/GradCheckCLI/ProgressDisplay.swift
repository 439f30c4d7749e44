import GradCheckCore
import GradCheckEngine
import Synchronization

/// Shows a run's progress as one redrawn ``ProgressLine`` through a sink (the terminal's standard
/// error, given by `main.swift` only when it is a terminal): at most ten frames a second, the first
/// and the last always drawn, and ``finish()`` blanks the line. Safe to call from any thread.
final class ProgressDisplay: Sendable {
    private struct State {
        var drawnWidth = 0
        var lastDraw: ContinuousClock.Instant?
    }

    private let sink: @Sendable (String) -> Void
    private let width: Int
    private let start: ContinuousClock.Instant
    private let state = Mutex(State())
    /// The least time between two frames.
    static let interval = Duration.milliseconds(100)

    init(sink: @escaping @Sendable (String) -> Void, width: Int, start: ContinuousClock.Instant = .now) {
        self.sink = sink
        self.width = width
        self.start = start
    }

    /// Draws `progress` unless a frame was drawn less than ``interval`` ago (the run's last cell is
    /// always drawn).
    func show(_ progress: RunProgress) {
        let now = ContinuousClock.now
        state.withLock { state in
            let last = progress.cellsDone >= progress.cellsTotal
            if let previous = state.lastDraw, now - previous < Self.interval, !last { return }
            let seconds = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
            let text = ProgressLine.text(progress, elapsedSeconds: seconds, width: width)
            sink(ProgressLine.frame(text, previousWidth: state.drawnWidth))
            state.drawnWidth = text.count
            state.lastDraw = now
        }
    }

    /// Blanks the line, so that what is printed next starts on a clean line.
    func finish() {
        state.withLock { state in
            let clear = ProgressLine.clear(previousWidth: state.drawnWidth)
            if !clear.isEmpty { sink(clear) }
            state.drawnWidth = 0
        }
    }
}
