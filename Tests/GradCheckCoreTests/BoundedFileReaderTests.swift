import Foundation
import GradCheckCore
import Testing

/// Files named by a user are read to a limit, whatever they are (found by `gradcheck fuzz`: `/dev/zero`
/// as a suite or a saved report was refused with a misleading "permission" message).
@Suite("Bounded file reading")
struct BoundedFileReaderTests {
    let folder: String = {
        let path = NSTemporaryDirectory() + "gradcheck-read-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func anEndlessDeviceStopsAtTheLimit() {
        #expect(throws: FileReadError.tooLarge(size: nil, limit: 100_000)) { try BoundedFileReader.read("/dev/zero", limit: 100_000) }
        #expect(FileReadError.tooLarge(size: nil, limit: 8).description == "the file is too large (more than 8 bytes)")
    }

    @Test func aRegularFileIsReadUpToTheLimitAndNoFurther() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ten"
        _ = FileManager.default.createFile(atPath: path, contents: Data("0123456789".utf8))
        #expect(try BoundedFileReader.read(path, limit: 10) == Array("0123456789".utf8))
        #expect(throws: FileReadError.tooLarge(size: 10, limit: 9)) { try BoundedFileReader.read(path, limit: 9) }
        #expect(throws: FileReadError.isFolder) { try BoundedFileReader.read(folder, limit: 9) }
        #expect(throws: FileReadError.noSuchFile) { try BoundedFileReader.read(folder + "/missing", limit: 9) }
        #expect(throws: FileReadError.noSuchFile) { try BoundedFileReader.read(path + "/below-a-file", limit: 9) }
    }

    /// A FIFO nobody writes to is read as empty instead of blocking the reader forever.
    @Test func aFIFOWithoutAWriterIsEmpty() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(try BoundedFileReader.read(path, limit: 10) == [])
    }
}
