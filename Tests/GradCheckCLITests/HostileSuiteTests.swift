import Foundation
import GradCheckReports
import Testing

/// Runs `gradcheck run` over every suite in `HostileSuites/` — runaway loops and recursion, a billion-entry
/// vector, vectors allocated in a long loop, a million values stored per evaluation over 5,000 inputs (the
/// reference's partials: 160 KB a value), integer overflow, 20,000-deep parentheses, a 20,000-term sum
/// (which must load and be checked: a long chain is not nesting), bytes that are not UTF-8, values outside
/// every domain — inside an address space of 4 GiB (`ulimit -v`), as a CI machine or a container would
/// give it.
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

    /// Suites that are hostile only in size, not in error: they must load and be checked.
    static let mustLoad: Set<String> = ["flat.grad"]

    /// The 20,000-term sum is a chain, not 20,000 levels of nesting: it loads, every exact strategy
    /// verifies its derivative 20,000, and every later phase that walks the expression — the symbolic
    /// derivative printed by `list functions --expressions`, the `trace` of forward and reverse mode —
    /// ends normally under the same address-space limit, without a signal.
    @Test func theFlatSumIsAcceptedAndCheckedByEveryPhase() throws {
        let path = Self.folder.appendingPathComponent("flat.grad").path
        let limit = 4 * 1024 * 1024
        let run = try Self.runLimited(["run", path, "--format", "json", "--no-timing", "--cell-timeout", "60"], kibibytes: limit)
        #expect(!run.signalled && [0, 1].contains(run.status), "\(run.status): \(run.errors.suffix(1_000))")
        let report = try JSONReport.decode(run.output)
        for strategy in ["forward", "forward-chunked", "reverse", "complex-step", "symbolic", "symbolic-unsimplified", "symbolic-adjoint"] {
            let cell = try #require(report.cells.first { $0.function.description == "flat/flat" && $0.strategy == strategy })
            #expect(cell.verdict == .pass, "\(strategy): \(cell.verdict) \(cell.message ?? "")")
            #expect(cell.points.allSatisfy { $0.derivative == [[20_000]] }, "\(strategy)")
        }
        let listing = try Self.runLimited(["list", "functions", path, "--expressions"], kibibytes: limit)
        #expect(!listing.signalled && listing.status == 0, "\(listing.status): \(listing.errors.suffix(1_000))")
        #expect(listing.output.contains("f(x) = 20000*x"), "\(listing.output.suffix(500))")
        let trace = try Self.runLimited(["trace", "flat/flat", "--suite", path], kibibytes: limit)
        #expect(!trace.signalled && trace.status == 0, "\(trace.status): \(trace.errors.suffix(1_000))")
        #expect(trace.output.contains("∂f/∂x = v̄₀ = 20000"), "\(trace.output.suffix(500))")
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
            #expect(!Self.mustLoad.contains(suite), "\(suite) must load: \(ending.errors.prefix(500))")
            #expect(ending.errors.contains("\(suite):"), "\(suite): \(ending.errors.prefix(500))")
            #expect(ending.errors.contains("error:"), "\(suite): \(ending.errors.prefix(500))")
        default:
            Issue.record("\(suite) ended with status \(ending.status): \(ending.errors.suffix(2_000))")
        }
    }
}
