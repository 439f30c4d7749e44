import Foundation
@testable import GradCheckReports
import Testing

@Suite("Atomic report files")
struct AtomicFileTests {
    /// A fresh, empty folder for one test.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func writesTheWholeFileAndLeavesNoTemporary() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("old", to: folder + "/r.json")
        try AtomicFile.write("new contents", to: folder + "/r.json")
        #expect(try String(contentsOfFile: folder + "/r.json", encoding: .utf8) == "new contents")
        #expect(Self.contents(folder) == ["r.json"])
        let permissions = try FileManager.default.attributesOfItem(atPath: folder + "/r.json")[.posixPermissions] as? Int
        #expect(permissions == 0o644)
    }

    @Test func aFailureBeforeTheRenameLeavesTheOldFileAndNoTemporary() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("old", to: folder + "/r.md")
        struct Interrupted: Error {}
        var sawTemporary = false
        #expect(throws: FileWriteError.self) {
            try AtomicFile.write(Data("half".utf8), to: folder + "/r.md") { temporary in
                sawTemporary = FileManager.default.fileExists(atPath: temporary) && temporary.hasPrefix(folder + "/.r.md.tmp-")
                throw Interrupted()
            }
        }
        #expect(sawTemporary)
        #expect(try String(contentsOfFile: folder + "/r.md", encoding: .utf8) == "old")
        #expect(Self.contents(folder) == ["r.md"])
    }

    @Test func aFailedRenameLeavesNoFileAndNoTemporary() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A non-empty folder where the file should go: the rename fails.
        try FileManager.default.createDirectory(atPath: folder + "/r.html/inside", withIntermediateDirectories: true)
        #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: folder + "/r.html") }
        #expect(Self.contents(folder) == ["r.html"])
    }

    @Test func unwritablePathsAreFoundBeforeWriting() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "plain file".write(toFile: folder + "/file", atomically: false, encoding: .utf8)
        let cases: [(String, String)] = [
            (folder + "/missing/r.json", "the folder '\(folder)/missing' does not exist"),
            (folder + "/file/r.json", "'\(folder)/file' is not a folder"),
            (folder, "it is a folder"),
            (folder + "/", "it is a folder"),
        ]
        for (path, reason) in cases {
            #expect(throws: FileWriteError(path: path, reason: reason)) { try AtomicFile.checkWritable(path) }
        }
        try AtomicFile.checkWritable(folder + "/new.json")
        #expect(Self.contents(folder) == ["file"])  // the probe left nothing behind
    }

    /// A bare file name goes in the current folder (the probe leaves nothing there).
    @Test func aBareFileNameIsInTheCurrentFolder() throws {
        let name = "gradcheck-probe-\(UUID().uuidString).json"
        try AtomicFile.checkWritable(name)
        #expect(!FileManager.default.fileExists(atPath: name))
        #expect(!Self.contents(".").contains { $0.contains(name) })
    }

    /// A temporary file is listed for a signal handler to remove while it exists, and no longer once it is
    /// renamed or removed.
    @Test func temporaryFilesAreListedWhileTheyExist() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var listed: String?
        try AtomicFile.write(Data("x".utf8), to: folder + "/r.json") { temporary in
            if TemporaryFiles.isListed(temporary) { listed = temporary }
        }
        let temporary = try #require(listed)
        #expect(!TemporaryFiles.isListed(temporary))
        struct Stop: Error {}
        _ = try? AtomicFile.write(Data("y".utf8), to: folder + "/r.json") { temporary in
            listed = temporary
            throw Stop()
        }
        #expect(listed.map(TemporaryFiles.isListed) == false)
        // removeAll() (what the handler calls) removes a listed file.
        let (descriptor, path, slot) = try AtomicFile.createTemporaryFile(besides: folder + "/s.md", reportedAs: "s.md")
        close(descriptor)
        #expect(TemporaryFiles.isListed(path))
        TemporaryFiles.removeAll()
        #expect(!FileManager.default.fileExists(atPath: path))
        TemporaryFiles.remove(slot)
        #expect(Self.contents(folder) == ["r.json"])
    }

    /// While a set is being renamed, a handler is told to let the signal wait; SIGWINCH, whose default
    /// action is to do nothing, stands in for the signal raised again afterwards.
    @Test func aSignalDuringTheRenamesWaitsForThemToEnd() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var deferred = false
        let errors = AtomicFile.writeAll([(Data("a".utf8), folder + "/a.md"), (Data("b".utf8), folder + "/b.json")]) {
            deferred = TemporaryFiles.deferring(SIGWINCH)
        }
        #expect(errors.isEmpty && deferred)
        #expect(Self.contents(folder) == ["a.md", "b.json"])
    }

    /// A set is all or nothing: when one file cannot be written, none is replaced.
    @Test func aSetWithOneUnwritableFileReplacesNone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("old", to: folder + "/a.md")
        let errors = AtomicFile.writeAll([(Data("new".utf8), folder + "/a.md"), (Data("b".utf8), folder + "/missing/b.json")])
        #expect(errors.map(\.path) == [folder + "/missing/b.json"])
        #expect(try String(contentsOfFile: folder + "/a.md", encoding: .utf8) == "old")
        #expect(Self.contents(folder) == ["a.md"])
    }

    @Test func whatAPathNames() throws {
        #expect(try AtomicFile.destination(of: "/dev/stdout") == .descriptor(1))
        #expect(try AtomicFile.destination(of: "/dev/stderr") == .descriptor(2))
        #expect(try AtomicFile.destination(of: "/proc/self/fd/7") == .descriptor(7))
        #expect(try AtomicFile.destination(of: "/dev/null") == .stream("/dev/null"))
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(symlink("/dev/stdout", folder + "/out") == 0)
        #expect(try AtomicFile.destination(of: folder + "/out") == .descriptor(1))
        #expect(symlink("a", folder + "/b") == 0 && symlink("b", folder + "/a") == 0)
        #expect(throws: FileWriteError.self) { try AtomicFile.destination(of: folder + "/a") }
    }

    @Test func folderOfAPath() {
        #expect(AtomicFile.folder(of: "r.json") == ".")
        #expect(AtomicFile.folder(of: "/r.json") == "/")
        #expect(AtomicFile.folder(of: "a/b/r.json") == "a/b")
    }
}
