import Foundation
import GradCheck
import GradCheckReports
import Synchronization
import Testing

/// `RunConfiguration.jobs`: several functions checked at once give the report of one job, byte for byte
/// apart from timings, and timings are taken alone.
@Suite("Checking on several jobs")
struct RunnerJobsTests {
    /// The starter corpus and every standard-corpus function of at most 3 inputs (hundreds of cells:
    /// passes, failures, mutants, errors, kinks and consensus), with every built-in strategy.
    static func functions() throws -> [any TestFunction] {
        StarterCorpus.functions + (try StandardCorpus.functions()).filter { $0.inputCount <= 3 }
    }

    static func run(_ functions: [any TestFunction], jobs: Int, timed: Bool = false, configure: (inout RunConfiguration) -> Void = { _ in })
        -> RunReport
    {
        var configuration = RunConfiguration()
        configuration.pointsPerFunction = 1
        configuration.measureTimings = timed
        configuration.jobs = jobs
        var stopwatch = Stopwatch()
        stopwatch.samples = 3
        stopwatch.budgetNanoseconds = 1_000_000
        configuration.stopwatch = stopwatch
        configure(&configuration)
        return Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run(functions, strategies: StandardStrategies.registry().strategies)
    }

    /// The untimed JSON of three jobs is the JSON of one, byte for byte: same cells in the same order,
    /// same verdicts, numbers and consensus.
    @Test func threeJobsWriteTheSameJSONAsOne() throws {
        let functions = try Self.functions()
        let one = Self.run(functions, jobs: 1)
        let three = Self.run(functions, jobs: 3)
        #expect(one.cells.count > 500)
        #expect(one.cells.contains { $0.verdict == .fail } && one.cells.contains { $0.verdict == .expectedFailure })
        #expect(one.cells.contains { $0.points.contains { $0.consensus != nil } }, "consensus is part of what is compared")
        let (a, b) = (JSONReport(one).render(), JSONReport(three).render())
        #expect(a == b)
        #expect(one.metadata.timing == nil && three.metadata.timing == nil)
    }

    /// With timings on, several jobs time the same cells as one job does, say how in the metadata, and
    /// otherwise give the same results; a strategy's own timing figures are kept too.
    @Test func severalJobsTimeTheSameCellsAloneAfterTheChecks() throws {
        let functions = StarterCorpus.functions.filter { ["nutty", "cubic", "polar-to-cartesian"].contains($0.id.name) }
        let one = Self.run(functions, jobs: 1, timed: true)
        let two = Self.run(functions, jobs: 2, timed: true)
        #expect(one.metadata.timing == TimingSchedule(jobs: 1, mode: .interleaved))
        #expect(two.metadata.timing == TimingSchedule(jobs: 2, mode: .afterChecks))
        #expect(one.cells.map { $0.timing != nil } == two.cells.map { $0.timing != nil })
        #expect(two.cells.contains { $0.timing != nil } && two.cells.contains { $0.timing == nil })
        func timingKeys(_ report: RunReport) -> [[String]] {
            report.cells.map { ($0.cost?.figures.extra.keys).map { $0.filter(StrategyFigures.isTiming).sorted() } ?? [] }
        }
        #expect(timingKeys(one) == timingKeys(two))
        #expect(timingKeys(two).contains { !$0.isEmpty }, "the symbolic strategies' own timings are re-taken alone")
        func untimed(_ report: RunReport) -> String {
            var copy = report
            copy.metadata.timing = nil
            for index in copy.cells.indices {
                copy.cells[index].timing = nil
                if let figures = copy.cells[index].cost?.figures { copy.cells[index].cost?.figures = figures.withoutTimings }
            }
            return JSONReport(copy).render()
        }
        #expect(untimed(one) == untimed(two))
    }

    /// Progress from several jobs counts every cell once, in increasing order, up to the total, with the
    /// same number of reports as one job gives.
    @Test func progressFromSeveralJobsCountsEveryCellOnce() throws {
        let functions = Array(try Self.functions().prefix(30))
        let seen = Mutex<[RunProgress]>([])
        let report = Self.run(functions, jobs: 3) { configuration in
            configuration.progress = { progress in seen.withLock { $0.append(progress) } }
        }
        let reports = seen.withLock { $0 }
        #expect(reports.allSatisfy { $0.cellsTotal == report.cells.count })
        #expect(reports.count == report.cells.count + functions.count)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.cellsDone <= $1.cellsDone })
        #expect(reports.last?.cellsDone == report.cells.count)
        #expect(Set(reports.map(\.function)) == Set(functions.map(\.id)))
    }

    /// Past the run's time limit no function starts, on any number of jobs: every cell is the error
    /// "not started", as with one job.
    @Test func aRunPastItsTimeLimitStartsNothingOnSeveralJobs() throws {
        let functions = Array(try Self.functions().prefix(12))
        let expired: (inout RunConfiguration) -> Void = { configuration in
            configuration.runTimeLimit = 0
            configuration.runStart = .now - .seconds(1)
        }
        let one = Self.run(functions, jobs: 1, configure: expired)
        let four = Self.run(functions, jobs: 4, configure: expired)
        #expect(!four.cells.isEmpty && four.cells.allSatisfy { $0.verdict == .error && $0.message?.hasPrefix("not started") == true })
        #expect(JSONReport(one).render() == JSONReport(four).render())
    }

    /// A function with more inputs is taken first by several jobs; the report keeps run order.
    @Test func severalJobsTakeTheLargestFunctionsFirst() {
        let functions: [any TestFunction] = [Rosenbrock(n: 2), Rosenbrock(n: 10), Rosenbrock(n: 3)]
        let runner = Runner(reference: ExtendedForwardReference())
        #expect(runner.checkingOrder(functions) == [1, 2, 0])
        var limited = RunConfiguration()
        limited.runTimeLimit = 100
        #expect(Runner(reference: ExtendedForwardReference(), configuration: limited).checkingOrder(functions) == nil)
    }
}
