import Foundation
import GradCheck
@testable import GradCheckCLI
import Synchronization
import Testing

/// `run --format/--output/--report-dir` and `gradcheck report`, driven in process against real files.
@Suite("Report options and the report command")
struct ReportOptionsTests {
    let tool = GradCheckTool()
    /// A quick run: one function, every built-in strategy, no timings.
    let quick = ["run", "--function", "starter/cubic", "--no-timing"]

    /// A fresh, empty folder for one test.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func oneFormatGoesToStandardOutput() throws {
        let json = tool.run(quick + ["--format", "json"])
        #expect(json.exitCode == .success)
        #expect(json.standardOutput.hasPrefix("{\n  \"schema\": \"gradcheck-report/2\""))
        _ = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
        #expect(tool.run(quick + ["--format", "markdown"]).standardOutput.hasPrefix("## GradCheck: ✅ verified"))
        #expect(tool.run(quick + ["--format", "junit"]).standardOutput.hasPrefix("<?xml"))
        #expect(tool.run(quick + ["--format", "html"]).standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(tool.run(quick + ["--format", "text"]).standardOutput == tool.run(quick).standardOutput)
    }

    @Test func outputWritesOneFormatAndTheTableStillGoesToStandardOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(quick + ["--format", "markdown", "--output", folder + "/summary.md"])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.contains("OK: "))
        #expect(Self.read(folder + "/summary.md").hasPrefix("## GradCheck"))
        // Without --format, the extension decides.
        #expect(tool.run(quick + ["--output", folder + "/r.html"]).exitCode == .success)
        #expect(Self.read(folder + "/r.html").hasPrefix("<!DOCTYPE html>"))
        // The text report written to a file is not printed too.
        let text = tool.run(quick + ["--format", "text", "--output", folder + "/r.txt"])
        #expect(text.standardOutput.isEmpty && Self.read(folder + "/r.txt").contains("OK: "))
        #expect(Self.contents(folder) == ["r.html", "r.txt", "summary.md"])
    }

    @Test func reportDirWritesEveryFormatUnderItsConventionalName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let all = tool.run(quick + ["--report-dir", folder + "/reports/ci"])
        #expect(all.exitCode == .success && all.standardOutput.contains("OK: "))
        #expect(Self.contents(folder + "/reports/ci") == ["gradcheck-junit.xml", "gradcheck.html", "gradcheck.json", "gradcheck.md"])
        let some = tool.run(quick + ["--report-dir", folder + "/two", "--format", "json", "--format", "junit", "--format", "json"])
        #expect(some.exitCode == .success)
        #expect(Self.contents(folder + "/two") == ["gradcheck-junit.xml", "gradcheck.json"])
    }

    /// Text asked for in a report folder is written there as gradcheck.txt (and still printed).
    @Test func reportDirWithTextWritesGradcheckTxt() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = tool.run(quick + ["--report-dir", folder + "/text", "--format", "text"])
        #expect(text.exitCode == .success && text.standardOutput.contains("OK: "))
        #expect(Self.contents(folder + "/text") == ["gradcheck.txt"])
        #expect(Self.read(folder + "/text/gradcheck.txt") == text.standardOutput)
        let mixed = tool.run(quick + ["--report-dir", folder + "/mixed", "--format", "text", "--format", "json"])
        #expect(mixed.exitCode == .success)
        #expect(Self.contents(folder + "/mixed") == ["gradcheck.json", "gradcheck.txt"])
    }

    /// A report folder holds one run's set: the previous run's files of formats not written this time
    /// are removed, so that no stale HTML sits beside a new JSON.
    @Test func reportDirHoldsOnlyThisRunsFormats() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(tool.run(quick + ["--report-dir", folder]).exitCode == .success)
        #expect(Self.contents(folder).count == 4)
        try "notes".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(tool.run(quick + ["--report-dir", folder, "--format", "json"]).exitCode == .success)
        #expect(Self.contents(folder) == ["gradcheck.json", "notes.txt"])
    }

    @Test func aFailingRunStillWritesItsReportsAndExits1() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run([
            "run", "--function", "starter/nutty-as-printed", "--strategy", "hand-coded", "--no-timing", "--report-dir", folder,
        ])
        #expect(result.exitCode == .failure)
        #expect(Self.read(folder + "/gradcheck-junit.xml").contains("<failure message=\"fail: "))
        #expect(Self.read(folder + "/gradcheck.md").contains("### Failures (1)"))
    }

    @Test func badCombinationsAreUsageErrors() {
        let cases: [([String], String)] = [
            (["--format", "pdf"], "the value 'pdf' is invalid for '--format': expected one of text, markdown, html, json, junit"),
            (["--format", "json", "--format", "html"], "only one format can go to standard output; use '--report-dir <dir>'"),
            (["--format", "json", "--format", "html", "--output", "/tmp/x.json"], "'--output' writes one report, but 2 formats"),
            (["--output", "/tmp/x.json", "--report-dir", "/tmp"], "'--output' and '--report-dir' cannot be used together"),
            (["--output", "/tmp/x", "--output", "/tmp/y"], "'--output' may be given only once"),
        ]
        for (options, fragment) in cases {
            let result = tool.run(quick + options)
            #expect(result.exitCode == .usage, "\(options)")
            #expect(result.standardError.contains(fragment), "\(options): \(result.standardError)")
        }
    }

    /// An unwritable destination is reported, naming the path, before any strategy runs.
    @Test func anUnwritableOutputFailsBeforeAnyCheckingWork() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "x".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
        var registry = StrategyRegistry()
        try registry.register(CallCountingStrategy())
        let counting = GradCheckTool(registry: registry)
        let cases: [([String], String)] = [
            (["--output", folder + "/missing/r.json"], "cannot write the json report to '\(folder)/missing/r.json': the folder '\(folder)/missing' does not exist"),
            (["--output", folder], "cannot write the text report to '\(folder)': it is a folder"),
            (["--report-dir", folder + "/file"], "cannot create the report folder '\(folder)/file'"),
            (["--report-dir", folder + "/file/sub"], "cannot create the report folder '\(folder)/file/sub'"),
        ]
        for (options, fragment) in cases {
            let result = counting.run(["run", "--function", "starter/cubic", "--no-timing"] + options)
            #expect(result.exitCode == .usage, "\(options)")
            #expect(result.standardError.contains(fragment), "\(options): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        #expect(CallCountingStrategy.calls.load(ordering: .relaxed) == 0)
        #expect(Self.contents(folder) == ["file"])
    }

    @Test func reportRerendersASavedRunInEveryFormat() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let saved = folder + "/results.json"
        #expect(tool.run(quick + ["--format", "json", "--output", saved]).exitCode == .success)
        for format in ["markdown", "html", "junit", "text", "json"] {
            let direct = tool.run(quick + ["--format", format]).standardOutput
            let rerendered = tool.run(["report", saved, "--format", format])
            #expect(rerendered.exitCode == .success)
            #expect(rerendered.standardOutput == direct, "\(format)")
        }
        #expect(tool.run(["report", saved]).standardOutput == tool.run(quick).standardOutput)
        let written = tool.run(["report", saved, "--format", "html", "--output", folder + "/page.html"])
        #expect(written.exitCode == .success && written.standardOutput.isEmpty)
        #expect(Self.read(folder + "/page.html").hasPrefix("<!DOCTYPE html>"))
        #expect(tool.run(["report", saved, "--output", folder + "/guessed.md"]).exitCode == .success)
        #expect(Self.read(folder + "/guessed.md").hasPrefix("## GradCheck"))
    }

    @Test func aBadOrMissingReportIsADataErrorNamingTheFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{\"schema\": \"gradcheck-report/1\",\n \"metadata\": [}".write(toFile: folder + "/broken.json", atomically: false, encoding: .utf8)
        try "{\"schema\": \"other/1\"}".write(toFile: folder + "/other.json", atomically: false, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: folder + "/binary.json"))
        let cases: [(String, String)] = [
            (folder + "/missing.json", "\(folder)/missing.json: no such file"),
            (folder, "\(folder): it is a folder"),
            (folder + "/broken.json", "\(folder)/broken.json: not valid JSON: line 2, column 15: unexpected character '}'"),
            (folder + "/other.json", "\(folder)/other.json: not a GradCheck report (gradcheck-report/2): schema: unsupported schema"),
            (folder + "/binary.json", "\(folder)/binary.json: not a GradCheck JSON report: the file is not UTF-8 text"),
        ]
        for (path, message) in cases {
            let result = tool.run(["report", path, "--format", "markdown"])
            #expect(result.exitCode == .invalidData, "\(path)")
            #expect(result.standardError.hasPrefix("error: " + message), "\(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let usage = tool.run(["report"])
        #expect(usage.exitCode == .usage && usage.standardError.contains("missing expected argument '<results>'"))
        let format = tool.run(["report", folder + "/other.json", "--format", "pdf"])
        #expect(format.exitCode == .usage && format.standardError.contains("'gradcheck report --help'"))
        let unwritable = tool.run(["report", folder + "/broken.json", "--output", folder + "/no/such/x.md"])
        #expect(unwritable.exitCode == .usage && unwritable.standardError.contains("'\(folder)/no/such/x.md'"))
    }

    @Test func helpMentionsTheReportCommand() {
        #expect(tool.run(["--help"]).standardOutput.contains("report                  Render a saved JSON report"))
        let help = tool.run(["help", "report"])
        #expect(help.exitCode == .success)
        #expect(help.standardOutput.contains("USAGE: gradcheck report <results> [--format <format>] [--output <path>]"))
        #expect(help.standardOutput == tool.run(["report", "--help"]).standardOutput)
    }
}

/// A strategy that counts its calls, to show that a command did no checking work.
struct CallCountingStrategy: DifferentiationStrategy {
    static let calls = Atomic<Int>(0)
    let id = "counting"
    let family = StrategyFamily.automatic
    let summary = "counts its calls"

    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        Self.calls.add(1, ordering: .relaxed)
        return try HandCodedStrategy().derivative(of: function, at: point, variant: variant)
    }
}
