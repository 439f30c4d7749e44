import GradCheckCore
import GradCheckSuites

/// Branch coverage for a run: measured for the `.grad` suite functions (the only ones whose branches the
/// interpreter can observe), at the points the run checks.
enum BranchCoverageRun {
    /// The points the runner draws for `function` under `configuration`, plus its extra points.
    static func checkedPoints(of function: any TestFunction, configuration: RunConfiguration) -> [[Double]] {
        function.sampling.points(
            random: configuration.pointsPerFunction, seed: configuration.seed, salt: function.id.description)
            + (configuration.extraPoints[function.id] ?? [])
    }

    /// `--points auto`: per suite function, the points that bring a branch's missing side into view
    /// (see ``SuiteFunction/pointsReachingBothSides(from:seed:)``); functions that need none are absent.
    static func pointsReachingBothSides(
        _ functions: [any TestFunction], configuration: RunConfiguration
    ) -> [FunctionID: [[Double]]] {
        var extra: [FunctionID: [[Double]]] = [:]
        for case let function as SuiteFunction in functions where function.inputCount <= configuration.maximumInputs {
            let added = function.pointsReachingBothSides(
                from: checkedPoints(of: function, configuration: configuration), seed: configuration.seed)
            if !added.isEmpty { extra[function.id] = added }
        }
        return extra
    }

    /// The coverage of every suite function that has a branch site, at its checked points.
    static func coverage(of functions: [any TestFunction], configuration: RunConfiguration) -> [FunctionBranchCoverage] {
        var result: [FunctionBranchCoverage] = []
        for case let function as SuiteFunction in functions where function.inputCount <= configuration.maximumInputs {
            let coverage = function.branchCoverage(at: checkedPoints(of: function, configuration: configuration))
            if !coverage.sites.isEmpty { result.append(FunctionBranchCoverage(coverage, of: function.id)) }
        }
        return result
    }
}
