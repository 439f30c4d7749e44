import Foundation

/// Writes files atomically: the bytes go to a temporary file in the destination's folder, which is then
/// renamed over the destination. A reader sees the old file or the whole new one, never a half; a
/// failure at any step removes the temporary file and leaves the destination as it was.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path`.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, with permissions rw-r--r--.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write(data, to: path, beforeRename: { _ in })
    }

    /// The same, with a hook that runs after the temporary file is complete and before the rename (for
    /// tests that make the last step fail).
    static func write(
        _ data: Data, to path: String, beforeRename: (String) throws -> Void
    ) throws(FileWriteError) {
        let (descriptor, temporary) = try createTemporaryFile(besides: path)
        let failure: String? = data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return systemError()
                }
                written += result
            }
            return fchmod(descriptor, 0o644) == 0 && fsync(descriptor) == 0 ? nil : systemError()
        }
        let closed = close(descriptor) == 0
        if let reason = failure ?? (closed ? nil : systemError()) {
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
        do {
            try beforeRename(temporary)
        } catch {
            unlink(temporary)
            throw FileWriteError(path: path, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = systemError()
            unlink(temporary)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Checks, before any work is done, that a file can be written at `path`: its folder exists and
    /// accepts a new file (probed by creating and removing a temporary file), and `path` is not a folder.
    public static func checkWritable(_ path: String) throws(FileWriteError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw FileWriteError(path: path, reason: "it is a folder")
        }
        let (descriptor, temporary) = try createTemporaryFile(besides: path)
        close(descriptor)
        unlink(temporary)
    }

    /// The folder a file at `path` goes in ("." for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// A new, empty, exclusively created file `.NAME.tmp-XXXXXX` in the folder of `path`.
    static func createTemporaryFile(besides path: String) throws(FileWriteError) -> (Int32, String) {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw FileWriteError(path: path, reason: "it names a folder, not a file") }
        let folder = folder(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FileWriteError(path: path, reason: "the folder '\(folder)' does not exist")
        }
        guard isDirectory.boolValue else { throw FileWriteError(path: path, reason: "'\(folder)' is not a folder") }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw FileWriteError(path: path, reason: systemError()) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (descriptor, temporary)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// A file that could not be written, and why.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}
