import GradCheckCore
import GradCheckEngine
import Testing

/// f(x) = x² (log(x) when `logarithmic`), with the right derivative, a caught mutant (3x) and one that
/// equals the truth (an uncatchable mutant, to show it is reported).
struct Parabola: TestFunction {
    var id = FunctionID(suite: "test", name: "parabola")
    let summary = "x²"
    let inputNames = ["x"]
    let outputCount = 1
    var sampling = Sampling(explicitPoints: [[1.5], [-2]])
    let hasHandCodedDerivative = true
    let mutants = ["factor 3 instead of 2", "identical to the truth"]
    var expectedFailures: [String: String] = [:]

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [x[0] * x[0]] }

    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        switch variant {
        case .correct, .mutant(1): [[2 * x[0]]]
        default: [[3 * x[0]]]
        }
    }
}

/// The closed form of the test functions' derivatives, as the runner's reference.
struct ClosedFormReference: ReferenceDerivative {
    let description = "closed form"
    func evaluate(_ function: any TestFunction, at point: [ExtendedReal]) throws -> ReferenceResult {
        ReferenceResult(value: try function.evaluate(point), jacobian: try function.handCodedDerivative(.correct, at: point))
    }
}

/// A strategy that returns whatever `answer` gives, or throws.
struct ScriptedStrategy: DifferentiationStrategy {
    var id: String
    var family = StrategyFamily.automatic
    let summary = "scripted"
    var answer: @Sendable ([Double]) throws -> [[Double]]

    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        StrategyOutput(jacobian: try answer(point.map(\.doubleValue)).map { $0.map { R($0) } })
    }
}

struct HandCoded: DifferentiationStrategy {
    let id = "hand-coded"
    let family = StrategyFamily.handCoded
    let summary = "hand"
    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        StrategyOutput(jacobian: try function.handCodedDerivative(variant, at: point))
    }
}

struct Failure: Error, CustomStringConvertible { var description: String { "boom" } }

@Suite("The runner's verdicts")
struct RunnerTests {
    func run(_ strategies: [any DifferentiationStrategy], function: any TestFunction = Parabola()) -> RunReport {
        var configuration = RunConfiguration()
        configuration.measureTimings = false
        return Runner(reference: ClosedFormReference(), configuration: configuration).run([function], strategies: strategies)
    }

    @Test func anExactAnswerPassesAndAWrongOneFailsWithItsEntry() throws {
        let report = run([
            ScriptedStrategy(id: "right") { [[2 * $0[0]]] },
            ScriptedStrategy(id: "wrong") { [[2 * $0[0] + 1e-6]] },
        ])
        #expect(report.cells.map(\.verdict) == [.pass, .fail])
        let message = try #require(report.cells[1].message)
        #expect(message.contains("∂f/∂x: got 3"))
        #expect(message.contains("reference 3"))
        #expect(!report.succeeded)
    }

    @Test func misbehaviourIsAnErrorNeverAPass() {
        let report = run([
            ScriptedStrategy(id: "throws") { _ in throw Failure() },
            ScriptedStrategy(id: "shape") { _ in [[1, 2]] },
            ScriptedStrategy(id: "nan") { _ in [[.nan]] },
            ScriptedStrategy(id: "unsupported") { _ in throw StrategyError.unsupported("not analytic") },
        ])
        #expect(report.cells.map(\.verdict) == [.error, .error, .error, .unsupported])
        #expect(report.cells[0].message == "throws threw: boom")
        #expect(report.cells[1].message?.hasPrefix("wrong shape: expected 1×1, got 1×2") == true)
        #expect(report.cells[2].message?.contains("nan") == true)
        #expect(report.cells[3].message == "not analytic")
    }

    @Test func mutantsAreCaughtOrReportedAsUncaught() {
        let report = run([HandCoded()])
        #expect(report.cells.map(\.variant) == [.correct, .mutant(0), .mutant(1)])
        #expect(report.cells.map(\.verdict) == [.pass, .expectedFailure, .unexpectedPass])
        #expect(report.cells[1].message == "mutant caught at 2/2 points: factor 3 instead of 2")
        #expect(report.mutantTally.caught == 1 && report.mutantTally.total == 2)
        #expect(!report.succeeded)
    }

    @Test func anExpectedFailureThatPassesIsReported() {
        var function = Parabola()
        function.expectedFailures = ["right": "expected to be off", "wrong": "known to be off"]
        let report = run([
            ScriptedStrategy(id: "right") { [[2 * $0[0]]] },
            ScriptedStrategy(id: "wrong") { [[-2 * $0[0]]] },
        ], function: function)
        #expect(report.cells.map(\.verdict) == [.unexpectedPass, .expectedFailure])
    }

    @Test func aNonFiniteReferenceMeansOutsideTheDomain() {
        var function = Parabola()
        function.sampling = Sampling(explicitPoints: [[.infinity]])
        let report = run([ScriptedStrategy(id: "right") { [[2 * $0[0]]] }], function: function)
        #expect(report.cells[0].verdict == .outsideDomain)
        // Nothing failed, but nothing was verified either: not a success.
        #expect(report.outcome == .nothingVerified && !report.succeeded)
    }

    @Test func costsAreMeasuredOverCountedNumbers() throws {
        let report = run([HandCoded()])
        let cost = try #require(report.cells[0].cost)
        #expect(cost.function.multiplications == 1)
        #expect(cost.derivative.multiplications == 1)
        #expect(cost.ratio == 1)
    }

    @Test func aWorstPointDecidesTheRow() {
        let report = run([ScriptedStrategy(id: "half") { $0[0] > 0 ? [[2 * $0[0]]] : [[0]] }])
        #expect(report.cells[0].verdict == .fail)
        #expect(report.cells[0].worstPointIndex == 1)
    }
}
