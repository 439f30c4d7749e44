import Foundation

/// Where `gradcheck run` may show its progress while it runs, and how wide that is. The tool itself
/// never prints (it returns its output); `main.swift` hands it this only when standard error is a
/// terminal (``standardErrorIfTerminal()``), so a pipe, a file or a CI log gets no progress at all.
public struct ProgressOutput: Sendable {
    /// Writes a piece of a frame as it is.
    public var write: @Sendable (String) -> Void
    /// The terminal's width in columns.
    public var width: Int

    public init(width: Int, write: @escaping @Sendable (String) -> Void) {
        self.width = width
        self.write = write
    }

    /// Standard error with its width (from the terminal, else `COLUMNS`, else 80), when it is a
    /// terminal (`isatty(2)`); nil otherwise.
    public static func standardErrorIfTerminal() -> ProgressOutput? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
            ? Int(size.ws_col) : ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
        return ProgressOutput(width: max(20, columns)) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
