import Foundation
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// `gradcheck run` on a suite function with many inputs checks it along random directions, says so in
/// every format, and names the wrong entries of a gradient that is wrong in a few places.
@Suite("gradcheck run: directional checks of many inputs")
struct DirectionalRunTests {
    let tool = GradCheckTool()

    /// Rosenbrock at n = 2,000 (above the automatic threshold of 1,000), with a mutant wrong at x[17] and x[1500].
    func suite() throws -> (folder: String, file: String) {
        let folder = NSTemporaryDirectory() + "gradcheck-directional-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = """
            @dimensions(n: 2000)
            @domain(x: -2...2)
            func wide(x[n]) {
                var s = 0
                for i in 0..<n-1 {
                    s += 100 * (x[i+1] - x[i]^2)^2 + (1 - x[i])^2
                }
                return s
            }
            gradient wide {
                var g = zeros(n)
                for i in 0..<n-1 {
                    g[i] += -400 * x[i] * (x[i+1] - x[i]^2) - 2 * (1 - x[i])
                    g[i+1] += 200 * (x[i+1] - x[i]^2)
                }
                return g
            }
            @mutant("two entries off by 0.5")
            gradient wide {
                var g = zeros(n)
                for i in 0..<n-1 {
                    g[i] += -400 * x[i] * (x[i+1] - x[i]^2) - 2 * (1 - x[i])
                    g[i+1] += 200 * (x[i+1] - x[i]^2)
                }
                g[17] += 0.5
                g[1500] -= 0.5
                return g
            }
            """
        try source.write(toFile: folder + "/wide.grad", atomically: true, encoding: .utf8)
        return (folder, folder + "/wide.grad")
    }

    @Test func aWideFunctionIsCheckedDirectionallyAndItsWrongEntriesAreNamed() throws {
        let (folder, file) = try suite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let json = tool.run(["run", file, "--strategy", "hand-coded", "--points", "1", "--no-timing", "--format", "json"])
        #expect(json.exitCode == .success, "\(json.standardError)")
        let report = try JSONReport.decode(json.standardOutput)
        let correct = try #require(report.cells.first { !$0.isMutant })
        #expect(correct.verdict == .pass, "\(correct.message ?? "")")
        let evidence = try #require(correct.points.first?.directional)
        #expect(evidence.mode == .auto && evidence.directions == 8 && evidence.failedDirections.isEmpty)
        let mutant = try #require(report.cells.first { $0.isMutant })
        #expect(mutant.verdict == .expectedFailure, "\(mutant.message ?? "")")
        let point = try #require(mutant.points.first)
        #expect(point.directional?.failedDirections.isEmpty == false)
        #expect(point.entries?.map(\.column) == [17, 1500])
        #expect(point.message?.contains("∂f/∂x[17]: got") == true, "\(point.message ?? "")")

        let text = tool.run(["run", file, "--strategy", "hand-coded", "--points", "1", "--no-timing"])
        #expect(text.standardOutput.contains("directional ×8"), "\(text.standardOutput)")
    }

    @Test func theModeAndTheNumberOfDirectionsAreOptions() throws {
        let (folder, file) = try suite()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fewer = tool.run([
            "run", file, "--strategy", "hand-coded", "--points", "1", "--no-timing", "--format", "json", "--directions", "3",
        ])
        let cell = try #require(try JSONReport.decode(fewer.standardOutput).cells.first { !$0.isMutant })
        #expect(cell.points.first?.directional?.directions == 3)

        // Entry by entry below the threshold, along directions above it...
        func directional(_ arguments: [String]) throws -> Bool {
            let run = tool.run(
                ["run", "--function", "classic/rosenbrock[n=10]", "--strategy", "reverse", "--points", "1", "--no-timing", "--format", "json"]
                    + arguments)
            let cell = try #require(try JSONReport.decode(run.standardOutput).cells.first)
            #expect(cell.verdict == .pass)
            return cell.points.first?.directional != nil
        }
        #expect(try !directional([]))
        #expect(try directional(["--directional-threshold", "5"]))
        #expect(try directional(["--directional", "always"]))
        // ...and never above the input limit when directional checks are off.
        let never = tool.run([
            "run", file, "--strategy", "hand-coded", "--points", "1", "--no-timing", "--directional", "never", "--max-inputs", "1000",
        ])
        #expect(never.exitCode == .nothingVerified)
        #expect(tool.run(["run", file, "--directional", "sometimes"]).exitCode == .usage)
    }
}
