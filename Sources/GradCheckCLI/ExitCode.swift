/// The process exit statuses of `gradcheck`, following the BSD `sysexits` conventions for usage and data
/// errors.
public enum ExitCode: Int32, Sendable {
    /// Everything checked was verified.
    case success = 0
    /// A derivative failed, or a strategy errored.
    case failure = 1
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// A suite file is invalid, or two suite files of a run share a name (EX_DATAERR).
    case invalidData = 65
}
