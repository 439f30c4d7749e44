import Foundation
import GradCheck
import Testing

// An AD author's check: a strategy against the whole corpus (or a chosen suite), by the runner, with the
// exact extended-precision reference.

/// Checks `strategy` on every function of `functions` at all of its explicit points and `points` random
/// points of its domain for `seed`, against the exact reference,
/// computing in `Double`.
///
/// Passes when nothing fails (no `fail`, `error` or `unexpected-pass`: a hand-coded strategy's mutants
/// must all be caught) and at least one point was verified. Points the runner cannot decide
/// (`unsupported`, `inconclusive`, `disputed`, `outside-domain`) are listed in the text but do not fail
/// the check: a corpus is broad, and a strategy need not handle every function in it.
///
/// - Parameters:
///   - strategy: the strategy under test (it need not be registered).
///   - functions: the corpus; by default ``CheckDefaults/corpus``, the standard corpus (the 81 `.grad`
///     functions and the starter corpus, without negative controls). ``CheckDefaults/starterCorpus`` is
///     the quick one; pass any `[any TestFunction]`, e.g. a suite of your own.
///   - points: seeded random points per function, checked after all of the function's explicit points.
///   - seed: the seed of the random sample points.
///   - rtol: overrides the strategy family's relative tolerance (and per-function overrides).
///   - atol: overrides the absolute tolerance.
public func checkStrategy(
    _ strategy: any DifferentiationStrategy, on functions: [any TestFunction] = CheckDefaults.corpus,
    points: Int = 3, seed: UInt64 = 1, rtol: Double? = nil, atol: Double? = nil
) -> GradientCheckReport {
    var configuration = RunConfiguration()
    configuration.pointsPerFunction = points
    configuration.seed = seed
    configuration.measureTimings = false
    configuration.measureCosts = false
    configuration.rtolOverride = rtol
    configuration.atolOverride = atol
    let run = Runner(reference: ExtendedForwardReference(), configuration: configuration)
        .run(functions, strategies: [strategy])
    let byID = Dictionary(functions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var checks: [PointCheck] = []
    for cell in run.cells {
        checks += StrategyCellMapping(cell: cell, function: byID[cell.function], seed: seed).pointChecks()
    }
    var tolerance = Tolerance.default(for: strategy.family, epsilon: Double.ulpOfOne)
    if let rtol { tolerance.rtol = rtol }
    if let atol { tolerance.atol = atol }
    let outcome: CheckOutcome =
        if checks.contains(where: { $0.outcome == .failed }) { .failed }
        else if checks.contains(where: { $0.outcome == .passed }) { .passed }
        else { .undecided }
    let culprit = checks.first { $0.outcome == .failed }.flatMap(\.function)?
        .replacingOccurrences(of: " (mutant)", with: "")
    return GradientCheckReport(
        subject: "strategy '\(strategy.id)'", reference: run.metadata.reference, tolerance: tolerance, estimateFactor: 0,
        points: checks, outcome: outcome,
        replayHint: StrategyReplay(
            strategyID: strategy.id, functionCount: functions.count, points: points, seed: seed, culprit: culprit,
            testName: Test.current?.name
        ).hint)
}

/// How to run a strategy check again.
///
/// The same call with the same `points:` and `seed:` checks the same points, so the replay is the test
/// itself: `swift test --filter NAME` with the running test's name (Swift Testing's `Test.current`, or
/// the calling function for `expectStrategy` in XCTest). A strategy the command line knows (one of
/// ``StandardStrategies``) can also be replayed on the failing function alone with `gradcheck run`;
/// a plugin cannot, since `gradcheck` has no way to load it, so for a plugin the hint says how to narrow
/// the call to that function instead.
struct StrategyReplay {
    var strategyID: String
    var functionCount: Int
    var points: Int
    var seed: UInt64
    /// The first failing function's id, if one failed.
    var culprit: String?
    /// The test's name as written (`myStrategyIsRight()`), if known.
    var testName: String?

    var hint: String {
        let corpus = "\(functionCount) \(functionCount == 1 ? "function" : "functions")"
        let test = testName.map { "swift test --filter '\(Self.filter(for: $0))'" } ?? "this test again"
        var hint = "\(test) (the same call checks the same points: \(corpus), points: \(points), seed: \(seed))"
        guard let culprit else { return hint }
        if StandardStrategies.all.contains(where: { $0.id == strategyID }) {
            hint += "; or gradcheck run --strategy \(strategyID) --function '\(culprit)' --seed \(seed) --points \(points)"
        } else {
            hint += "; only the first failing function: on: functions.filter { $0.id.description == \"\(culprit)\" }"
        }
        return hint
    }

    /// `myStrategyIsRight()` → `myStrategyIsRight`: a name `swift test --filter` matches (it takes a
    /// regular expression, in which the parentheses would be a group).
    static func filter(for testName: String) -> String {
        String(testName.prefix { $0 != "(" })
    }
}

/// One runner cell as point checks of a strategy report.
struct StrategyCellMapping {
    let cell: CellResult
    let function: (any TestFunction)?
    let seed: UInt64

    func pointChecks() -> [PointCheck] {
        let label = cell.isMutant ? "\(cell.function) (mutant)" : cell.function.description
        switch cell.verdict {
        case .expectedFailure:
            // A mutant caught, or an @xfail that failed as declared: nothing to report.
            return []
        case .unexpectedPass:
            let point = SamplePoint(
                index: 1, coordinates: cell.points.first?.point ?? [], origin: .corpus(seed: seed, draw: 1, of: cell.points.count))
            return [PointCheck(point: point, function: label, outcome: .failed, message: cell.message)]
        default:
            return cell.points.enumerated().map { index, result in
                pointCheck(result, index: index, label: label)
            }
        }
    }

    private func pointCheck(_ result: PointResult, index: Int, label: String) -> PointCheck {
        let point = SamplePoint(
            index: index + 1, coordinates: result.point, origin: .corpus(seed: seed, draw: index + 1, of: cell.points.count))
        let outcome: CheckOutcome = switch result.verdict {
        case .pass, .expectedFailure: .passed
        case .fail, .error, .unexpectedPass: .failed
        case .inconclusive, .unsupported, .disputed, .outsideDomain: .undecided
        }
        var check = PointCheck(point: point, function: label, outcome: outcome, message: result.message)
        // The runner's records, as it judged them: the verdict stands (a caveat makes a miss inconclusive),
        // and an entry outside its bound at a point that did not fail is shown as undecided.
        let inputNames = function?.inputNames ?? EntryComparison.arrayInputNames(result.point.count)
        let vectorValued = (function?.outputCount ?? result.reference?.count ?? 1) != 1
        check.entries = (result.entries ?? []).map { entry in
            var check = EntryCheck(judgement: entry, inputNames: inputNames, vectorValued: vectorValued)
            if outcome != .failed && check.outcome == .failed { check.outcome = .undecided }
            return check
        }
        if outcome == .failed && check.entries.contains(where: { $0.outcome == .failed }) { check.message = nil }
        return check
    }
}
