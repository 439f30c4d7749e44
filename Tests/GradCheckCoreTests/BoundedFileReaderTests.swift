import Foundation
import GradCheckCore
import Testing

/// Files named by a user are read to a limit, and only when they are regular files (found by
/// `gradcheck fuzz`: `/dev/zero` as a suite or a saved report was refused with a misleading "permission"
/// message, or read without end).
@Suite("Bounded file reading")
struct BoundedFileReaderTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "gradcheck-read-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func anEndlessDeviceIsRefusedAtOnce() {
        #expect(BoundedFileReader.read("/dev/zero", limit: 100_000) == .failure(.notRegularFile(kind: "a character device")))
        #expect(BoundedFileReader.Failure.tooLarge(limit: 8).description == "the file is too large (more than 8 bytes)")
    }

    @Test func aRegularFileIsReadUpToTheLimitAndNoFurther() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ten"
        _ = FileManager.default.createFile(atPath: path, contents: Data("0123456789".utf8))
        #expect(BoundedFileReader.read(path, limit: 10) == .success(Array("0123456789".utf8)))
        #expect(BoundedFileReader.read(path, limit: 9) == .failure(.tooLarge(limit: 9)))
        #expect(BoundedFileReader.read(folder, limit: 9) == .failure(.folder))
        #expect(BoundedFileReader.read(folder + "/missing", limit: 9) == .failure(.missing))
    }

    /// A FIFO is refused at once (never waited on for a writer).
    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(BoundedFileReader.read(path, limit: 10) == .failure(.notRegularFile(kind: "a FIFO (a pipe)")))
    }
}
