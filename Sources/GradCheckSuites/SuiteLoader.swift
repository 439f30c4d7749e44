import Foundation
import GradCheckCore

/// Loads `.grad` suites: a file, a directory (every `*.grad` in it, not recursively, sorted by name), or
/// source text with a name.
///
/// A load either succeeds completely or throws a ``SuiteLoadError`` holding every diagnostic of every
/// file read, so that a user fixes them all in one go; render it with `String(describing:)`:
/// ```
/// Suites/seeds.grad:7:23: error: unknown name 'x3'; did you mean 'x1'?
///     return x1 * sqrt(x3)
///                      ^
/// 1 error generated.
/// ```
/// Paths in messages are exactly the paths passed in (a relative path stays relative). Warnings of a
/// successful load are on ``Suite/warnings``.
///
/// The CLI: `gradcheck run PATH…` calls ``loadSuites(at:)`` for each path; with no path,
/// ``StandardCorpus/loadDefault(currentDirectory:limits:)`` (`./Suites` if it exists, else the corpus
/// built into the library; a `./Suites` without test functions is an error). On a ``SuiteLoadError``,
/// print it to standard error and exit with 65.
public struct SuiteLoader: Sendable {
    /// Bounds applied to every evaluation of the loaded functions.
    public var limits: RuntimeLimits
    /// Files larger than this are rejected without being parsed. Default 8 MiB.
    public var maximumFileSize: Int = 8 << 20

    public init(limits: RuntimeLimits = .default) {
        self.limits = limits
    }

    /// The suites at `path`: the file itself, or every `*.grad` file of the directory.
    public func loadSuites(at path: String) throws(SuiteLoadError) -> [Suite] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SuiteLoadError(diagnostics: [Self.fileDiagnostic(path, "no such file or directory")])
        }
        guard isDirectory.boolValue else { return [try loadFile(path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".grad") }.sorted()
        } catch {
            throw SuiteLoadError(diagnostics: [Self.fileDiagnostic(path, "cannot list the directory: \(error.localizedDescription)")])
        }
        let separator = path.hasSuffix("/") ? "" : "/"
        var suites: [Suite] = []
        var diagnostics: [SuiteDiagnostic] = []
        for name in names {
            do throws(SuiteLoadError) {
                suites.append(try loadFile(path + separator + name))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw SuiteLoadError(diagnostics: diagnostics + suites.flatMap(\.warnings)) }
        return suites
    }

    /// The test functions at `path` (a file or a directory), every suite's in order.
    public func load(_ path: String) throws(SuiteLoadError) -> [any TestFunction] {
        try loadSuites(at: path).flatMap(\.functions)
    }

    /// The suite in the file at `path`; its name is the file's base name.
    public func loadFile(_ path: String) throws(SuiteLoadError) -> Suite {
        // Bounded: a device such as /dev/zero or a giant file ends in a message, never in reading forever.
        let bytes: [UInt8]
        do {
            bytes = try BoundedFileReader.read(path, limit: maximumFileSize)
        } catch {
            throw SuiteLoadError(diagnostics: [Self.fileDiagnostic(path, error.description)])
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try loadSuite(bytes: bytes, name: name, path: path)
    }

    /// The suite in `source`, named `name`; diagnostics show `path` (default: `name`).
    public func loadSuite(source: String, name: String, path: String? = nil) throws(SuiteLoadError) -> Suite {
        try loadSuite(bytes: Array(source.utf8), name: name, path: path ?? name)
    }

    /// The test functions of `source`, named `name`.
    public func load(source: String, name: String, path: String? = nil) throws(SuiteLoadError) -> [any TestFunction] {
        try loadSuite(source: source, name: name, path: path).functions
    }

    /// The suite in UTF-8 `bytes`.
    public func loadSuite(bytes: [UInt8], name: String, path: String) throws(SuiteLoadError) -> Suite {
        guard bytes.count <= maximumFileSize else {
            throw SuiteLoadError(diagnostics: [Self.fileDiagnostic(path, "the file is too large (\(bytes.count) bytes)")])
        }
        let source = SourceFile(path: path, bytes: bytes)
        if let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            let (line, column) = source.lineAndColumn(of: offset)
            throw SuiteLoadError(diagnostics: [
                SuiteDiagnostic(
                    path: path, line: line, column: column, message: "the file is not valid UTF-8 (byte \(offset))",
                    sourceLine: source.lineText(line - 1))
            ])
        }
        let limits = self.limits
        switch LargeStack.run({ Suite.compile(source, name: name, limits: limits) }) {
        case .success(let suite): return suite
        case .failure(let error): throw error
        }
    }

    static func fileDiagnostic(_ path: String, _ message: String) -> SuiteDiagnostic {
        SuiteDiagnostic(path: path, line: 1, column: 1, message: message)
    }
}

/// Finds the first byte that is not part of a well-formed UTF-8 sequence (no overlong forms, no
/// surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let (length, low, high): (Int, UInt8, UInt8)
            switch lead {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default: return i
            }
            guard i + length <= bytes.count, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
    }
}
