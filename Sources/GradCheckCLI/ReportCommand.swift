import Foundation
import GradCheckCore
import GradCheckEngine
import GradCheckReports

/// `gradcheck report RESULTS.json`: renders a saved JSON report again, in any format.
///
/// A file that cannot be read, is not JSON, or is not a `gradcheck-report/1` document is a data error
/// (exit 65) whose message names the file and, for bad content, the line and column or the member.
struct ReportCommand {
    static let definition = CommandDefinition(
        commandPath: "gradcheck report",
        abstract: "Render a saved JSON report (from 'gradcheck run --format json') in another format.",
        discussion: """
            Exit status: 0 when the report was rendered, 64 for a usage error, 65 when the file cannot be
            read or is not a GradCheck JSON report.
            """,
        arguments: [PositionalDefinition(name: "results", help: "A JSON report written by 'gradcheck run --format json'.")],
        options: [
            .value("--format", "format", help: "markdown, html, junit, text or json (default: guessed from --output, else text)."),
            .value("--output", "path", help: "Write the report to this file (atomically) instead of standard output."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let output = parsed.value("--output")
        let format: ReportFormat
        if let text = parsed.value("--format") {
            guard let chosen = ReportFormat(rawValue: text) else {
                throw UsageError.invalidValue(
                    option: "--format", value: text, expected: "one of " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            format = chosen
            if let output { try FormatExtensionAgreement.check(format, output: output) }
        } else {
            format = output.flatMap(ReportFormat.guessed(fromFileName:)) ?? .text
        }
        if let output {
            do {
                try SignalForwarding.removingTemporaryFiles { () throws(FileWriteError) in try AtomicFile.checkWritable(output) }
            } catch {
                throw UsageError.invalidUse("cannot write the \(format.rawValue) report to '\(output)': \(error.reason)")
            }
        }

        let path = parsed.positionals[0]
        let report: RunReport
        switch Self.read(path) {
        case .success(let decoded): report = decoded
        case .failure(let message):
            return CommandResult(exitCode: .invalidData, standardError: "error: \(path): \(message)\n")
        }
        let rendered = format.render(report)
        guard let output else { return CommandResult(exitCode: .success, standardOutput: rendered) }
        try SignalForwarding.removingTemporaryFiles { () throws(FileWriteError) in try AtomicFile.write(rendered, to: output) }
        return CommandResult(exitCode: .success)
    }

    /// The report saved at `path`, or why it cannot be had.
    static func read(_ path: String) -> Result<RunReport, ReadFailure> {
        let bytes: [UInt8]
        switch BoundedFileReader.read(path, limit: maximumReportSize) {
        case .success(let read): bytes = read
        case .failure(.folder): return .failure(ReadFailure("it is a folder, not a JSON report"))
        case .failure(let failure): return .failure(ReadFailure(failure.description))
        }
        do {
            return .success(try JSONReport.decode(Data(bytes)))
        } catch {
            return .failure(ReadFailure(error.description))
        }
    }

    /// The largest saved report read (256 MiB): a run of the whole corpus with hundreds of points per
    /// function stays far below, and a device that never ends (`/dev/zero`) is cut off there.
    static let maximumReportSize = 256 << 20

    /// Why a saved report could not be read, in words.
    struct ReadFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
