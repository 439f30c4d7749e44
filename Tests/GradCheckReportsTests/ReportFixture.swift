import GradCheckCore
import GradCheckEngine

/// A small run built by hand, with fixed numbers (timings included), so that the golden files do not
/// depend on the machine's libm or clock. It has every kind of cell the reports must show: passes, a
/// caught mutant, a failure with a 2×2 Jacobian, an error with NaN, outside the domain (∞ in the
/// reference), unsupported, an unexpected pass and an inconclusive check, in two suites, one of them
/// read from a file (so its replay commands name it).
enum ReportFixture {
    static let metadata = RunMetadata(
        seed: 42, pointsPerFunction: 2, precision: "Double", reference: "forward mode in Float80",
        buildConfiguration: "release", timed: true, timing: TimingSchedule(jobs: 2, mode: .afterChecks),
        suiteSources: ["other": "my suites/other.grad"])

    static func errors(_ maxAbs: Double, _ maxRel: Double, _ normwise: Double, _ digits: Double, row: Int = 0, column: Int = 0) -> ErrorMeasures {
        ErrorMeasures(
            maxAbsolute: maxAbs, maxRelative: maxRel, normwiseRelative: normwise, digits: digits,
            worstEntry: EntryIndex(row: row, column: column))
    }

    static let exact = Tolerance(rtol: 2.220446049250313e-11)
    static let firstOrder = Tolerance(rtol: 1.4901161193847656e-06, floorFraction: 1)
    static let secondOrder = Tolerance(rtol: 3.666852862501036e-09, floorFraction: 1)

    static func cost(_ derivative: Int, _ function: Int, passes: Int? = nil, evaluations: Int? = nil) -> CostMeasurement {
        CostMeasurement(
            derivative: OperationCounts(additions: derivative / 2, multiplications: derivative - derivative / 2, divisions: 0, elementary: 0, comparisons: 1),
            function: OperationCounts(additions: function / 2, multiplications: function - function / 2, divisions: 0, elementary: 0, comparisons: 0),
            figures: StrategyFigures(functionEvaluations: evaluations, passes: passes, extra: evaluations == nil ? [:] : ["stepScale": 1.0]))
    }

    static func cell(
        _ suite: String, _ name: String, _ strategy: String, _ family: StrategyFamily, variant: DerivativeVariant = .correct,
        expectation: String? = nil, _ verdict: Verdict, message: String? = nil, tolerance: Tolerance, points: [PointResult],
        cost: CostMeasurement? = nil, timing: TimingMeasurement? = nil
    ) -> CellResult {
        // Every point with both derivatives carries its entries as the judge records them.
        let judged = points.map { point in
            var point = point
            if let got = point.derivative, let want = point.reference {
                point.entries = EntryJudge(tolerance: tolerance).judge(
                    candidate: got.map { $0.map { ExtendedReal($0) } }, reference: want.map { $0.map { ExtendedReal($0) } })
            }
            return point
        }
        return CellResult(
            function: FunctionID(suite: suite, name: name), strategy: strategy, family: family, variant: variant,
            expectation: expectation, verdict: verdict, message: message, tolerance: tolerance, points: judged, cost: cost,
            timing: timing)
    }

    static var report: RunReport {
        let failMessage = "2 of 4 entries wrong; worst ∂f[1]/∂θ: got -1.5, reference 1.5, abs error 3, rel error 2 "
            + "(rtol 2.22045e-11, atol 0)"
        let cells: [CellResult] = [
            cell("demo", "quadratic", "hand-coded", .handCoded, .pass, tolerance: exact, points: [
                PointResult(point: [1.5], verdict: .pass, derivative: [[3]], reference: [[3]], errors: errors(0, 0, 0, 19)),
                PointResult(point: [-2], verdict: .pass, derivative: [[-4]], reference: [[-4]], errors: errors(0, 0, 0, 19)),
            ], cost: cost(2, 1), timing: TimingMeasurement(
                medianNanoseconds: 3.5, functionMedianNanoseconds: 2.5, calls: 1_000_000,
                quartilesNanoseconds: Quartiles(lower: 3.25, upper: 3.75), functionQuartilesNanoseconds: Quartiles(lower: 2.375, upper: 2.75))),
            cell("demo", "quadratic", "hand-coded", .handCoded, variant: .mutant(0), expectation: "factor 3 instead of 2",
                 .expectedFailure, message: "mutant caught at 2/2 points: factor 3 instead of 2", tolerance: exact, points: [
                PointResult(point: [1.5], verdict: .fail, message: "1 of 1 entries wrong", derivative: [[4.5]], reference: [[3]],
                            errors: errors(1.5, 0.5, 0.5, 0.3010299956639812)),
                PointResult(point: [-2], verdict: .fail, message: "1 of 1 entries wrong", derivative: [[-6]], reference: [[-4]],
                            errors: errors(2, 0.5, 0.5, 0.3010299956639812)),
            ], cost: cost(2, 1)),
            cell("demo", "quadratic", "forward-difference", .firstOrderDifference, .pass, tolerance: firstOrder, points: [
                PointResult(point: [1.5], verdict: .pass, derivative: [[3.0000000223517418]], reference: [[3]],
                            errors: errors(2.2351741790771484e-08, 7.450580596923828e-09, 7.450580596923828e-09, 8.127800556575)),
                PointResult(point: [-2], verdict: .pass, derivative: [[-3.999999970197678]], reference: [[-4]],
                            errors: errors(2.9802322387695312e-08, 7.450580596923828e-09, 7.450580596923828e-09, 8.127800556575)),
            ], cost: cost(4, 1, passes: 2, evaluations: 2),
               timing: TimingMeasurement(medianNanoseconds: 6.25, functionMedianNanoseconds: 2.5, calls: 800_000)),
            cell("demo", "polar", "hand-coded", .handCoded, .fail, message: failMessage, tolerance: exact, points: [
                PointResult(point: [2, 0.5], verdict: .fail, message: failMessage,
                            derivative: [[0.8775825618903728, -0.958851077208406], [0.479425538604203, -1.5]],
                            reference: [[0.8775825618903728, -0.958851077208406], [0.479425538604203, 1.5]],
                            errors: errors(3, 2, 1.4, 0, row: 1, column: 1)),
                PointResult(point: [1, 0], verdict: .pass, derivative: [[1, 0], [0, 1]], reference: [[1, 0], [0, 1]],
                            errors: errors(0, 0, 0, 19)),
            ], cost: cost(12, 6), timing: TimingMeasurement(medianNanoseconds: 40, functionMedianNanoseconds: 20, calls: 100_000)),
            cell("demo", "polar", "forward-difference", .firstOrderDifference, .error,
                 message: "∂f[0]/∂r is nan where the reference is finite (0.877583)", tolerance: firstOrder, points: [
                PointResult(point: [2, 0.5], verdict: .error, message: "∂f[0]/∂r is nan where the reference is finite (0.877583)",
                            derivative: [[.nan, -0.958851077208406], [0.479425538604203, .infinity]],
                            reference: [[0.8775825618903728, -0.958851077208406], [0.479425538604203, 1.5]],
                            errors: errors(.nan, .nan, .nan, .nan)),
            ]),
            cell("demo", "log", "hand-coded", .handCoded, .outsideDomain,
                 message: "the reference is not finite here: the point lies outside the function's domain", tolerance: exact, points: [
                PointResult(point: [0], verdict: .outsideDomain,
                            message: "the reference is not finite here: the point lies outside the function's domain",
                            reference: [[.infinity]]),
                PointResult(point: [-1], verdict: .outsideDomain,
                            message: "the reference is not finite here: the point lies outside the function's domain",
                            reference: [[-.infinity]]),
            ]),
            cell("demo", "log", "complex-step", .higherOrderDifference, .unsupported, message: "log is not analytic on the negative axis",
                 tolerance: secondOrder, points: [
                PointResult(point: [0], verdict: .unsupported, message: "log is not analytic on the negative axis"),
            ]),
            cell("other", "stale-xfail", "central-difference", .higherOrderDifference, expectation: "was wrong before the fix",
                 .unexpectedPass, message: "expected to fail but passed at 1/1 points: was wrong before the fix",
                 tolerance: secondOrder, points: [
                PointResult(point: [0.25], verdict: .pass, derivative: [[1.0000000000281]], reference: [[1]],
                            errors: errors(2.81e-11, 2.81e-11, 2.81e-11, 10.551294)),
            ], cost: cost(6, 2, passes: 2, evaluations: 2)),
            cell("other", "kink", "central-difference", .higherOrderDifference, .inconclusive,
                 message: "the stencil crosses a branch: x ± h take different paths", tolerance: secondOrder, points: [
                PointResult(point: [0], verdict: .inconclusive, message: "the stencil crosses a branch: x ± h take different paths",
                            derivative: [[0.5]], reference: [[1]], errors: errors(0.5, 0.5, 0.5, 0.3010299956639812)),
            ]),
        ]
        return RunReport(metadata: metadata, cells: cells)
    }

    /// A name made of every character that could break out of a format: markup, quotes, a table bar.
    static let hostileName = "<script>&\"'|"

    /// A run whose suite, function, strategy and messages are hostile strings.
    static var hostileReport: RunReport {
        let hostile = hostileName
        let cells = [
            cell(hostile, hostile, "hand-coded", .handCoded, .fail, message: "bad \(hostile)\nsecond line `code` *bold*",
                 tolerance: exact, points: [
                PointResult(point: [1], verdict: .fail, message: hostile, derivative: [[2]], reference: [[1]], errors: errors(1, 1, 1, 0)),
            ], cost: cost(2, 1)),
            cell(hostile, hostile, "forward-difference", .firstOrderDifference, .unsupported, message: hostile,
                 tolerance: firstOrder, points: [PointResult(point: [1], verdict: .unsupported, message: hostile)]),
            cell(hostile, hostile, "central-difference", .higherOrderDifference, .error, message: "\u{1B}[2J\(hostile)",
                 tolerance: secondOrder, points: [PointResult(point: [1], verdict: .error, message: hostile)]),
        ]
        var metadata = metadata
        metadata.reference = hostile
        return RunReport(metadata: metadata, cells: cells)
    }
}
