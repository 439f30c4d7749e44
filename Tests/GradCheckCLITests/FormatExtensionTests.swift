import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// `--format` and the extension of `--output` must agree: a mismatch is one usage error before the run,
/// and an extension that names no format is accepted.
@Suite("A format that disagrees with the output's extension")
struct FormatExtensionTests {
    let quick = ["run", "--function", "starter/cubic", "--no-timing"]

    /// The extensions that name a format, with the format they name.
    static let extensions: [(String, String)] = [
        ("json", "json"), ("html", "html"), ("htm", "html"), ("md", "markdown"), ("markdown", "markdown"),
        ("xml", "junit"), ("txt", "text"),
    ]

    @Test func everyMismatchIsAUsageErrorBeforeAnyCheckingWork() throws {
        let folder = try ReportOptionsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var registry = StrategyRegistry()
        try registry.register(CallCountingStrategy())
        let counting = GradCheckTool(registry: registry)
        var mismatches = 0
        for format in ReportFormat.allCases {
            for (fileExtension, implied) in Self.extensions where implied != format.rawValue {
                let path = folder + "/x." + fileExtension
                let result = counting.run(quick + ["--format", format.rawValue, "--output", path])
                #expect(result.exitCode == .usage, "\(format) → .\(fileExtension)")
                let lines = result.standardError.split(separator: "\n")
                #expect(lines.first == Substring(
                    "error: '--format \(format.rawValue)' disagrees with '--output \(path)', whose extension means \(implied): "
                        + "drop '--format' to write \(implied), or name the file with .\(FormatExtensionAgreement.extensionName(format))"),
                    "\(result.standardError)")
                #expect(result.standardError.components(separatedBy: "disagrees").count == 2, "said once")
                #expect(result.standardOutput.isEmpty)
                mismatches += 1
            }
        }
        #expect(mismatches == 5 * Self.extensions.count - Self.extensions.count)  // each extension matches one format
        #expect(CallCountingStrategy.calls.load(ordering: .relaxed) == 0)
        #expect(ReportOptionsTests.contents(folder).isEmpty)
    }

    @Test func agreeingAndUnknownExtensionsAreAccepted() throws {
        let folder = try ReportOptionsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tool = GradCheckTool()
        for (fileExtension, format) in Self.extensions {
            let result = tool.run(quick + ["--format", format, "--output", folder + "/ok." + fileExtension])
            #expect(result.exitCode == .success, "\(format) → .\(fileExtension): \(result.standardError)")
        }
        #expect(tool.run(quick + ["--format", "json", "--output", folder + "/results.out"]).exitCode == .success)
        #expect(ReportOptionsTests.read(folder + "/results.out").hasPrefix("{"))
        #expect(tool.run(quick + ["--format", "html", "--output", folder + "/no-extension"]).exitCode == .success)
        #expect(ReportOptionsTests.read(folder + "/no-extension").hasPrefix("<!DOCTYPE html>"))
    }

    @Test func theReportCommandAppliesTheSameRule() throws {
        let folder = try ReportOptionsTests.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tool = GradCheckTool()
        let saved = folder + "/results.json"
        #expect(tool.run(quick + ["--format", "json", "--output", saved]).exitCode == .success)
        let mismatch = tool.run(["report", saved, "--format", "json", "--output", folder + "/x.html"])
        #expect(mismatch.exitCode == .usage)
        #expect(mismatch.standardError.hasPrefix("error: '--format json' disagrees with '--output \(folder)/x.html'"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.html"))
        #expect(tool.run(["report", saved, "--format", "html", "--output", folder + "/x.html"]).exitCode == .success)
    }
}
