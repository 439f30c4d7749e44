import Foundation
import GradCheck
import GradCheckReports
import Testing

/// Issue 21, item 11, as a user meets it: a 5,000-input function that stores a million values used to
/// exhaust a 4 GiB address space in the reference and abort. The evaluation's memory budget follows
/// `ulimit -v`, and `--max-memory` sets it; either way the cell ends with a located error, never a signal.
@Suite("Memory limits of gradcheck run", .serialized)
struct MemoryLimitCommandTests {
    static let hoard = """
        // A function of 5,000 inputs that stores a million values per evaluation.
        @dimensions(n: 5000)
        @domain(x: 0.5...1.5)
        func hoard(x[n]) {
            var v = zeros(1000000)
            var s = 0
            for i in 0..<1000000 {
                v[i] = x[i % n] * 1.5
                s = s + v[i]
            }
            return s
        }
        """

    /// `gradcheck run` of the hoarding suite under an address-space limit of `kibibytes`, one point, forward
    /// mode, with `extra` options; the report's only cell.
    func hoardCell(kibibytes: Int, _ extra: [String] = []) throws -> (status: Int32, cell: CellResult, file: String) {
        let folder = NSTemporaryDirectory() + "gradcheck-memory-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/hoard.grad"
        try Self.hoard.write(toFile: file, atomically: true, encoding: .utf8)
        let executable = Executable.directory.appendingPathComponent("gradcheck").path
        let result = try Executable.launch(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "ulimit -v \(kibibytes) && exec \"$0\" \"$@\"", executable, "run", file, "--format", "json", "--no-timing",
             "--points", "1", "--strategy", "forward"] + extra)
        let report = try JSONReport.decode(result.output)
        return (result.status, try #require(report.cells.first), file)
    }

    /// With `--max-memory 64M` the reference stops at the store that went over, and says where.
    @Test func theStoreBeyondTheLimitIsNamed() throws {
        let (status, cell, file) = try hoardCell(kibibytes: 4 << 20, ["--max-memory", "64M"])
        #expect(status == 1)
        #expect(cell.verdict == .error)
        let message = try #require(cell.points.first?.message)
        #expect(message.contains("\(file):8:9: error: exceeded the memory limit of 64 MiB held in vectors and matrices per evaluation"), "\(message)")
    }

    /// Under `ulimit -v` of 2 GiB the budget is 512 MiB: the all-partials reference (asked for with
    /// `--directional never`; by default 5,000 inputs are checked along directions) refuses the 5,000
    /// inputs (763 MiB of partials) before allocating them.
    @Test func theDefaultBudgetFollowsTheAddressSpaceLimit() throws {
        let (status, cell, _) = try hoardCell(kibibytes: 2 << 20, ["--directional", "never"])
        #expect(status == 1)
        let message = try #require(cell.points.first?.message)
        #expect(message.contains("the reference's 5000 inputs alone would hold 763 MiB of partials, beyond the memory budget of 512 MiB"), "\(message)")
    }

    @Test func badSizesAreUsageErrors() throws {
        for size in ["0", "12", "-1M", "1T", "99999999999G", "M", "1.5G"] {
            let result = try Executable.run("gradcheck", ["run", "--max-memory", size, "--function", "starter/cubic"])
            #expect(result.status == 64, "\(size)")
            #expect(result.errors.contains("a size from 1M to 1048576G"), "\(size): \(result.errors)")
        }
    }
}
