import Foundation

/// Writes report files without ever leaving a half-written one, and without replacing what is not a file.
///
/// Where the bytes go depends on what the path names:
///
/// - a regular file, or nothing yet: the bytes go to a temporary file `.NAME.tmp-XXXXXX` in the
///   destination's folder, which is then renamed over the destination. A reader sees the old file or the
///   whole new one, never a half; a failure at any step removes the temporary file and leaves the
///   destination as it was;
/// - a symbolic link: it is followed (link after link) and its *target* is written as above, beside the
///   target; the link itself stays a link;
/// - a character device, a FIFO or a socket (`/dev/null`, `/dev/full`, a named pipe), or one of the
///   process's own descriptors (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`): the bytes
///   are written straight to it, with no temporary file and no rename, so the device stays a device; a
///   write error (`ENOSPC` on `/dev/full`) is reported like any other.
///
/// Every temporary file is listed in ``TemporaryFiles`` while it exists, so that a signal handler can
/// remove it (see `SignalForwarding` in the command-line tool).
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path`.
    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, with permissions rw-r--r-- when it makes a new file.
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write(data, to: path, beforeRename: { _ in })
    }

    /// The same, with a hook that runs after the temporary file is complete and before the rename (for
    /// tests that make the last step fail).
    static func write(
        _ data: Data, to path: String, beforeRename: (String) throws -> Void
    ) throws(FileWriteError) {
        let staged = try stage(data, to: path)
        do {
            try beforeRename(staged.temporary ?? path)
        } catch {
            staged.discard()
            throw FileWriteError(path: path, reason: "\(error)")
        }
        try staged.commit()
    }

    /// Writes every file, all or nothing as far as the file system allows: each file destination is first
    /// written in full to its temporary file, then each stream destination (a device or FIFO) is written;
    /// only when all of that succeeded are the temporary files renamed over their destinations, one after
    /// the other, with signals deferred meanwhile (``TemporaryFiles/deferring(_:)``: a handler that asks
    /// lets the signal be raised again after the renames), so that a signal finds either the old set of
    /// files or the new one. `afterCommit` runs before a deferred signal is raised (to remove files that
    /// do not belong to the new set). When any write fails, no file is replaced and the
    /// errors are returned.
    public static func writeAll(
        _ files: [(data: Data, path: String)], afterCommit: () -> Void = {}
    ) -> [FileWriteError] {
        var staged: [Staged] = []
        var errors: [FileWriteError] = []
        for file in files {
            do {
                staged.append(try stage(file.data, to: file.path))
            } catch {
                errors.append(error)
            }
        }
        for file in staged where file.temporary == nil && errors.isEmpty {
            do {
                try file.commit()
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            for file in staged { file.discard() }
            return errors
        }
        TemporaryFiles.committing {
            for file in staged where file.temporary != nil {
                do throws(FileWriteError) {
                    try file.commit()
                } catch {
                    errors.append(error)
                }
            }
            afterCommit()
        }
        return errors
    }

    /// Checks, before any work is done, that a file can be written at `path`: for a file, that its folder
    /// (the target's, for a link) exists and accepts a new file (probed by creating and removing a
    /// temporary file), and that it is not a folder; for a device, FIFO or descriptor, that it can be
    /// opened for writing.
    public static func checkWritable(_ path: String) throws(FileWriteError) {
        switch try destination(of: path) {
        case .descriptor(let descriptor):
            let flags = fcntl(descriptor, F_GETFL)
            guard flags >= 0, flags & O_ACCMODE != O_RDONLY else {
                throw FileWriteError(path: path, reason: "descriptor \(descriptor) is not open for writing")
            }
        case .stream(let target):
            guard access(target, W_OK) == 0 else { throw FileWriteError(path: path, reason: systemError()) }
        case .file(let target):
            let (descriptor, temporary, slot) = try createTemporaryFile(besides: target, reportedAs: path)
            close(descriptor)
            unlink(temporary)
            TemporaryFiles.remove(slot)
        }
    }

    /// The folder a file at `path` goes in ("." for a bare file name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// What writing to a path means.
    enum Destination: Equatable {
        /// One of this process's open descriptors (`/dev/stdout`, `/dev/fd/3`): written to directly.
        case descriptor(Int32)
        /// An existing device, FIFO or socket, the links to it followed: opened and written to directly.
        case stream(String)
        /// A regular file or nothing yet, the links to it followed: replaced atomically.
        case file(String)
    }

    /// Where the bytes for `path` go: its symbolic links followed, and its kind examined.
    static func destination(of path: String) throws(FileWriteError) -> Destination {
        var current = path
        for _ in 0..<40 {
            if let descriptor = namedDescriptor(current) { return .descriptor(descriptor) }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                // Nothing there yet (or a part of the path is not a folder, which the probe reports).
                if errno == ENOENT || errno == ENOTDIR { return .file(current) }
                throw FileWriteError(path: path, reason: systemError())
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(current, &buffer, buffer.count - 1)
                guard count > 0 else { throw FileWriteError(path: path, reason: systemError()) }
                let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
            case S_IFDIR:
                throw FileWriteError(path: path, reason: current == path ? "it is a folder" : "it links to the folder '\(current)'")
            case S_IFREG:
                return .file(current)
            default:
                return .stream(current)
            }
        }
        throw FileWriteError(path: path, reason: String(cString: strerror(ELOOP)))
    }

    /// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names.
    static func namedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// A file written and waiting for its rename, or a stream destination not written yet.
    struct Staged {
        var path: String
        var destination: Destination
        var data: Data
        /// The complete temporary file, for a file destination.
        var temporary: String?
        var slot: Int?

        /// Renames the temporary file over the destination (or writes the stream).
        func commit() throws(FileWriteError) {
            switch destination {
            case .descriptor(let descriptor):
                if let reason = AtomicFile.writeFully(data, to: descriptor) { throw FileWriteError(path: path, reason: reason) }
            case .stream(let target):
                let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard descriptor >= 0 else { throw FileWriteError(path: path, reason: systemError()) }
                let failure = AtomicFile.writeFully(data, to: descriptor)
                let closed = close(descriptor) == 0
                if let reason = failure ?? (closed ? nil : systemError()) { throw FileWriteError(path: path, reason: reason) }
            case .file(let target):
                guard let temporary else { return }
                defer { slot.map(TemporaryFiles.remove) }
                guard rename(temporary, target) == 0 else {
                    let reason = systemError()
                    unlink(temporary)
                    throw FileWriteError(path: path, reason: reason)
                }
            }
        }

        /// Removes the temporary file.
        func discard() {
            guard let temporary else { return }
            unlink(temporary)
            slot.map(TemporaryFiles.remove)
        }
    }

    /// Writes `data` to a temporary file beside a file destination (nothing yet for a stream).
    static func stage(_ data: Data, to path: String) throws(FileWriteError) -> Staged {
        let destination = try destination(of: path)
        guard case .file(let target) = destination else {
            return Staged(path: path, destination: destination, data: data)
        }
        let (descriptor, temporary, slot) = try createTemporaryFile(besides: target, reportedAs: path)
        var failure = writeFully(data, to: descriptor)
        if failure == nil, fchmod(descriptor, 0o644) != 0 || fsync(descriptor) != 0 { failure = systemError() }
        let closed = close(descriptor) == 0
        if let reason = failure ?? (closed ? nil : systemError()) {
            unlink(temporary)
            TemporaryFiles.remove(slot)
            throw FileWriteError(path: path, reason: reason)
        }
        return Staged(path: path, destination: destination, data: Data(), temporary: temporary, slot: slot)
    }

    /// Writes all of `data` to `descriptor`; the error's text, or nil.
    static func writeFully(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return systemError()
                }
                written += result
            }
            return nil
        }
    }

    /// A new, empty, exclusively created file `.NAME.tmp-XXXXXX` in the folder of `path`, listed in
    /// ``TemporaryFiles`` (under the returned slot). Errors name `reported`.
    static func createTemporaryFile(
        besides path: String, reportedAs reported: String
    ) throws(FileWriteError) -> (Int32, String, Int) {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw FileWriteError(path: reported, reason: "it names a folder, not a file") }
        let folder = folder(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FileWriteError(path: reported, reason: "the folder '\(folder)' does not exist")
        }
        guard isDirectory.boolValue else { throw FileWriteError(path: reported, reason: "'\(folder)' is not a folder") }
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        // Listed before it exists, so that no signal can come between its creation and its listing.
        let slot = TemporaryFiles.reserve()
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            TemporaryFiles.creating(buffer.baseAddress!, in: slot)
        }
        guard descriptor >= 0 else {
            let reason = systemError()
            TemporaryFiles.remove(slot)
            throw FileWriteError(path: reported, reason: reason)
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (descriptor, temporary, slot)
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// A file that could not be written, and why.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}
