import Foundation
import GradCheckCore
import GradCheckEngine
import GradCheckReports

/// Where the reports of `gradcheck run` go, from `--format`, `--output` and `--report-dir`.
///
/// - no `--output`, no `--report-dir`: one format (default: text) on standard output;
/// - `--output PATH`: one format (given, or guessed from the extension, else text) written to PATH;
///   the text report still goes to standard output unless it is the one written; a given format that
///   the extension contradicts is a usage error (``FormatExtensionAgreement``);
/// - `--report-dir DIR`: every requested format (default: Markdown, HTML, JSON and JUnit; text only when
///   asked for, as `gradcheck.txt`) written to DIR under its conventional name (`gradcheck.md`, …); the
///   text report goes to standard output too.
///
/// Every destination is checked before any checking work starts (an unwritable path, or one that is an
/// input suite file of the run, is a usage error that names it), and every file is written atomically
/// (``AtomicFile``: a symbolic link is written through, beside its target; a device, FIFO or descriptor
/// such as `/dev/null` or `/dev/stdout` is written directly), so a run that fails or is stopped never
/// leaves a half-written report. SIGHUP, SIGINT or SIGTERM while the reports are written removes their
/// temporary files before the process dies of it.
///
/// A report folder holds one run's set: every format is written to its temporary file first, and only
/// then are all renamed into place, with those signals deferred until the last rename, and the
/// conventional files of the formats not written this time (a previous run's `gradcheck.html` beside
/// this run's `gradcheck.json`) are removed. A run stopped by one of those signals leaves the previous
/// set as it was; a finished one leaves only its own. (SIGKILL cannot be caught: it may leave temporary
/// files, and, if it lands between two renames, a mixed set.)
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

    /// The report folder, when the reports go to one.
    var folder: String?

    /// Reads the options and checks that every destination can be written and is none of `inputs` (the
    /// run's suite files); creates the report folder.
    init(_ parsed: ParsedArguments, inputs: [String] = []) throws {
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
            if let given = formats.first { try FormatExtensionAgreement.check(given, output: path) }
            let format = formats.first ?? ReportFormat.guessed(fromFileName: path) ?? .text
            files = [(format, path)]
            standardOutput = format == .text ? nil : .text
        case (nil, let folder?):
            try Self.makeFolder(folder)
            self.folder = folder
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
                try SignalForwarding.removingTemporaryFiles { () throws(FileWriteError) in try AtomicFile.checkWritable(file.path) }
            } catch {
                throw UsageError.invalidUse("cannot write the \(file.format.rawValue) report to '\(file.path)': \(error.reason)")
            }
            if let input = inputs.first(where: { Self.sameFile($0, file.path) }) {
                throw UsageError.invalidUse(
                    "cannot write the \(file.format.rawValue) report to '\(file.path)': it is the suite file '\(input)' this run reads")
            }
        }
    }

    /// Whether `a` and `b` are the same existing file (the same device and inode, links followed).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// The suite files that `paths` (files, and folders of `.grad` files) name.
    static func suiteFiles(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".grad") }
            return names.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        }
    }

    static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw UsageError.invalidUse("cannot create the report folder '\(path)': a file of that name is in the way")
        }
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
        // Foundation's text for an error it has no words for starts with a sentence that says nothing.
        let text = nsError.localizedDescription
        let boilerplate = "The operation could not be completed. "
        return text.hasPrefix(boilerplate) ? String(text.dropFirst(boilerplate.count)) : text
    }

    /// Writes the files and returns the run's result: its exit status, the standard-output report, and an
    /// error line per file that could not be written (which makes the exit status 1). In a report folder,
    /// either every file is replaced or none is.
    func deliver(_ report: RunReport) -> CommandResult {
        var result = CommandResult(exitCode: ExitCode(report.outcome), standardOutput: standardOutput?.render(report) ?? "")
        let rendered = files.map { (data: Data($0.format.render(report).utf8), path: $0.path) }
        let errors = SignalForwarding.removingTemporaryFiles {
            AtomicFile.writeAll(rendered, afterCommit: removeOtherFormats)
        }
        for error in errors {
            result.standardError += "error: \(error)\n"
            result.exitCode = .failure
        }
        return result
    }

    /// Removes, from the report folder, the conventional files of the formats not written this time.
    private func removeOtherFormats() {
        guard let folder else { return }
        let written = Set(files.map(\.format))
        for format in ReportFormat.allCases where !written.contains(format) {
            let path = (folder.hasSuffix("/") ? folder : folder + "/") + format.conventionalFileName
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { unlink(path) }
        }
    }
}
