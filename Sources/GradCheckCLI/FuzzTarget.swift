import GradCheck

/// One kind of input that `gradcheck fuzz` makes and tries: suites, saved reports or command lines.
///
/// A target makes its inputs from a ``SeededGenerator`` of its own (seeded from the run's seed and the
/// target's name), so the inputs of one target do not depend on which other targets run beside it, and a
/// seed with `--inputs N` tries the same inputs on any machine.
///
/// Every input is bytes, written to a file before it is tried (`gradcheck-fuzz-current-<target>.<ext>`
/// in the `--keep` folder): a crash takes the process down, and that file is then its reproducer.
protocol FuzzTarget: Sendable {
    /// The name `--target` takes and the tally shows.
    var name: String { get }
    /// The extension of the files that keep its inputs (`grad`, `json`, `args.txt`).
    var fileExtension: String { get }
    /// The next input of the run.
    mutating func nextInput(_ generator: inout SeededGenerator) -> [UInt8]
    /// Tries `input`, which is also in the file at `path` (a target that reads files reads that one).
    func exercise(_ input: [UInt8], at path: String) -> FuzzOutcome
}

/// What one input did, short of a crash (which ends the process) or a hang (which the caller's time
/// limit detects).
enum FuzzOutcome: Sendable, Equatable {
    /// It was taken: a suite that loaded and ran, a report that decoded and rendered, a command that
    /// exited 0.
    case accepted
    /// It was refused with a message that says what is wrong (and, for a suite, where).
    case rejectedWithMessage
    /// It was refused without a usable message: a suite diagnostic without a line and a column, an empty
    /// error, or a Swift error printed as its type. Each is a defect.
    case rejectedWithoutMessage
}
