import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file — a saved report, a suite — with memory bounded by a byte limit, refusing
/// what is not a regular file.
///
/// `Data(contentsOf:)` on `/dev/zero` or `/dev/urandom` never ends and grows until memory runs out (or
/// fails with a misleading reason), and on a FIFO it waits for a writer forever. Here the file is opened
/// with `O_NONBLOCK` (so opening a FIFO returns at once), its kind is taken from `fstat` of that same
/// descriptor (no race between a check and the read), and only a regular file is read: at most
/// `limit + 1` bytes in chunks of 64 KiB, so a file that grows while it is read is still refused as too
/// large rather than read without end.
public enum BoundedFileReader {
    /// Why a file was not read, in words fit for "error: PATH: …".
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case folder
        /// Not a regular file: `kind` says what it is ("a character device", "a FIFO", …).
        case notRegularFile(kind: String)
        case tooLarge(limit: Int)
        /// The system's reason (`strerror`).
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .folder: "it is a folder, not a file"
            case .notRegularFile(let kind): "it is \(kind), not a regular file; only a regular file is read"
            case .tooLarge(let limit): "the file is too large (more than \(limit) bytes)"
            case .unreadable(let reason): "cannot be read: \(reason)"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else {
            let code = errno
            return .failure(code == ENOENT ? .missing : .unreadable(String(cString: strerror(code))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { return .failure(type == S_IFDIR ? .folder : .notRegularFile(kind: kind(of: type))) }
        guard Int(status.st_size) <= limit else { return .failure(.tooLarge(limit: limit)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        let chunk = 64 << 10
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
        }
    }

    /// A file type of `st_mode` in words.
    static func kind(of type: mode_t) -> String {
        switch type {
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (a pipe)"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "a special file"
        }
    }

    /// `read(2)`, named apart from ``read(_:limit:)``.
    static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
