import GradCheck
import GradCheckReports
import Testing

/// Every text format of a fixed run, pinned byte for byte (see ``GoldenFile`` to regenerate).
@Suite("Golden reports")
struct GoldenTests {
    let report = ReportFixture.report

    @Test func text() throws { try GoldenFile.check(TextReport(report).render(), against: "fixture.txt") }

    @Test func markdown() throws { try GoldenFile.check(MarkdownReport(report).render(), against: "fixture.md") }

    @Test func json() throws { try GoldenFile.check(JSONReport(report).render(), against: "fixture.json") }

    @Test func junit() throws { try GoldenFile.check(JUnitReport(report).render(), against: "fixture-junit.xml") }

    /// A real run of three starter functions (no timings), as the runner makes it: the golden file shows what
    /// a user gets, and it changes only when those functions, the three strategies or the format change.
    /// The build configuration is masked (it differs between `swift test` and `swift test -c release`).
    @Test func jsonOfARealRun() throws {
        var report = RealRun.make()
        report.metadata.buildConfiguration = "(masked)"
        try GoldenFile.check(JSONReport(report).render(), against: "starter-run.json")
    }

    /// Each format's golden file re-renders identically from the saved JSON: the JSON carries everything
    /// the other formats show.
    @Test func everyFormatRerendersFromTheSavedJSON() throws {
        let decoded = try JSONReport.decode(JSONReport(report).render())
        #expect(TextReport(decoded).render() == TextReport(report).render())
        #expect(MarkdownReport(decoded).render() == MarkdownReport(report).render())
        #expect(JUnitReport(decoded).render() == JUnitReport(report).render())
        #expect(HTMLReport(decoded).render() == HTMLReport(report).render())
    }
}

/// The runner on three functions of the starter corpus with the three built-in strategies.
enum RealRun {
    static func make(seed: UInt64 = 7, timed: Bool = false) -> RunReport {
        var configuration = RunConfiguration()
        configuration.seed = seed
        configuration.pointsPerFunction = 2
        configuration.measureTimings = timed
        var stopwatch = Stopwatch()
        stopwatch.samples = 3
        stopwatch.budgetNanoseconds = 1_000_000
        configuration.stopwatch = stopwatch
        let functions = StarterCorpus.functions.filter { ["nutty", "cubic", "polar-to-cartesian"].contains($0.id.name) }
        return Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run(functions, strategies: strategies)
    }

    /// A fixed list, so that strategies added to the standard registry later do not change the golden file.
    static var strategies: [any DifferentiationStrategy] {
        [HandCodedStrategy(), ForwardDifferenceStrategy(), CentralDifferenceStrategy()]
    }
}
