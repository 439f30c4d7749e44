import GradCheckCore
import GradCheckEngine
import GradCheckReports

/// The one line of progress `gradcheck run` keeps redrawn on a terminal's standard error:
/// `[ 412/1188]  35%  12.4 s  classic/rosenbrock[n=2]`.
///
/// Each frame starts with a carriage return and is padded with spaces over what the previous frame
/// left, so it redraws in place without any escape sequence; ``clear(previousWidth:)`` blanks it at the
/// end, so the reports that follow start on a clean line. No colour is used, so `NO_COLOR` has nothing
/// to turn off. A line never reaches the terminal's last column (which would wrap it and break the
/// redraw): the function's name is cut with `…` to fit.
enum ProgressLine {
    /// The text of one frame (without the carriage return or padding), at most `width - 1` characters.
    static func text(_ progress: RunProgress, elapsedSeconds: Double, width: Int) -> String {
        let total = max(progress.cellsTotal, progress.cellsDone)
        let digits = String(total).count
        let done = String(progress.cellsDone)
        let percent = total == 0 ? 100 : progress.cellsDone * 100 / total
        let counter = "[" + String(repeating: " ", count: max(0, digits - done.count)) + done + "/\(total)]"
        let seconds = elapsedSeconds.isFinite && elapsedSeconds >= 0 ? elapsedSeconds : 0
        let head = "\(counter) \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(NumberText.fixed(seconds, decimals: 1)) s  "
        let room = max(0, width - 1 - head.count)
        let name = TerminalText.visible(progress.function.description)
        guard name.count > room else { return head + name }
        return room == 0 ? String(head.prefix(max(0, width - 1))) : head + name.prefix(room - 1) + "…"
    }

    /// A frame as written: a carriage return, the text, and spaces over whatever of the previous frame
    /// (`previousWidth` characters) it does not cover.
    static func frame(_ text: String, previousWidth: Int) -> String {
        "\r" + text + String(repeating: " ", count: max(0, previousWidth - text.count))
    }

    /// What blanks the last frame and leaves the cursor at the start of the line.
    static func clear(previousWidth: Int) -> String {
        previousWidth == 0 ? "" : "\r" + String(repeating: " ", count: previousWidth) + "\r"
    }
}
