import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// `gradcheck run --jobs N` through the command line: the same report as `--jobs 1`, byte for byte with
/// `--no-timing`, and timings recorded with how they were taken.
@Suite("gradcheck run --jobs")
struct JobsCommandTests {
    let tool = GradCheckTool()

    /// The whole standard corpus and the starter corpus, one random point per function and at most 12
    /// inputs (larger functions are the `unsupported` cells of --max-inputs): over a thousand cells.
    static let largePart = ["run", "--no-timing", "--quiet", "--format", "json", "--points", "1", "--max-inputs", "12"]

    @Test func fourJobsWriteTheSameJSONAsOne() throws {
        let one = tool.run(Self.largePart + ["--jobs", "1"])
        let four = tool.run(Self.largePart + ["--jobs", "4"])
        #expect(one.exitCode == four.exitCode)
        #expect(one.standardOutput == four.standardOutput)
        #expect(one.standardError == four.standardError)
        let report = try JSONReport.decode(one.standardOutput)
        #expect(report.cells.count > 1_000)
        #expect(Set(report.cells.map(\.function.suite)).count > 5)
        #expect(report.metadata.timing == nil, "an untimed report does not depend on --jobs")
    }

    /// A timed run says how its timings were taken: alone after the checks with several jobs, right after
    /// each check with one.
    @Test func aTimedReportSaysHowItsTimingsWereTaken() throws {
        let selection = ["run", "--quiet", "--format", "json", "--function", "starter/cubic", "--strategy", "reverse"]
        let two = try JSONReport.decode(tool.run(selection + ["--jobs", "2"]).standardOutput)
        #expect(two.metadata.timing == TimingSchedule(jobs: 2, mode: .afterChecks))
        #expect(two.cells.allSatisfy { $0.timing != nil })
        let one = try JSONReport.decode(tool.run(selection + ["--jobs", "1"]).standardOutput)
        #expect(one.metadata.timing == TimingSchedule(jobs: 1, mode: .interleaved))
    }

    /// Without --jobs, a run uses every active processor.
    @Test func theDefaultIsEveryActiveProcessor() throws {
        let selection = ["run", "--quiet", "--format", "json", "--function", "starter/cubic", "--strategy", "reverse"]
        let report = try JSONReport.decode(tool.run(selection).standardOutput)
        #expect(report.metadata.timing?.jobs == ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Under --isolate the children run one at a time, each with one job: --jobs changes nothing of the
    /// report, and a timed one says its cells were timed as they were checked.
    @Test func isolatedRunsAreTheSameWhateverTheJobs() throws {
        let selection = ["run", "--isolate", "--format", "json", "--function", "starter/cubic"]
        let one = try Executable.run("gradcheck", selection + ["--no-timing", "--jobs", "1"])
        let three = try Executable.run("gradcheck", selection + ["--no-timing", "--jobs", "3"])
        #expect(one.status == 0 && three.status == 0, "\(one.errors)\(three.errors)")
        #expect(one.output == three.output)
        let timed = try JSONReport.decode(try Executable.run("gradcheck", selection + ["--jobs", "3", "--strategy", "reverse"]).output)
        #expect(timed.metadata.timing == TimingSchedule(jobs: 1, mode: .interleaved))
    }
}
