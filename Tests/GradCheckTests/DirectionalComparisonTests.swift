import GradCheck
import Testing

/// The directional comparison (``DirectionalComparison``) against independent evidence: Rosenbrock's
/// hand-written gradient (a closed form, sharing no rule with the reference), planted errors whose
/// escape probability is known exactly, and the Littlewood–Offord bound documented on the type.
@Suite("Directional comparison: guarantee, localization, no false failures")
struct DirectionalComparisonTests {
    let reference = ExtendedForwardReference()

    /// The comparison of `gradient` with the reference for `function` at `point`, along k directions of `seed`.
    func compare(
        _ function: any TestFunction, gradient: [Double], at point: [Double], directions k: Int, seed: UInt64,
        maximumLocalized: Int = 16
    ) throws -> DirectionalComparison.Outcome {
        var settings = DirectionalSettings(mode: .always, directions: k)
        settings.maximumLocalized = maximumLocalized
        let signs = settings.signs(count: point.count, seed: seed, salt: "test")
        let x = point.map { ExtendedReal($0) }
        var plain = reference
        plain.crossCheck = false
        let initial = try plain.directionalDerivatives(function, at: x, along: DirectionSet.full(signs))
        let comparison = DirectionalComparison(
            tolerance: Tolerance.default(for: .handCoded, epsilon: Double.ulpOfOne), settings: settings)
        return try comparison.compare(candidate: [gradient], signs: signs, initial: initial) { set in
            try plain.directionalDerivatives(function, at: x, along: set)
        }
    }

    func point(_ n: Int, seed: UInt64 = 7) -> [Double] {
        Rosenbrock(n: n).sampling.points(random: 1, seed: seed, salt: "directional").first!
    }

    /// With m equal planted errors far beyond the allowance, one Rademacher direction misses them exactly when
    /// its m signs sum to 0: probability C(m, m/2)/2ᵐ, the Erdős–Littlewood–Offord bound, attained. k
    /// directions: its k-th power. The measured rate over 1,200 seeds lies within 4 standard deviations.
    @Test(arguments: [(2, 1), (4, 1), (2, 3), (6, 2)])
    func theEscapeRateOfEqualErrorsIsTheLittlewoodOffordBound(planted m: Int, directions k: Int) throws {
        let function = Rosenbrock(n: 40)
        let x = point(40)
        var gradient = try function.handCodedDerivative(.correct, at: x)[0]
        for column in [3, 9, 17, 26, 31, 38].prefix(m) { gradient[column] += 0.5 }
        let trials = 1_200
        var escapes = 0
        for seed in 0..<trials {
            let outcome = try compare(function, gradient: gradient, at: x, directions: k, seed: UInt64(seed), maximumLocalized: 0)
            if outcome.agrees { escapes += 1 }
        }
        let single = Double((1...m).reduce(1.0) { $0 * Double($1) }) / Double.pow((1...(m / 2)).reduce(1.0) { $0 * Double($1) }, 2)
        let p = Double.pow(single / Double.pow(2, Double(m)), Double(k))
        let rate = Double(escapes) / Double(trials)
        let sigma = (p * (1 - p) / Double(trials)).squareRoot()
        #expect(abs(rate - p) <= 4 * sigma, "m = \(m), k = \(k): escape rate \(rate), bound \(p)")
        #expect(p <= Double.pow(0.5, Double(k)), "the Littlewood–Offord bound is within the documented 2⁻ᵏ")
    }

    /// Unequal errors, each beyond the allowance, at random places: the escape rate stays under 2⁻ᵏ.
    @Test func unequalErrorsEscapeNoMoreOftenThanTheDocumentedBound() throws {
        let function = Rosenbrock(n: 64)
        let x = point(64)
        let correct = try function.handCodedDerivative(.correct, at: x)[0]
        var generator = SeededGenerator(seed: 11, salt: "planted")
        let trials = 1_000, k = 2
        var escapes = 0
        for seed in 0..<trials {
            var gradient = correct
            for _ in 0..<3 {
                gradient[Int(generator.next() % 64)] += generator.nextDouble(in: 0.01...1)
            }
            if try compare(function, gradient: gradient, at: x, directions: k, seed: UInt64(seed), maximumLocalized: 0).agrees {
                escapes += 1
            }
        }
        let bound = Double.pow(0.5, Double(k))
        let sigma = (bound * (1 - bound) / Double(trials)).squareRoot()
        #expect(Double(escapes) / Double(trials) <= bound + 4 * sigma)
    }

    /// A single error beyond the allowance is never missed: e·u = ±e whatever the sign.
    @Test func aSingleWrongEntryIsAlwaysCaught() throws {
        let function = Rosenbrock(n: 40)
        let x = point(40)
        var gradient = try function.handCodedDerivative(.correct, at: x)[0]
        gradient[21] += 1e-3
        for seed in 0..<200 {
            let outcome = try compare(function, gradient: gradient, at: x, directions: 1, seed: UInt64(seed))
            #expect(!outcome.agrees)
            #expect(outcome.entries.map(\.column) == [21])
        }
    }

    /// The correct hand-written gradient passes along every direction of 20 seeds, at n = 20,000, and its
    /// largest error/allowed stays far below 1 (the allowance is an error model, not a loose constant).
    @Test func aCorrectGradientPassesOverManySeeds() throws {
        let function = Rosenbrock(n: 20_000)
        let x = point(20_000)
        let gradient = try function.handCodedDerivative(.correct, at: x)[0]
        for seed in 0..<20 {
            let outcome = try compare(function, gradient: gradient, at: x, directions: 4, seed: UInt64(seed))
            #expect(outcome.agrees, "seed \(seed): largest ratio \(outcome.evidence.largestRatio)")
            #expect(outcome.evidence.largestRatio < 0.01)
            #expect(outcome.entries.isEmpty)
        }
    }

    /// Three wrong entries among 100,000: the localization names exactly them, with the closed-form
    /// gradient as their reference, in about 2·3·log₂ n comparisons.
    @Test func threeWrongEntriesAmongAHundredThousandAreNamed() throws {
        let n = 100_000
        let function = Rosenbrock(n: n)
        let x = point(n)
        let correct = try function.handCodedDerivative(.correct, at: x)[0]
        var gradient = correct
        let planted = [17, 45_678, 99_999]
        for (offset, column) in planted.enumerated() { gradient[column] += 0.5 * Double(offset + 1) }
        let outcome = try compare(function, gradient: gradient, at: x, directions: 8, seed: 3)
        #expect(!outcome.agrees)
        #expect(outcome.entries.map(\.column) == planted)
        for entry in outcome.entries {
            #expect(entry.value == gradient[entry.column])
            #expect(abs(entry.reference - correct[entry.column]) <= 1e-12 * max(1, abs(correct[entry.column])))
            #expect(entry.outcome == .outside)
        }
        #expect(!outcome.evidence.capped && outcome.evidence.unresolved.isEmpty)
        let levels = Int(Double.log2(Double(n)).rounded(.up))
        #expect(outcome.evidence.comparisons <= 8 + 2 * planted.count * levels + 8 * planted.count)
        #expect(outcome.failureSummary(for: function).contains("∂f/∂x[45678]: got"))
    }

    /// More wrong entries than the cap: the localization stops, says so, and what it names is wrong.
    @Test func theLocalizationStopsAtItsCapAndSaysSo() throws {
        let function = Rosenbrock(n: 4_000)
        let x = point(4_000)
        let correct = try function.handCodedDerivative(.correct, at: x)[0]
        let gradient = correct.enumerated().map { $0.offset % 97 == 0 ? $0.element + 1 : $0.element }
        let outcome = try compare(function, gradient: gradient, at: x, directions: 4, seed: 5, maximumLocalized: 6)
        #expect(!outcome.agrees)
        #expect(outcome.evidence.capped)
        #expect(outcome.entries.count <= 6)
        #expect(outcome.entries.allSatisfy { $0.column % 97 == 0 })
        #expect(outcome.evidence.summary.contains("localization capped"))
    }

    /// The directional reference agrees with the all-partials reference: J·u of the full Jacobian.
    @Test func theDirectionalReferenceIsTheAllPartialsReferenceTimesU() throws {
        let function = Rosenbrock(n: 300)
        let x = point(300).map { ExtendedReal($0) }
        let settings = DirectionalSettings(mode: .always, directions: 3)
        let signs = settings.signs(count: 300, seed: 1, salt: "agree")
        let along = try reference.directionalDerivatives(function, at: x, along: DirectionSet.full(signs))
        let full = try reference.evaluate(function, at: x)
        #expect(along.dispute == nil)
        for d in 0..<3 {
            let expected = zip(full.jacobian[0], signs[d]).reduce(ExtendedReal(0)) { $0 + ($1.1 < 0 ? -$1.0 : $1.0) }
            let magnitude = zip(full.jacobian[0], signs[d]).reduce(ExtendedReal(0)) { $0 + $1.0.magnitude }
            #expect((along.derivatives[d][0] - expected).magnitude <= 1e-15 * magnitude)
            #expect(along.magnitudes[d][0] >= magnitude * (1 - 1e-15))
        }
    }
}
