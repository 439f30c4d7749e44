import Foundation

/// Reads a whole file the user named, but never more than a limit, and says in words why it could not.
///
/// Suite files and saved reports are named on the command line, so they may be anything: a folder, a
/// character device that never ends (`/dev/zero`, `/dev/urandom`), a pipe, a file too large to hold.
/// Foundation's whole-file reading of a device fails with a misleading "permission" message, and a
/// reader that trusted a file's size could be made to read forever; this reader asks the kernel for
/// at most the limit plus one byte and stops, whatever the file is. It opens without blocking (a FIFO
/// with no writer is read as empty instead of waiting forever for one), then reads normally.
public enum BoundedFileReader {
    /// The bytes of the file at `path`, if it holds at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(FileReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw .isFolder }
        if status.st_mode & S_IFMT == S_IFREG, status.st_size > limit { throw .tooLarge(size: Int(status.st_size), limit: limit) }
        // Blocking again, so that a pipe with a writer is read to its end rather than to its first pause.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw .tooLarge(size: nil, limit: limit) }
        }
    }

    private static func failure(_ code: Int32) -> FileReadError {
        switch code {
        case ENOENT, ENOTDIR: .noSuchFile
        case EISDIR: .isFolder
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}

/// Why ``BoundedFileReader`` could not read a file.
public enum FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchFile
    case isFolder
    /// More than `limit` bytes; `size` when the file is a regular one and its size is known up front.
    case tooLarge(size: Int?, limit: Int)
    /// The system's reason (`Permission denied`, `Input/output error`, …).
    case unreadable(String)

    public var description: String {
        switch self {
        case .noSuchFile: "no such file or directory"
        case .isFolder: "it is a folder, not a file"
        case .tooLarge(let size?, let limit): "the file is too large (\(size) bytes; at most \(limit))"
        case .tooLarge(nil, let limit): "the file is too large (more than \(limit) bytes)"
        case .unreadable(let reason): "cannot read the file: \(reason)"
        }
    }
}
