import Foundation
import GradCheckReports
import Testing

/// Runs `gradcheck run` over every suite in `HostileSuites/` — runaway loops and recursion, a billion-entry
/// vector, vectors allocated in a long loop, a million values stored per evaluation over 5,000 inputs (the
/// reference's partials: 160 KB a value), integer overflow, 20,000-deep parentheses, a 20,000-term sum,
/// bytes that are not UTF-8, values outside every domain — inside an address space of 4 GiB (`ulimit -v`),
/// as a CI machine or a container would give it.
///
/// Each run must end by itself: a load error names its `file:line:col`, and a run that loads ends every
/// cell with a verdict, every `error` cell with a message, naming the suite file where the suite program
/// raised it. A signal (an
/// allocation failure under the limit, a stack overflow, a trap) fails the test.
@Suite("Hostile suites under a 4 GiB address space", .serialized)
struct HostileSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HostileSuites")

    static var suites: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".grad") }.sorted()
    }

    /// How a process ended: its exit status or the signal that ended it, with what it wrote.
    struct Ending {
        var status: Int32
        var signalled: Bool
        var output: String
        var errors: String
    }

    /// Runs the built `gradcheck` with `arguments` under `ulimit -v` of `kibibytes`. The shell `exec`s the
    /// program, so a signal that ends it is seen as such, not as the shell's status.
    static func runLimited(_ arguments: [String], kibibytes: Int) throws -> Ending {
        let program = Executable.directory.appendingPathComponent("gradcheck").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(kibibytes) && exec \"$0\" \"$@\"", program] + arguments
        let output = Pipe()
        let errorsFile = NSTemporaryDirectory() + "gradcheck-hostile-\(UUID().uuidString).err"
        _ = FileManager.default.createFile(atPath: errorsFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorsFile) }
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsFile))
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let err = (try? String(contentsOfFile: errorsFile, encoding: .utf8)) ?? ""
        return Ending(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            output: String(decoding: out, as: UTF8.self), errors: err)
    }

    @Test func theFolderHoldsTheHostileSuites() {
        #expect(Self.suites.count >= 10, "\(Self.suites)")
    }

    /// The iteration limit is lowered from its default so that the runaway loops reach it in a debug build
    /// within seconds; every other limit is at its default.
    @Test(arguments: HostileSuiteTests.suites)
    func everyCellEndsWithAVerdictOrALocatedError(suite: String) throws {
        let path = Self.folder.appendingPathComponent(suite).path
        let ending = try Self.runLimited(
            ["run", path, "--format", "json", "--no-timing", "--cell-timeout", "10", "--max-iterations", "200000"],
            kibibytes: 4 * 1024 * 1024)
        #expect(!ending.signalled, "\(suite) ended by signal \(ending.status): \(ending.errors.suffix(2_000))")
        guard !ending.signalled else { return }
        switch ending.status {
        case 0, 1:
            let report = try JSONReport.decode(ending.output)
            #expect(!report.cells.isEmpty, "\(suite)")
            for cell in report.cells where cell.verdict == .error {
                // Every error says what went wrong; an error raised by the suite program names where.
                let message = cell.message ?? ""
                #expect(!message.isEmpty, "\(suite) · \(cell.function) · \(cell.strategy)")
                if message.contains("error:") {
                    #expect(message.contains(suite), "\(suite) · \(cell.function) · \(cell.strategy): \(message)")
                }
            }
        case 65:
            #expect(ending.errors.contains("\(suite):"), "\(suite): \(ending.errors.prefix(500))")
            #expect(ending.errors.contains("error:"), "\(suite): \(ending.errors.prefix(500))")
        default:
            Issue.record("\(suite) ended with status \(ending.status): \(ending.errors.suffix(2_000))")
        }
    }
}
