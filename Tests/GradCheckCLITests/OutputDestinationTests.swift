#if os(Linux)
import Foundation
import Testing

/// What `--output` and `--report-dir` do to what is already at the path: devices, FIFOs and descriptors
/// are written, not replaced; links are written through; input suites are not overwritten; a signal
/// while writing leaves no temporary file and the previous set of reports as it was.
///
/// The devices are private copies (`mknod`) of `/dev/null` and `/dev/full` in a temporary folder, so that
/// no test can replace the machine's own.
@Suite("Output destinations", .serialized)
struct OutputDestinationTests {
    let quick = ["run", "--function", "starter/cubic", "--no-timing", "--strategy", "reverse"]

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-dest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func kind(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    static func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// The device number of the device file at `path` (read, never written).
    static func device(of path: String) -> dev_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_rdev : 0
    }

    /// Whether this process may make device nodes (root, with CAP_MKNOD).
    static let canMakeDevices: Bool = {
        guard let folder = try? folder() else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return mknod(folder + "/probe", S_IFCHR | 0o666, device(of: "/dev/null")) == 0
    }()

    @Test(.enabled(if: canMakeDevices)) func aCharacterDeviceIsWrittenNotReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mknod(folder + "/null", S_IFCHR | 0o666, Self.device(of: "/dev/null")) == 0)
        let result = try Executable.run("gradcheck", quick + ["--format", "json", "--output", folder + "/null"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(Self.kind(folder + "/null") == S_IFCHR)
        #expect(Self.contents(folder) == ["null"])
    }

    @Test(.enabled(if: canMakeDevices)) func aFullDeviceIsAnErrorAndStaysADevice() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mknod(folder + "/full", S_IFCHR | 0o666, Self.device(of: "/dev/full")) == 0)
        let result = try Executable.run("gradcheck", quick + ["--format", "json", "--output", folder + "/full"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot write '\(folder)/full': No space left on device"), "\(result.errors)")
        #expect(Self.kind(folder + "/full") == S_IFCHR)
        #expect(Self.contents(folder) == ["full"])
    }

    @Test func aFIFOIsWrittenNotReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe.md"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opened for reading first, without waiting for a writer, so that the writer's open does not wait;
        // the report (a few kilobytes) fits in the pipe's buffer.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let result = try Executable.run("gradcheck", quick + ["--output", fifo])
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 65536)
        while case let count = Foundation.read(reader, &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
        #expect(result.status == 0, "\(result.errors)")
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("## GradCheck"))
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(Self.contents(folder) == ["pipe.md"])
    }

    @Test func aDescriptorIsWrittenDirectly() throws {
        let result = try Executable.run("gradcheck", quick + ["--format", "json", "--output", "/proc/self/fd/1"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("{\n  \"schema\": \"gradcheck-report/"))
        #expect(result.output.contains("OK: "))  // the text table follows
    }

    @Test func aSymbolicLinkIsWrittenThroughBesideItsTarget() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/target", withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/target/r.md", atomically: false, encoding: .utf8)
        #expect(symlink("target/r.md", folder + "/link.md") == 0)
        let result = try Executable.run("gradcheck", quick + ["--output", folder + "/link.md"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(Self.kind(folder + "/link.md") == S_IFLNK)
        #expect(Self.read(folder + "/target/r.md").hasPrefix("## GradCheck"))
        #expect(Self.contents(folder) == ["link.md", "target"])
        #expect(Self.contents(folder + "/target") == ["r.md"])
        // A dangling link makes its target.
        #expect(symlink("target/new.json", folder + "/dangling.json") == 0)
        #expect(try Executable.run("gradcheck", quick + ["--output", folder + "/dangling.json"]).status == 0)
        #expect(Self.kind(folder + "/dangling.json") == S_IFLNK)
        #expect(Self.read(folder + "/target/new.json").hasPrefix("{"))
    }

    @Test func anInputSuiteIsNotOverwritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let suite = "func square(x) {\n    return x * x\n}\n"
        try suite.write(toFile: folder + "/s.grad", atomically: false, encoding: .utf8)
        #expect(symlink("s.grad", folder + "/alias.md") == 0)
        for (inputs, output) in [([folder + "/s.grad"], folder + "/s.grad"), ([folder], folder + "/alias.md")] {
            let result = try Executable.run("gradcheck", ["run", "--no-timing", "--format", "markdown"] + inputs + ["--output", output])
            #expect(result.status == 64, "\(result.errors)")
            #expect(result.errors.contains("it is the suite file"), "\(result.errors)")
            #expect(Self.read(folder + "/s.grad") == suite)
        }
    }

    /// With no path, the standard suites in ./Suites are the run's inputs.
    @Test func aStandardSuiteIsNotOverwritten() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Suites", withIntermediateDirectories: true)
        let suite = "func square(x) {\n    return x * x\n}\n"
        try suite.write(toFile: folder + "/Suites/s.grad", atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = Executable.directory.appendingPathComponent("gradcheck")
        process.arguments = ["run", "--no-timing", "--function", "s/square", "--format", "markdown", "--output", "Suites/s.grad"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(Self.read(folder + "/Suites/s.grad") == suite)
    }

    /// A signal while the reports are written (held up by a FIFO nobody reads) removes the temporary files
    /// and leaves the previous run's set as it was.
    @Test func aSignalWhileWritingLeavesNoTemporaryAndThePreviousSet() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = ["gradcheck.md", "gradcheck.html", "gradcheck.json"]
        for name in previous { try "previous \(name)".write(toFile: folder + "/" + name, atomically: false, encoding: .utf8) }
        #expect(mkfifo(folder + "/gradcheck-junit.xml", 0o644) == 0)
        let process = Process()
        process.executableURL = Executable.directory.appendingPathComponent("gradcheck")
        process.arguments = quick + ["--report-dir", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessTable.asFromAShell(SIGTERM) { try process.run() }
        // Wait (without a deadline that depends on speed) until the three files are staged beside the FIFO
        // (the destination probes made before the run come and go one at a time).
        while process.isRunning, Self.contents(folder).filter({ $0.contains(".tmp-") }).count < 3 { usleep(10_000) }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
        #expect(Self.contents(folder) == (previous + ["gradcheck-junit.xml"]).sorted())
        for name in previous { #expect(Self.read(folder + "/" + name) == "previous \(name)") }
        #expect(Self.kind(folder + "/gradcheck-junit.xml") == S_IFIFO)
    }
}
#endif
