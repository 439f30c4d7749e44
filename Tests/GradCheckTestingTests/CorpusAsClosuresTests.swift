import GradCheckTesting
import Testing

/// The promise of the closure checks: no false failures on correct derivatives, and no wrong derivative
/// let through — shown on every function of the starter corpus, given as a plain closure over Double
/// with its hand-written derivative, at its own points and seeded random points of its domain.
@Suite("The starter corpus as closures")
struct CorpusAsClosuresTests {
    static let correct = StarterCorpus.functions.filter { !$0.tags.contains("negative-control") }
    static let ids = correct.map(\.id.description)

    static func function(_ id: String) throws -> any TestFunction {
        try #require(StarterCorpus.functions.first { $0.id.description == id })
    }

    /// Checks `variant` of `function`'s hand-written derivative, as closures, at its points.
    static func check(_ function: any TestFunction, _ variant: DerivativeVariant, random: Int, seed: UInt64) -> GradientCheckReport {
        let closures = CorpusClosures(function: function)
        let points = closures.points(random: random, seed: seed)
        return function.outputCount == 1
            ? checkGradient(of: closures.value, gradient: closures.gradient(variant), at: points)
            : checkJacobian(of: closures.values, jacobian: closures.jacobian(variant), at: points)
    }

    @Test(arguments: ids)
    func everyCorrectDerivativePassesAsAClosure(id: String) throws {
        let report = Self.check(try Self.function(id), .correct, random: 6, seed: 2024)
        #expect(report.passed, "\(report)")
        #expect(report.points.count >= 6)
    }

    @Test(arguments: ids)
    func everyCorrectDerivativePassesAgainstTheExactReference(id: String) throws {
        let function = try Self.function(id)
        let closures = CorpusClosures(function: function)
        let report = function.outputCount == 1
            ? expectGradient(of: function, gradient: closures.gradient(.correct), at: closures.points(random: 6, seed: 2024))
            : expectJacobian(of: function, jacobian: closures.jacobian(.correct), at: closures.points(random: 6, seed: 2024))
        #expect(report.passed)
    }

    @Test func everyMutantFailsAsAClosure() {
        var mutants: [(any TestFunction, DerivativeVariant)] = []
        for function in StarterCorpus.functions {
            mutants += function.mutants.indices.map { (function, .mutant($0)) }
            if function.tags.contains("negative-control") { mutants.append((function, .correct)) }
        }
        #expect(mutants.count == 2)  // the article's printed trace, as a mutant of nutty and as nutty-as-printed
        for (function, variant) in mutants {
            let report = Self.check(function, variant, random: 6, seed: 2024)
            #expect(report.outcome == .failed, "\(function.id) \(variant)")
            #expect(report.points.allSatisfy { $0.outcome == .failed }, "\(function.id) \(variant): every point catches it")
        }
    }
}
