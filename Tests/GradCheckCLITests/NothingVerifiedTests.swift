import Foundation
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// A run that verified nothing is not a success: it says so, and exits 3.
@Suite("Nothing verified is not OK")
struct NothingVerifiedTests {
    let tool = GradCheckTool()

    func suite(_ source: String) throws -> (folder: String, file: String) {
        let folder = NSTemporaryDirectory() + "gradcheck-unverified-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try source.write(toFile: folder + "/edges.grad", atomically: true, encoding: .utf8)
        return (folder, folder + "/edges.grad")
    }

    @Test func aRunWhoseEveryCheckIsUndecidedExitsThreeAndSaysNothingWasVerified() throws {
        let (folder, file) = try suite("""
            /// |x| at its kink and log at 0: nothing there can be verified.
            @points((0))
            func kink(x) {
                return abs(x)
            }
            gradient kink {
                return [1]
            }
            /// log x at 0 lies outside the domain.
            @points((0))
            func edge(x) {
                return log(x)
            }
            gradient edge {
                return [1 / x]
            }
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(["run", file, "--strategy", "hand-coded", "--points", "0", "--no-timing"])
        #expect(result.exitCode == .nothingVerified, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("NOTHING VERIFIED:"))
        #expect(result.standardOutput.contains("0 points verified"))
        let json = tool.run(["run", file, "--strategy", "hand-coded", "--points", "0", "--no-timing", "--format", "json"])
        let report = try JSONReport.decode(json.standardOutput)
        #expect(report.outcome == .nothingVerified && !report.succeeded)
        #expect(json.standardOutput.contains("\"outcome\": \"nothing-verified\""))
    }

    @Test func aRunThatVerifiedSomethingSaysHowMuch() throws {
        let (folder, file) = try suite("""
            /// x² at two points.
            @points((1), (2))
            func square(x) {
                return x^2
            }
            gradient square {
                return [2 * x]
            }
            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = tool.run(["run", file, "--strategy", "hand-coded", "--points", "0", "--no-timing"])
        #expect(result.exitCode == .success)
        #expect(result.standardOutput.contains("OK: 1 pass; 2 points verified"), "\(result.standardOutput)")
    }
}
