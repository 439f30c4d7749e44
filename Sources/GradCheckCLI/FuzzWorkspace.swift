import Foundation
import GradCheckReports

/// The folder in which fuzzed command lines read and write files: `gradcheck-fuzz-workspace` in the
/// `--keep` folder, so that a kept command line (which names its files by absolute path) still finds them
/// after a crash.
///
/// `inputs` holds small files to read (a tiny suite, a broken one, good saved reports, a text file that
/// is not JSON); `outputs` is where every report, report folder and kept fuzz input of a fuzzed command
/// line goes. Both are made anew before each command line, so that what one wrote cannot change what the
/// next one reads, and each kept command line is reproducible on its own. Nothing is written elsewhere.
struct FuzzWorkspace: Sendable {
    let root: String

    init(folder: String) {
        root = (folder.hasSuffix("/") ? folder : folder + "/") + "gradcheck-fuzz-workspace"
    }

    var inputs: String { root + "/inputs" }
    var outputs: String { root + "/outputs" }
    /// A suite named `tiny` with one function `f` (a gradient and a mutant): quick to check.
    var tinySuite: String { inputs + "/tiny.grad" }
    var brokenSuite: String { inputs + "/broken.grad" }
    /// A saved report of a real run (the plain run of ``FuzzSeedReports``).
    var report: String { inputs + "/report.json" }
    /// The same run with timings and charts.
    var timedReport: String { inputs + "/timed-report.json" }
    /// The same run as a version 1 document.
    var legacyReport: String { inputs + "/legacy-report.json" }
    var notJSON: String { inputs + "/notes.txt" }

    static let tinySuiteText = """
        @points((0.5), (-1.25))
        @tags(tiny)
        func f(x) { return x * x + sin(x) }
        gradient f { return [2 * x + cos(x)] }
        @mutant("cosine sign")
        gradient f { return [2 * x - cos(x)] }

        """

    /// The files of `inputs`, by path.
    private static let inputFiles: [(name: String, bytes: Data)] = [
        ("tiny.grad", Data(tinySuiteText.utf8)),
        ("broken.grad", Data("func f(x) { return x + }\n".utf8)),
        ("report.json", Data(JSONWriter.write(FuzzSeedReports.documents[0]).utf8)),
        ("timed-report.json", Data(JSONWriter.write(FuzzSeedReports.documents[1]).utf8)),
        ("legacy-report.json", Data(JSONWriter.write(FuzzSeedReports.documents[2]).utf8)),
        ("notes.txt", Data("not a report\n".utf8)),
    ]

    /// Removes the workspace and makes it again: the input files, and an empty `outputs`.
    func reset() {
        let files = FileManager.default
        try? files.removeItem(atPath: root)
        try? files.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        try? files.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        for file in Self.inputFiles { _ = files.createFile(atPath: inputs + "/" + file.name, contents: file.bytes) }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
