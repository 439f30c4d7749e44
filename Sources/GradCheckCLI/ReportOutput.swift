import Foundation
import GradCheckCore
import GradCheckReports

/// Where the reports of `gradcheck run` go, from `--format`, `--output` and `--report-dir`.
///
/// - no `--output`, no `--report-dir`: one format (default: text) on standard output;
/// - `--output PATH`: one format (given, or guessed from the extension, else text) written to PATH;
///   the text report still goes to standard output unless it is the one written;
/// - `--report-dir DIR`: every requested format (default: Markdown, HTML, JSON and JUnit; text only when
///   asked for, as `gradcheck.txt`) written to DIR under its conventional name (`gradcheck.md`, …); the
///   text report goes to standard output too.
///
/// Every destination is checked before any checking work starts (an unwritable path is a usage error
/// that names it), and every file is written atomically (``AtomicFile``), so a run that fails or is
/// stopped never leaves a half-written report. The files are written one by one, the plain data first
/// (JSON, JUnit, Markdown, text) and the charted HTML last, and a file that cannot be written does not
/// keep the others from being written.
struct ReportOutput {
    /// The format printed on standard output, if any.
    var standardOutput: ReportFormat?
    /// The files to write.
    var files: [(format: ReportFormat, path: String)]

    static let options: [OptionDefinition] = [
        .value(
            "--format", "format", help: "Report format: text, markdown, html, json or junit (repeatable; default: text).",
            repeatable: true),
        .value("--output", "path", help: "Write the report (one format, else guessed from the extension) to this file."),
        .value("--report-dir", "dir", help: "Write each format (default: all but text) here as gradcheck.md, .html, .json, -junit.xml, .txt."),
    ]

    static let fileFormats: [ReportFormat] = [.markdown, .html, .json, .junit]

    /// Whether a requested format carries the charts' studies (HTML draws them, JSON keeps them).
    var drawsCharts: Bool {
        ([standardOutput].compactMap { $0 } + files.map(\.format)).contains { $0 == .html || $0 == .json }
    }

    /// Reads the options and checks that every destination can be written; creates the report folder.
    init(_ parsed: ParsedArguments) throws {
        var formats: [ReportFormat] = []
        for text in parsed.all("--format") {
            guard let format = ReportFormat(rawValue: text) else {
                throw UsageError.invalidValue(
                    option: "--format", value: text, expected: "one of " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !formats.contains(format) { formats.append(format) }
        }
        let output = parsed.value("--output"), directory = parsed.value("--report-dir")
        switch (output, directory) {
        case (.some, .some):
            throw UsageError.invalidUse("'--output' and '--report-dir' cannot be used together: give one or the other")
        case (let path?, nil):
            guard formats.count <= 1 else {
                throw UsageError.invalidUse("'--output' writes one report, but \(formats.count) formats were given; use '--report-dir <dir>' for several")
            }
            let format = formats.first ?? ReportFormat.guessed(fromFileName: path) ?? .text
            files = [(format, path)]
            standardOutput = format == .text ? nil : .text
        case (nil, let folder?):
            try Self.makeFolder(folder)
            let requested = formats.isEmpty ? Self.fileFormats : formats
            files = requested.map { ($0, folder.hasSuffix("/") ? folder + $0.conventionalFileName : folder + "/" + $0.conventionalFileName) }
            standardOutput = .text
        case (nil, nil):
            guard formats.count <= 1 else {
                throw UsageError.invalidUse("only one format can go to standard output; use '--report-dir <dir>' to write several")
            }
            files = []
            standardOutput = formats.first ?? .text
        }
        for file in files {
            do {
                try AtomicFile.checkWritable(file.path)
            } catch {
                throw UsageError.invalidUse("cannot write the \(file.format.rawValue) report to '\(file.path)': \(error.reason)")
            }
        }
    }

    static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw UsageError.invalidUse("cannot create the report folder '\(path)': \(Self.reason(error))")
        }
    }

    /// The last part of a Foundation error's text, without the file name it repeats.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }

    /// Writes the files and returns the run's result: its exit status, the standard-output report, and an
    /// error line per file that could not be written (which makes the exit status 1).
    func deliver(_ report: RunReport) -> CommandResult {
        var result = CommandResult(exitCode: ExitCode(report.outcome))
        for file in files.sorted(by: { Self.writingOrder($0.format) < Self.writingOrder($1.format) }) {
            do {
                try AtomicFile.write(file.format.render(report), to: file.path)
            } catch {
                result.standardError += "error: \(error)\n"
                result.exitCode = .failure
            }
        }
        result.standardOutput = standardOutput?.render(report) ?? ""
        return result
    }

    /// The order files are written in: the plain data first, the HTML (with its charts) last.
    static func writingOrder(_ format: ReportFormat) -> Int {
        switch format {
        case .json: 0
        case .junit: 1
        case .markdown: 2
        case .text: 3
        case .html: 4
        }
    }
}
