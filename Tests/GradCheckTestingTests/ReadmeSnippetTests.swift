import Foundation
import GradCheck
import GradCheckTesting
import Testing

/// A plugin for the README's snippet: forward mode under a new id.
struct MyStrategy: DifferentiationStrategy {
    let id = "my-forward"
    let family = StrategyFamily.automatic
    let summary = "forward mode, as a plugin"

    func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        try ForwardModeStrategy().derivative(of: function, at: point, variant: variant)
    }
}

/// The README's plugin snippet, run as written, and what its text says of the negative control.
@Suite("The README's plugin snippet")
struct ReadmeSnippetTests {
    /// The snippet as the README prints it; the test below runs the same lines.
    static let snippet = """
        var registry = StandardStrategies.registry()
        try registry.register(MyStrategy())          // a duplicate id throws RegistryError.duplicateID
        let functions = StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }
        let report = Runner(reference: ExtendedForwardReference()).run(functions, strategies: registry.strategies)
        let failed = report.cells.filter(\\.verdict.failsRun)   // empty when MyStrategy is right
        """

    @Test func theREADMEPrintsTheSnippetThatRuns() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains("```swift\n" + Self.snippet + "\n```"))
    }

    @Test func theSnippetPassesAndTheNegativeControlFailsAsTheTextSays() throws {
        var registry = StandardStrategies.registry()
        try registry.register(MyStrategy())          // a duplicate id throws RegistryError.duplicateID
        let functions = StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }
        let report = Runner(reference: ExtendedForwardReference()).run(functions, strategies: registry.strategies)
        let failed = report.cells.filter(\.verdict.failsRun)   // empty when MyStrategy is right
        #expect(failed.isEmpty)
        #expect(report.cells.contains { $0.strategy == "my-forward" && $0.verdict == .pass })
        #expect(throws: RegistryError.self) { try registry.register(MyStrategy()) }

        // Left in, the negative control's hand-coded cell is the one that fails (timings off: they do
        // not change a verdict).
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        let unfiltered = Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run([NuttyAsPrinted()], strategies: registry.strategies)
        let failing = unfiltered.cells.filter(\.verdict.failsRun).map { "\($0.function) \($0.strategy)" }
        #expect(failing == ["starter/nutty-as-printed hand-coded"])
    }
}
