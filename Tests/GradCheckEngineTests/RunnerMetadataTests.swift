import GradCheckCore
import GradCheckEngine
import Testing

/// A run's metadata comes from its runner, in the run's precision, whether or not any cell was checked
/// (`run --isolate` records it for the parent, whose cells come from child processes).
@Suite struct RunnerMetadataTests {
    @Test func theMetadataIsTheRunsOwnInEveryPrecision() {
        var configuration = RunConfiguration()
        configuration.seed = 42
        configuration.pointsPerFunction = 5
        configuration.measureTimings = false
        let runner = Runner(reference: ClosedFormReference(), configuration: configuration)
        let float = runner.metadata(in: Float.self)
        #expect(float.precision == "Float" && float.seed == 42 && float.pointsPerFunction == 5 && !float.timed)
        #expect(float.reference == "closed form")
        #expect(runner.metadata().precision == "Double")
        let ran = runner.run([], strategies: [], precision: Float.self).metadata
        #expect(ran.precision == float.precision && ran.seed == float.seed && ran.reference == float.reference)
    }
}
