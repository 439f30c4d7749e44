import Foundation
import GradCheck
import Testing

@Suite("The starter corpus against the reference")
struct StarterCorpusTests {
    static let correctFunctions = StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }

    func run(_ strategies: [any DifferentiationStrategy], on functions: [any TestFunction] = correctFunctions) -> RunReport {
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.pointsPerFunction = 4
        return Runner(reference: ExtendedForwardReference(), configuration: configuration).run(functions, strategies: strategies)
    }

    func worstNormwise(_ cells: [CellResult]) -> Double {
        cells.flatMap(\.points).compactMap { $0.errors?.normwiseRelative }.max() ?? .nan
    }

    @Test(arguments: [HandCodedStrategy() as any DifferentiationStrategy, ForwardModeStrategy(), ReverseModeStrategy()])
    func exactStrategiesAgreeWithTheReferenceTo1e12(strategy: any DifferentiationStrategy) {
        let report = run([strategy])
        let correct = report.cells.filter { !$0.isMutant }
        #expect(correct.allSatisfy { $0.verdict == .pass }, "\(strategy.id)")
        // 1e-12, not 1e-13: a Newton loop stopped by its own tolerance differs from the √x whose derivative
        // the hand-written gradient gives by a few units in the 13th digit at some random points.
        #expect(worstNormwise(correct) <= 1e-12, "\(strategy.id): worst normwise relative error \(worstNormwise(correct))")
    }

    @Test func reverseModeCostStaysBoundedWhileForwardModeGrowsWithN() throws {
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        configuration.pointsPerFunction = 1
        let report = Runner(reference: ExtendedForwardReference(), configuration: configuration)
            .run([Rosenbrock(n: 10), Rosenbrock(n: 100)], strategies: [ForwardModeStrategy(), ReverseModeStrategy()])
        func cost(_ n: Int, _ id: String) throws -> CostMeasurement {
            try #require(report.cells.first { $0.function.name == "rosenbrock[n=\(n)]" && $0.strategy == id }?.cost)
        }
        let forwardGrowth = Double(try cost(100, "forward").derivative.total) / Double(try cost(10, "forward").derivative.total)
        #expect(forwardGrowth >= 50, "forward flops grew \(forwardGrowth)× from n = 10 to 100")
        #expect(try cost(10, "reverse").ratio <= 6 && cost(100, "reverse").ratio <= 6)
        #expect(try cost(100, "forward").ratio >= 100)
    }

    @Test func centralDifferencesAgreeTo1e8() {
        let report = run([CentralDifferenceStrategy()])
        #expect(report.cells.allSatisfy { $0.verdict == .pass })
        #expect(worstNormwise(report.cells) <= 1e-8, "worst normwise relative error \(worstNormwise(report.cells))")
    }

    @Test func forwardDifferencesPassWithoutFalseFailures() {
        let report = run([ForwardDifferenceStrategy()])
        #expect(report.cells.allSatisfy { $0.verdict == .pass })
    }

    @Test func theSeedsTangentTraceSignErrorIsCaughtAsAMutant() throws {
        let report = run([HandCodedStrategy()], on: [Nutty()])
        let mutant = try #require(report.cells.first { $0.isMutant })
        #expect(mutant.verdict == .expectedFailure)
        #expect(report.succeeded)
    }

    @Test func theSeedsTangentTraceAsAGradientFailsWithTheEntryAndBothValues() throws {
        let report = run([HandCodedStrategy()], on: [NuttyAsPrinted()])
        let cell = try #require(report.cells.first)
        #expect(cell.verdict == .fail)
        #expect(!report.succeeded)
        // At (2, 1): L = log(2/sin 1) ≈ 0.8656; ∂f/∂x1 = √L ± 1/(2√L) = 1.4678 (right), 0.3933 (printed).
        let first = cell.points[0]
        let got = try #require(first.derivative), want = try #require(first.reference)
        let logTerm = log(2 / sin(1.0))
        #expect(abs(want[0][0] - (logTerm.squareRoot() + 0.5 / logTerm.squareRoot())) < 1e-14)
        #expect(abs(got[0][0] - (logTerm.squareRoot() - 0.5 / logTerm.squareRoot())) < 1e-14)
        let message = try #require(first.message)
        #expect(message.contains("2 of 2 entries outside the tolerance"))
        #expect(message.contains("got") && message.contains("reference"))
    }

    @Test func theStarterCorpusCoversWhatTheSeedsAndControlFlowNeed() {
        let tags = Set(StarterCorpus.functions.flatMap(\.tags))
        for tag in ["seed", "loop", "while", "branch", "recursion", "jacobian", "fan-out"] {
            #expect(tags.contains(tag), "no function tagged \(tag)")
        }
        let ids = StarterCorpus.functions.map(\.id.description)
        #expect(Set(ids).count == ids.count)
    }
}

@Suite("Compiled and interpreted corpora agree")
struct CompiledAndInterpretedTests {
    @Test(arguments: [2, 10, 100])
    func rosenbrockAgreesTo1e15(n: Int) throws {
        let suites = try StandardCorpus.suites()
        let interpreted = try #require(suites.flatMap(\.functions).first { $0.id.description == "classic/rosenbrock[n=\(n)]" })
        let compiled = Rosenbrock(n: n)
        for point in compiled.sampling.points(random: 5, seed: 3, salt: "agree") {
            let a = try compiled.evaluate(point)[0], b = try interpreted.evaluate(point)[0]
            #expect(abs(a - b) <= 1e-15 * abs(a), "f at n = \(n)")
            let ga = try compiled.handCodedDerivative(.correct, at: point)[0]
            let gb = try interpreted.handCodedDerivative(.correct, at: point)[0]
            for j in 0..<n { #expect(abs(ga[j] - gb[j]) <= 1e-15 * max(abs(ga[j]), 1), "∂f/∂x[\(j)] at n = \(n)") }
            let ra = try ReverseModeStrategy().derivative(of: compiled, at: point, variant: .correct).jacobian[0]
            let rb = try ReverseModeStrategy().derivative(of: interpreted, at: point, variant: .correct).jacobian[0]
            for j in 0..<n { #expect(abs(ra[j] - rb[j]) <= 1e-15 * max(abs(ra[j]), 1)) }
        }
    }
}
