import GradCheck

/// The process exit statuses of `gradcheck`, following the BSD `sysexits` conventions for usage and data
/// errors.
public enum ExitCode: Int32, Sendable {
    /// Everything checked was verified.
    case success = 0
    /// A derivative failed, or a strategy errored.
    case failure = 1
    /// Nothing failed, but nothing was verified either: every check was inconclusive, disputed,
    /// unsupported or outside the domain.
    case nothingVerified = 3
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// A suite file is invalid, or two suite files of a run share a name (EX_DATAERR).
    case invalidData = 65
    /// `run --isolate` was stopped by SIGHUP (128 + 1, as shells report a signal).
    case hangup = 129
    /// `run --isolate` was stopped by SIGINT (128 + 2).
    case interrupted = 130
    /// `run --isolate` was stopped by SIGTERM (128 + 15).
    case terminated = 143

    /// The status for a run stopped by `signal`: 128 + its number, for the signals `run --isolate` handles.
    init?(stoppedBy signal: Int32) {
        self.init(rawValue: 128 + signal)
        guard self == .hangup || self == .interrupted || self == .terminated else { return nil }
    }
}

extension ExitCode {
    /// The status of a run with `outcome`: 0 verified, 1 failed, 3 nothing verified.
    init(_ outcome: RunOutcome) {
        switch outcome {
        case .verified: self = .success
        case .failed: self = .failure
        case .nothingVerified: self = .nothingVerified
        }
    }
}
