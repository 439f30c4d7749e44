import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

/// The same program over different scalar types: the batched `Double` path against the generic one,
/// dual numbers against the hand-written derivatives, `Float`, `Float80`, and operation counts.
@Suite struct ScalarTypeTests {
    static let loops = """
        @dimensions(n: 5, 100)
        @domain(x: -2...2)
        func rosenbrock(x[n]) {
            var s = 0
            for i in 0..<n-1 {
                s += 100 * (x[i+1] - x[i]^2)^2 + (1 - x[i])^2
            }
            return s
        }
        gradient rosenbrock {
            var g = zeros(n)
            for i in 0..<n-1 {
                g[i] += -400 * x[i] * (x[i+1] - x[i]^2) - 2 * (1 - x[i])
                g[i+1] += 200 * (x[i+1] - x[i]^2)
            }
            return g
        }
        @dimensions(n: 5, 100)
        @domain(x: 0.2...4)
        func mixed(x[n]) {
            var sq = 0
            var cs = 1
            var t = 0
            for i in 0..<n {
                let w = (i + 1) * x[i]^3 - 2 * pi * x[n - 1 - i]
                sq += w * w
                cs *= 1 + cos(2 * pi * x[i]) / n
                t = sqrt(x[i]) / (1 + exp(-w)) + pow(x[i], 0.3) + atan2(x[i], w) + max(w, 0.5)
                sq -= t / 100
            }
            var back = 0
            for k in 0...n/2 - 1 {
                back += x[2 * k] - x[2 * k + 1]
            }
            return sq + cs + t + back
        }
        """

    @Test func batchedDoubleMatchesTheGenericPathBitForBit() throws {
        let suite = try loadSuite(Self.loops)
        var generator = SeededGenerator(seed: 11)
        for function in suite.functions {
            for _ in 0..<5 {
                let x = function.sampling.domain.map { generator.nextDouble(in: $0) }
                let batched = try function.evaluate(x)
                let generic = try function.evaluate(x.map(Plain.init)).map(\.value)
                #expect(batched == generic, "\(function.id)")
                if function.hasHandCodedDerivative {
                    let g: [[Double]] = try function.handCodedDerivative(.correct, at: x)
                    let gPlain = try function.program.run(function.derivative!, inputs: x.map(Plain.init), lengths: function.dimensions)
                    guard case .vector(let values) = gPlain else { throw TestFailure("not a vector") }
                    #expect(g[0] == values.map(\.value), "\(function.id)")
                }
            }
        }
    }

    @Test func corpusInDoubleMatchesTheGenericPathBitForBit() throws {
        let suites = try SuiteLoader().loadSuites(at: repositoryRoot.appendingPathComponent("Suites").path)
        for function in suites.flatMap(\.functions) {
            let points = function.sampling.points(random: 2, seed: 3, salt: "bits")
            for x in points {
                let double = try function.evaluate(x)
                let generic = try function.evaluate(x.map(Plain.init)).map(\.value)
                #expect(zip(double, generic).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(function.id) at \(x)")
                for index in [function.derivative].compactMap({ $0 }) + function.mutantFunctions {
                    let a = try function.program.run(index, inputs: x, lengths: function.dimensions)
                    let b = try function.program.run(index, inputs: x.map(Plain.init), lengths: function.dimensions)
                    switch (a, b) {
                    case (.vector(let u), .vector(let v)): #expect(u == v.map(\.value), "\(function.id)")
                    case (.matrix(let u), .matrix(let v)): #expect(u == v.map { $0.map(\.value) }, "\(function.id)")
                    default: Issue.record("\(function.id): unexpected derivative kinds")
                    }
                }
            }
        }
    }

    @Test func theModelLoopsAreBatched() throws {
        let suite = try loadSuite(Self.loops)
        let program = suite.program.compiled(for: Double.self)
        var batched = 0
        for function in program.functions {
            for case .forRange(let variable, let lower, let upper, let inclusive, let body, let cost, _) in function.body {
                let compiler = Compiler<Double>(
                    program: program, resultType: function.resultType, resultSlot: function.resultSlot,
                    location: function.location)
                if BatchAnalysis.loop(
                    scalar: compiler, variable: variable, lower: lower, upper: upper, inclusive: inclusive, body: body,
                    cost: cost) != nil
                {
                    batched += 1
                }
            }
        }
        // Rosenbrock, its gradient, and both loops of `mixed`.
        #expect(batched == 4)
    }

    @Test func dualNumbersAgreeWithHandWrittenDerivatives() throws {
        let suites = try SuiteLoader().loadSuites(at: repositoryRoot.appendingPathComponent("Suites").path)
        var checked = 0
        for function in suites.flatMap(\.functions) where function.hasHandCodedDerivative && function.inputCount <= 20 {
            // Random points only: explicit points may sit on kinks on purpose, where the hand-written
            // derivative follows a convention that no other method needs to share.
            let explicit = function.sampling.explicitPoints.count
            for x in function.sampling.points(random: 2, seed: 5, salt: function.id.description).dropFirst(explicit) {
                let forward = try Dual.jacobian(of: { try function.evaluate($0) }, at: x)
                let handWritten: [[Double]] = try function.handCodedDerivative(.correct, at: x)
                for (a, b) in zip(forward.joined(), handWritten.joined()) {
                    #expect(Swift.abs(a - b) <= 1e-9 * Swift.max(1, Swift.abs(b)), "\(function.id) at \(x)")
                }
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    @Test func otherPrecisions() throws {
        let suite = try loadSuite(Self.loops)
        for function in suite.functions {
            let x = function.sampling.domain.map { ($0.lowerBound + $0.upperBound) / 2 }
            let double = try function.evaluate(x)[0]
            let float = try function.evaluate(x.map(Float.init))[0]
            #expect(Swift.abs(Double(float) - double) <= 1e-4 * Swift.abs(double))
            #if arch(x86_64) && !os(Windows)
            let extended = try function.evaluate(x.map(Float80.init))[0]
            #expect(Swift.abs(Double(extended) - double) <= 1e-12 * Swift.abs(double))
            #endif
        }
    }

    @Test func countedOperations() throws {
        let f = try function("f", in: "@domain(x: 0...1)\nfunc f(x) {\n    if x > 0.5 { return x * x + 1 }\n    return sin(x) / 2\n}\n")
        let (_, high) = try OperationTally.measure { try f.evaluate([Counted<Double>(0.75)]) }
        #expect(high == OperationCounts(additions: 1, multiplications: 1, divisions: 0, elementary: 0, comparisons: 1))
        let (_, low) = try OperationTally.measure { try f.evaluate([Counted<Double>(0.25)]) }
        #expect(low == OperationCounts(additions: 0, multiplications: 0, divisions: 1, elementary: 1, comparisons: 1))
    }

    @Test func concurrentEvaluationsShareTheCompiledProgram() async throws {
        let suite = try loadSuite(Self.loops)
        let function = suite.functions[1]
        let x = function.sampling.domain.map { ($0.lowerBound + $0.upperBound) / 2 }
        let expected = try function.evaluate(x)[0]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for _ in 0..<50 {
                        let value = task % 2 == 0
                            ? try function.evaluate(x)[0] : try function.evaluate(x.map(Plain.init))[0].value
                        #expect(value == expected)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
