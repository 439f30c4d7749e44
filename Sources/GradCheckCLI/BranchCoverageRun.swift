import GradCheckCore
import GradCheckEngine
import GradCheckSuites

/// Branch coverage for a run: measured for the `.grad` suite functions (the only ones whose branches the
/// interpreter can observe), at the points the run checks.
enum BranchCoverageRun {
    /// `--points auto`: per suite function, the points that bring a branch's missing side into view
    /// (see ``SuiteFunction/pointsReachingBothSides(from:seed:)``); functions that need none are absent.
    static func pointsReachingBothSides(
        _ functions: [any TestFunction], configuration: RunConfiguration
    ) -> [FunctionID: [[Double]]] {
        var extra: [FunctionID: [[Double]]] = [:]
        for case let function as SuiteFunction in functions where function.inputCount <= configuration.maximumInputs {
            let points = configuration.points(of: function)
            let seed = configuration.seed
            // An evaluation that overruns the cell timeout adds nothing (the check itself reports the overrun).
            let added = (try? PhaseDeadline(configuration).run(phase: "the branch-coverage search") {
                function.pointsReachingBothSides(from: points, seed: seed)
            }) ?? []
            if !added.isEmpty { extra[function.id] = added }
        }
        return extra
    }

    /// The coverage of every suite function that has a branch site, at its checked points. The evaluation
    /// of one function runs under the cell timeout (and the run's time limit); one that overruns it is
    /// listed with no site and a warning saying its coverage was not measured.
    static func coverage(of functions: [any TestFunction], configuration: RunConfiguration) -> [FunctionBranchCoverage] {
        var result: [FunctionBranchCoverage] = []
        for case let function as SuiteFunction in functions where function.inputCount <= configuration.maximumInputs {
            let points = configuration.points(of: function)
            do {
                let coverage = try PhaseDeadline(configuration).run(phase: "the branch coverage") {
                    function.branchCoverage(at: points)
                }
                if !coverage.sites.isEmpty { result.append(FunctionBranchCoverage(coverage, of: function.id)) }
            } catch let overrun as TimeLimitExceeded {
                result.append(FunctionBranchCoverage(
                    function: function.id, sites: 0, sidesSeen: 0, points: points.count,
                    warnings: ["branch coverage not measured: evaluating the \(points.count) checked points took over \(NumberText.short(overrun.seconds)) s (\(overrun.option))"]))
            } catch {
                // `TimeLimit.run` throws only what its body throws, and the body does not throw.
            }
        }
        return result
    }
}
