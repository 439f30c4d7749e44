import Foundation
import GradCheck
import GradCheckReports
import Testing

/// Regression tests for false verdicts found on functions nobody here wrote: each a minimal
/// reproduction, checked through the whole runner (reference, judge, verdict).
@Suite("Verdicts without holes")
struct JudgementHoleTests {
    func functions(_ source: String) throws -> [any TestFunction] {
        try SuiteLoader().load(source: source, name: "holes")
    }

    func run<R: RealNumber>(
        _ source: String, _ strategies: [any DifferentiationStrategy] = StandardStrategies.all, points: Int = 3,
        in precision: R.Type = Double.self
    ) throws -> RunReport {
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.measureCosts = false
        configuration.pointsPerFunction = points
        return Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run(try functions(source), strategies: strategies, precision: R.self)
    }

    func cell(_ report: RunReport, _ strategy: String, mutant: Int? = nil, function: String? = nil) throws -> CellResult {
        try #require(report.cells.first { cell in
            cell.strategy == strategy && (function.map { cell.function.name == $0 } ?? true)
                && cell.variant == (mutant.map { DerivativeVariant.mutant($0) } ?? .correct)
        })
    }

    static let exactIDs = ["hand-coded", "forward", "forward-chunked", "reverse", "symbolic", "symbolic-unsimplified"]

    // MARK: 1. A zero true gradient made of cancelling terms

    static let identicallyOne = """
        /// exp(a)/s + exp(b)/s with s = exp(a) + exp(b): identically 1, a zero gradient of cancelling terms.
        @points((0.3, -1.2), (2, 1))
        func softmax_sum(a, b) {
            let s = exp(a) + exp(b)
            return exp(a) / s + exp(b) / s
        }
        gradient softmax_sum {
            return [0, 0]
        }
        @mutant("a small real error in the first entry")
        gradient softmax_sum {
            return [1e-8, 0]
        }
        """

    @Test func aZeroGradientOfCancellingTermsPassesEveryExactStrategyAndARealErrorFails() throws {
        let report = try run(Self.identicallyOne)
        for id in Self.exactIDs {
            let c = try cell(report, id)
            #expect(c.verdict == .pass, "\(id): \(c.verdict) \(c.message ?? "")")
            let entry = try #require(c.points.first?.entries?.first)
            #expect(entry.basis.floorSource == .cancellation)
        }
        #expect(try cell(report, "hand-coded", mutant: 0).verdict == .expectedFailure)
    }

    // MARK: 2. An ill-conditioned point never passes a wrong gradient

    static let brown = """
        /// Moré, Garbow and Hillstrom's Brown badly scaled function at its minimum.
        @points((1e6, 2e-6))
        func brown(x1, x2) {
            return (x1 - 1e6)^2 + (x2 - 2e-6)^2 + (x1 * x2 - 2)^2
        }
        gradient brown {
            return [2 * (x1 - 1e6) + 2 * (x1 * x2 - 2) * x2, 2 * (x2 - 2e-6) + 2 * (x1 * x2 - 2) * x1]
        }
        @mutant("2.001e-6 typed for 2e-6 in the x2 entry")
        gradient brown {
            return [2 * (x1 - 1e6) + 2 * (x1 * x2 - 2) * x2, 2 * (x2 - 2.001e-6) + 2 * (x1 * x2 - 2) * x1]
        }
        """

    @Test func anIllConditionedPointIsInconclusiveNeverAPass() throws {
        for report in [try run(Self.brown, in: Double.self), try run(Self.brown, in: Float.self)] {
            let correct = try cell(report, "hand-coded")
            #expect(correct.verdict == .inconclusive, "\(correct.verdict)")
            #expect(correct.message?.contains("ill-conditioned") == true, "\(correct.message ?? "")")
            let mutant = try cell(report, "hand-coded", mutant: 0)
            #expect(mutant.points.allSatisfy { $0.verdict != .pass }, "\(report.metadata.precision): \(mutant.points.map(\.verdict))")
            #expect(mutant.verdict != .unexpectedPass)
            for id in Self.exactIDs {
                #expect(try cell(report, id).verdict != .pass, "\(id) in \(report.metadata.precision)")
            }
        }
    }

    @Test func aPassCertifiesTheRequiredDigits() throws {
        let report = try run(Self.brown + "\n" + Self.identicallyOne)
        let required = EntryJudge.requiredDigits(rtol: 2.2e-11)
        #expect(required == 6)
        for cell in report.cells where cell.verdict == .pass && cell.family.isExact {
            for entry in cell.points.flatMap({ $0.entries ?? [] }) {
                #expect(entry.certifiedDigits >= required, "\(cell.function) \(cell.strategy): \(entry)")
            }
        }
    }

    // MARK: 3. Subnormal derivatives in Float

    @Test func subnormalDerivativesPassInFloat() throws {
        let source = """
            /// 1 + exp(−x²): at x = 10 the derivative is about 7e-43, subnormal in Float.
            @points((10), (9.9))
            func bump(x) {
                return 1 + exp(-x^2)
            }
            gradient bump {
                return [-2 * x * exp(-x^2)]
            }
            """
        let report = try run(source, in: Float.self)
        for cell in report.cells {
            #expect(!cell.verdict.failsRun, "\(cell.strategy): \(cell.verdict) \(cell.message ?? "")")
        }
        #expect(try cell(report, "hand-coded").verdict == .pass)
        #expect(try cell(report, "reverse").points.allSatisfy { $0.entries?.first?.basis.floorSource == .smallestNormal })
    }

    // MARK: 4. One point, the worst, everywhere

    @Test func theMessageTheTableAndTheFailureBlockDescribeTheWorstPoint() throws {
        let source = """
            /// x³ with a gradient off by 0.01·x³: wrong at every point, worst (relative to 3x²) at the largest x.
            @points((1), (3), (2))
            func cube(x) {
                return x^3
            }
            gradient cube {
                return [3 * x^2 + 0.01 * x^3]
            }
            """
        let report = try run(source, [HandCodedStrategy()])
        let c = try cell(report, "hand-coded")
        #expect(c.verdict == .fail)
        let worst = try #require(c.worstPointIndex)
        #expect(c.points[worst].point == [3])
        #expect(c.message?.contains("got 27.27") == true, "\(c.message ?? "")")
        let block = TextReport(report).failureBlock(c)
        #expect(block.contains("at point 2 of 3: (3)"))
        #expect(block.contains("27.27"))
    }

    @Test func nearlyEqualNumbersAreShownWithTheDigitsThatTellThemApart() {
        let (got, want) = EntryFormatting.distinct(-38.000001, -38)
        #expect(got != want)
        #expect(EntryFormatting.distinct(2, 2) == ("2", "2"))
    }

    // MARK: 5. Every explicit point is checked

    @Test func everyExplicitPointIsCheckedWhateverTheNumberOfRandomPoints() throws {
        let source = """
            /// x³ with five explicit points; the mutant is wrong only at the fifth.
            @points((0.1), (0.2), (0.3), (0.4), (0.9))
            @domain(x: 0...0.5)
            func five(x) {
                return x^3
            }
            gradient five {
                return [3 * x^2]
            }
            @mutant("wrong only where x > 0.8")
            gradient five {
                var g = 3 * x^2
                if x > 0.8 {
                    g = g + 1
                }
                return [g]
            }
            """
        for points in [0, 3] {
            let report = try run(source, [HandCodedStrategy()], points: points)
            let mutant = try cell(report, "hand-coded", mutant: 0)
            #expect(mutant.points.count == 5 + points)
            #expect(mutant.verdict == .expectedFailure)
        }
    }

    // MARK: 7. Consensus says only what is so

    static let slightlyWrong = """
        /// sin x with a gradient 10⁻⁹ too large in relative terms: outside an exact method's tolerance,
        /// inside a central difference's.
        @points((0.7))
        func sine(x) {
            return sin(x)
        }
        gradient sine {
            return [cos(x) * (1 + 1e-9)]
        }
        """

    @Test func consensusWithNoOtherStrategySaysNoneRan() throws {
        let report = try run(Self.slightlyWrong, [HandCodedStrategy()])
        let consensus = try #require(try cell(report, "hand-coded").points.first?.consensus)
        #expect(consensus.contains("no other strategy gave a derivative"), "\(consensus)")
    }

    @Test func aStrategyTooCoarseToTellIsNeverCountedOnBothSides() throws {
        let report = try run(Self.slightlyWrong, [HandCodedStrategy(), ForwardModeStrategy(), CentralDifferenceStrategy()])
        let consensus = try #require(try cell(report, "hand-coded").points.first?.consensus)
        #expect(consensus.contains("1 of 2 other strategies agrees with the reference (forward)"), "\(consensus)")
        #expect(consensus.contains("central-difference is within tolerance of both"), "\(consensus)")
        #expect(!consensus.contains("central-difference agrees"), "\(consensus)")
    }

    // MARK: 8. Disputed cells and unresolvable steps

    @Test func aDifferenceWhoseStepCannotResolveTheFunctionIsInconclusive() throws {
        let source = """
            /// Features of width 10⁻⁷, far below a difference step at u ≈ 10⁻⁷.
            @points((1.3e-7), (2.1e-7))
            func fast(u) {
                return sin(1e7 * u)
            }
            gradient fast {
                return [1e7 * cos(1e7 * u)]
            }
            """
        let report = try run(source)
        for cell in report.cells where !cell.family.isExact {
            #expect(cell.verdict != .fail, "\(cell.strategy): \(cell.message ?? "")")
        }
        #expect(try cell(report, "hand-coded").verdict == .pass)
    }

    @Test func disputedCellsAreNeverTheLeastAccurateAndShowTheirReason() throws {
        let source = """
            /// |x| at its kink: the one-sided derivatives differ, the point is disputed.
            @points((0), (0.5))
            func kink(x) {
                return abs(x)
            }
            gradient kink {
                return [x < 0 ? -1 : 1]
            }
            """
        let report = try run(source.replacingOccurrences(of: "[x < 0 ? -1 : 1]", with: "[1]"))
        let disputed = report.cells.filter { $0.verdict == .disputed }
        #expect(!disputed.isEmpty)
        if let worst = ReportSummary(report).worst { #expect(worst.verdict != .disputed) }
        let table = TextReport(report).render()
        for cell in disputed {
            let row = try #require(table.split(separator: "\n").first { $0.contains(" \(cell.strategy) ") && $0.contains("disputed") })
            #expect(row.contains("not differentiable"), "\(row)")
            #expect(!row.contains("-0.0"))
        }
    }

    // MARK: The rounding of f's value widens nothing (issue: nothing passes by default)

    @Test func aNoisyValueDoesNotExcuseAWrongDerivative() throws {
        let source = """
            /// x² plus (1e17 + x) − 1e17 − x, which is 0 in real arithmetic: a noisy value, an exact derivative.
            @points((0.5), (0.7))
            func noisy_square(x) {
                return x^2 + ((1e17 + x) - 1e17 - x)
            }
            gradient noisy_square {
                return [2 * x]
            }
            @mutant("-50x")
            gradient noisy_square {
                return [-50 * x]
            }
            /// eˣ − 1 − x at tiny x: f's value is all rounding, its derivative eˣ − 1 is well known.
            @points((1e-7), (2e-7), (3e-7))
            func expm1_minus(x) {
                return exp(x) - 1 - x
            }
            gradient expm1_minus {
                return [exp(x) - 1]
            }
            @mutant("5% too large")
            gradient expm1_minus {
                return [1.05 * (exp(x) - 1)]
            }
            """
        let report = try run(source, [HandCodedStrategy(), ReverseModeStrategy()])
        for name in ["noisy_square", "expm1_minus"] {
            #expect(try cell(report, "hand-coded", function: name).verdict == .pass, "\(name)")
            #expect(try cell(report, "reverse", function: name).verdict == .pass, "\(name)")
            #expect(try cell(report, "hand-coded", mutant: 0, function: name).verdict == .expectedFailure, "\(name)")
        }
        // In Float eˣ − 1 at 10⁻⁷ has no digits left: the 5% mutant cannot be told, and is not passed.
        let float = try run(source, [HandCodedStrategy()], in: Float.self)
        let mutant = try cell(float, "hand-coded", mutant: 0, function: "expm1_minus")
        #expect(mutant.points.allSatisfy { $0.verdict != .pass })
    }

    @Test func entriesWithAFiniteReferenceAreJudgedBesideAnInfiniteOne() throws {
        let source = """
            /// √x + y² at x = 0: ∂f/∂x is infinite, ∂f/∂y = 2y is not, and must still be checked.
            @points((0, 1), (0, 2))
            func edge(x, y) {
                return sqrt(x) + y^2
            }
            gradient edge {
                return [1 / (2 * sqrt(x)), 2 * y]
            }
            @mutant("5y for 2y")
            gradient edge {
                return [1 / (2 * sqrt(x)), 5 * y]
            }
            """
        let report = try run(source)
        #expect(try cell(report, "hand-coded", mutant: 0).verdict == .expectedFailure)
        for cell in report.cells where !cell.isMutant {
            #expect(!cell.verdict.failsRun, "\(cell.strategy): \(cell.verdict) \(cell.message ?? "")")
        }
        let reference = try #require(try cell(report, "hand-coded").points.first?.reference)
        #expect(reference[0][1] == 2)
    }

    // MARK: Must show: a 10⁻⁶ error in one entry is caught wherever the verdict is decided

    @Test func aOneInAMillionErrorInTheLargestEntryIsCaughtWhereverAPointPasses() throws {
        let corpus = try StandardCorpus.functions().filter { $0.hasHandCodedDerivative && $0.inputCount <= 100 }
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.measureCosts = false
        let runner = Runner(reference: ExtendedForwardReference(), configuration: configuration)
        var caught = 0, total = 0
        for function in corpus {
            let report = runner.run([function], strategies: [HandCodedStrategy()])
            guard let correct = report.cells.first(where: { !$0.isMutant }) else { continue }
            for point in correct.points where point.verdict == .pass {
                guard let largest = point.entries?.max(by: { abs($0.reference) < abs($1.reference) }),
                    largest.reference != 0
                else { continue }
                // The bound does not depend on the candidate: the mutant is caught when its error exceeds it.
                let mutantError = abs(largest.value + 1e-6 * abs(largest.reference) - largest.reference)
                total += 1
                if mutantError > largest.bound { caught += 1 }
            }
        }
        #expect(total > 100)
        #expect(caught == total, "caught \(caught) of \(total)")
    }
}

/// `@tolerance(floor: 0)` asks for a purely componentwise test, in every precision.
@Suite("Floor fraction 0")
struct ComponentwiseFloorTests {
    @Test func aZeroFloorFractionJudgesEachEntryOnItsOwnScaleInFloat() {
        let float = Tolerance.default(for: .handCoded, epsilon: Double(Float.ulpOfOne))
        var componentwise = float
        componentwise.floorFraction = 0
        let judge = EntryJudge(tolerance: componentwise, leastNormal: ExtendedReal(Float.leastNormalMagnitude))
        let judged = judge.judge(candidate: [[1e-8, 1e8]], reference: [[2e-8, 1e8]])
        #expect(judged[0].outcome == .outside, "\(judged[0])")
        #expect(judged[0].basis.floorSource == .smallestNormal)
        #expect(judge.judge(candidate: [[0, 0]], reference: [[0, 0]]).allSatisfy { $0.basis.floorSource == .unit })
    }
}
