import GradCheckTesting
import Testing

/// The extended Rosenbrock function, Σₖ 100·(x₂ₖ₊₁ − x₂ₖ²)² + (1 − x₂ₖ)² over pairs, written generically.
struct ExtendedRosenbrock: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        var sum: S = 0
        for k in stride(from: 0, to: x.count - 1, by: 2) {
            let valley = x[k + 1] - x[k] * x[k]
            let offset = 1 - x[k]
            sum += 100 * valley * valley + offset * offset
        }
        return sum
    }

    /// The closed form: ∂/∂x₂ₖ = −400·x₂ₖ·(x₂ₖ₊₁ − x₂ₖ²) − 2·(1 − x₂ₖ), ∂/∂x₂ₖ₊₁ = 200·(x₂ₖ₊₁ − x₂ₖ²).
    static func gradient(_ x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        for k in stride(from: 0, to: x.count - 1, by: 2) {
            let valley = x[k + 1] - x[k] * x[k]
            g[k] = -400 * x[k] * valley - 2 * (1 - x[k])
            g[k + 1] = 200 * valley
        }
        return g
    }

    /// A point of n coordinates in [−2, 2], seeded.
    static func point(_ n: Int) -> [Double] {
        var generator = SeededGenerator(seed: 5, salt: "extended-rosenbrock")
        return (0..<n).map { _ in generator.nextDouble(in: -2...2) }
    }
}

@Suite("Library checks along random directions")
struct DirectionalLibraryTests {
    /// n = 10⁶: the generic shape checks along 8 directions (forward mode in Float80 with one tangent per
    /// direction), and the correct closed-form gradient passes.
    @Test func aCorrectGradientOfAMillionInputsPassesDirectionally() throws {
        let x = ExtendedRosenbrock.point(1_000_000)
        let report = checkGradient(of: ExtendedRosenbrock(), gradient: ExtendedRosenbrock.gradient, at: .point(x))
        #expect(report.passed, "\(report)")
        let evidence = try #require(report.points.first?.directional)
        #expect(evidence.directions == 8 && evidence.failedDirections.isEmpty && evidence.mode == .auto)
        #expect(report.reference.contains("8 seeded random directions"))
    }

    /// Three wrong entries among 100,000: the check fails and names exactly those three, with the
    /// closed-form values as their reference, in the same entry records as a full check.
    @Test func threeWrongEntriesAreNamed() throws {
        let x = ExtendedRosenbrock.point(100_000)
        let planted = [17, 73_457, 99_998]
        let report = checkGradient(of: ExtendedRosenbrock(), gradient: { x in
            var g = ExtendedRosenbrock.gradient(x)
            for column in planted { g[column] += 0.25 }
            return g
        }, at: .point(x))
        #expect(!report.passed)
        let bad = report.badEntries.map(\.entry).sorted { $0.column < $1.column }
        #expect(bad.map(\.name) == ["∂f/∂x[17]", "∂f/∂x[73457]", "∂f/∂x[99998]"])
        let exact = ExtendedRosenbrock.gradient(x)
        for entry in bad {
            #expect(abs(entry.reference - exact[entry.column]) <= 1e-12 * max(1, abs(exact[entry.column])))
            #expect(abs(entry.value - exact[entry.column] - 0.25) <= 1e-9 * max(1, abs(exact[entry.column])))
        }
        let text = try #require(report.failureText)
        #expect(text.contains("∂f/∂x[73457]"), "\(text)")
    }

    /// Below the threshold the check stays entry by entry unless asked; asked, it checks directionally.
    @Test func theModeIsAutomaticAboveTheThresholdAndExplicitOnRequest() throws {
        let x = ExtendedRosenbrock.point(10)
        let full = checkGradient(of: ExtendedRosenbrock(), gradient: ExtendedRosenbrock.gradient, at: .point(x))
        #expect(full.passed && full.points.first?.directional == nil && full.points.first?.entries.count == 10)
        let along = checkGradient(
            of: ExtendedRosenbrock(), gradient: ExtendedRosenbrock.gradient, at: .point(x), directional: .always, directions: 5)
        #expect(along.passed && along.points.first?.directional?.directions == 5)
        let wrong = badEntries { g in g[3] *= 1.001 }
        #expect(wrong.map(\.entry.column) == [3])
    }

    /// The bad entries of a directional check at n = 10 whose gradient is changed by `change`.
    func badEntries(_ change: @escaping (inout [Double]) -> Void) -> [(point: PointCheck, entry: EntryCheck)] {
        let report = checkGradient(of: ExtendedRosenbrock(), gradient: { x in
            var g = ExtendedRosenbrock.gradient(x)
            change(&g)
            return g
        }, at: .point(ExtendedRosenbrock.point(10)), directional: .always)
        return report.badEntries
    }
}

/// The closure shape along directions: extrapolated differences of f(x + t·u), a few dozen evaluations
/// per direction whatever n is.
@Suite("Closure checks along random directions")
struct DirectionalClosureTests {
    static func value(_ x: [Double]) -> Double {
        var sum = 0.0
        for k in stride(from: 0, to: x.count - 1, by: 2) {
            let valley = x[k + 1] - x[k] * x[k]
            sum += 100 * valley * valley + (1 - x[k]) * (1 - x[k])
        }
        return sum
    }

    @Test func aCorrectGradientPassesOverSeveralSeeds() throws {
        let x = ExtendedRosenbrock.point(20_000)
        for seed in UInt64(1)...4 {
            let report = checkGradient(of: Self.value, gradient: ExtendedRosenbrock.gradient, at: SamplePoints(explicit: [x], seed: seed))
            #expect(report.passed, "seed \(seed): \(report)")
            #expect(report.points.first?.directional?.directions == 8)
        }
    }

    @Test func twoWrongEntriesAreNamedInAFewHundredEvaluationsPerEntry() throws {
        let x = ExtendedRosenbrock.point(20_000)
        var evaluations = 0
        let report = checkGradient(of: { x in
            evaluations += 1
            return Self.value(x)
        }, gradient: { x in
            var g = ExtendedRosenbrock.gradient(x)
            g[4_321] += 1
            g[17_000] -= 2
            return g
        }, at: .point(x), directions: 4)
        #expect(!report.passed)
        #expect(report.badEntries.map(\.entry.name).sorted() == ["∂f/∂x[17000]", "∂f/∂x[4321]"])
        // About 30 evaluations per extrapolation: 4 directions, then one per split (2 entries × 15 levels).
        #expect(evaluations < 2_500, "\(evaluations) evaluations")
    }
}

