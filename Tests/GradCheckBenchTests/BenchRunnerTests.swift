import Foundation
import GradCheck
import Testing

@testable import GradCheckBench

/// The benchmark on tiny sizes: the shape of what it reports, never its timings.
@Suite struct BenchRunnerTests {
    static func configuration(sizes: [Int] = [8, 20], functions: [String] = BenchmarkFunctions.names) -> BenchConfiguration {
        var configuration = BenchConfiguration()
        configuration.sizes = sizes
        configuration.functions = functions
        configuration.budgetSeconds = 2
        configuration.samples = 1
        configuration.countSize = 20
        return configuration
    }

    @Test func everyFunctionSizeAndMethodHasACell() {
        let report = BenchRunner(configuration: Self.configuration()).run()
        #expect(report.cells.count == BenchmarkFunctions.names.count * 2 * BenchMethod.allCases.count)
        for cell in report.cells where cell.method.isBuiltIn {
            #expect(cell.status == .measured, "\(cell.function) n=\(cell.inputCount) \(cell.method): \(cell.note ?? "")")
            #expect(cell.medianNanoseconds.map { $0 > 0 } == true)
            #expect(cell.ratio != nil && cell.omega != nil)
        }
        #expect(report.cells.filter { $0.method == .function }.allSatisfy { $0.ratio == 1 && $0.omega == 1 })
    }

    /// Every exact method agrees with the hand-written gradient; the differences are close.
    @Test func gradientsAgreeWithTheHandWrittenOnes() {
        let report = BenchRunner(configuration: Self.configuration()).run()
        for cell in report.cells where cell.method.isBuiltIn && cell.method != .function {
            let error = try! #require(cell.maxRelativeError)
            #expect(error <= (cell.method == .centralDifference ? 1e-4 : 1e-12), "\(cell.function) \(cell.method)")
        }
    }

    /// The reverse-mode targets that do not depend on timing: ω ≤ 5, ≤ 16 bytes per recorded operation,
    /// no heap allocation per gradient after warm-up.
    @Test func reverseModeIsCompactAndCheapInOperations() {
        let report = BenchRunner(configuration: Self.configuration(sizes: [64])).run()
        for cell in report.cells where cell.method == .reverse {
            #expect(cell.omega.map { $0 <= 5 } == true, "\(cell.function): ω = \(cell.omega ?? .nan)")
            #expect(cell.bytesPerOperation.map { $0 <= 16 } == true, "\(cell.function): \(cell.bytesPerOperation ?? .nan) B/op")
            #expect(cell.tapeBytes.map { $0 > 0 } == true && cell.tapeEntries.map { $0 > 64 } == true)
            if AllocationCounter.isActive {
                #expect(cell.allocationsPerCall == 0, "\(cell.function): \(cell.allocationsPerCall ?? .nan) allocations")
            }
        }
    }

    @Test func chunkSizeIsReportedForChunkedForwardMode() {
        let report = BenchRunner(configuration: Self.configuration(sizes: [20], functions: ["rosenbrock"])).run()
        let chunked = report.cells.first { $0.method == .forwardChunked }
        #expect(chunked?.chunkSize == 10)
    }

    // MARK: Hooks

    @Test func unregisteredHooksAreNotAvailable() throws {
        let registry = try StrategyRegistry([ReverseModeStrategy()])
        let report = BenchRunner(configuration: Self.configuration(sizes: [8], functions: ["product"]), registry: registry).run()
        for method in [BenchMethod.symbolic, .swiftAutodiff] {
            let cell = try #require(report.cells.first { $0.method == method })
            #expect(cell.status == .notAvailable)
            #expect(cell.note?.contains("not available") == true)
            #expect(cell.medianNanoseconds == nil)
        }
    }

    /// A strategy registered under a hook's id is timed through the registry.
    @Test func registeredHookIsTimed() throws {
        let registry = try StrategyRegistry([RenamedStrategy(id: "symbolic", wrapped: ReverseModeStrategy())])
        let report = BenchRunner(configuration: Self.configuration(sizes: [8], functions: ["logistic"]), registry: registry).run()
        let cell = try #require(report.cells.first { $0.method == .symbolic })
        #expect(cell.status == .measured && cell.medianNanoseconds != nil && cell.omega != nil)
        #expect(cell.maxRelativeError.map { $0 <= 1e-12 } == true)
    }

    // MARK: Budget

    @Test func budgetEstimatesScaleWithTheMethodsGrowth() {
        var history = BudgetHistory()
        #expect(history.estimate(.reverse, at: 1000) == nil, "nothing measured yet")
        history.record(.reverse, inputCount: 100, nanoseconds: 1e6)
        history.record(.centralDifference, inputCount: 100, nanoseconds: 1e6)
        #expect(history.estimate(.reverse, at: 1000)?.nanoseconds == 1e7)
        #expect(history.estimate(.centralDifference, at: 1000)?.nanoseconds == 1e8)
        #expect(history.estimate(.centralDifference, at: 1000)?.fromInputCount == 100)
        #expect(history.estimate(.reverse, at: 100) == nil, "only from a smaller size")
    }

    /// With a budget far below any call, every method measured at the small size is skipped at the
    /// larger one, with the estimate in the note; nothing is skipped at the first size.
    @Test func cellsOverTheBudgetAreSkipped() {
        var configuration = Self.configuration(sizes: [8, 64], functions: ["rosenbrock"])
        configuration.budgetSeconds = 1e-9
        let report = BenchRunner(configuration: configuration).run()
        for cell in report.cells where cell.method.isBuiltIn {
            if cell.inputCount == 8 {
                #expect(cell.status == .measured)
            } else {
                #expect(cell.status == .skipped, "\(cell.method)")
                #expect(cell.note?.hasPrefix("skipped: over") == true && cell.note?.contains("from n = 8") == true)
            }
        }
    }

    // MARK: Output

    @Test func tableHasAHeaderAndOneRowPerCell() {
        let report = BenchRunner(configuration: Self.configuration(sizes: [8], functions: ["dense-tanh"])).run()
        let text = BenchTable(report).render()
        let lines = text.split(separator: "\n")
        #expect(text.contains("machine: "))
        let header = try! #require(lines.firstIndex { $0.hasPrefix("function") })
        #expect(lines[header].contains("method") && lines[header].contains("ω") && lines[header].contains("B/op"))
        #expect(lines.count >= header + 2 + report.cells.count)
        #expect(lines.contains { $0.contains("reverse") && $0.contains("dense-tanh") })
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let report = BenchRunner(configuration: Self.configuration(sizes: [8], functions: ["rosenbrock"])).run()
        let object = try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any]
        let json = try #require(object)
        #expect(json["version"] as? Int == 1)
        #expect(json["build"] as? String != nil && json["machine"] is [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == BenchMethod.allCases.count)
        let reverse = try #require(cells.first { $0["method"] as? String == "reverse" })
        for key in ["function", "inputCount", "status", "medianNanoseconds", "ratio", "omega", "tapeBytes", "bytesPerOperation"] {
            #expect(reverse[key] != nil, "missing \(key)")
        }
        // The round trip through Codable keeps every cell.
        let decoded = try JSONDecoder().decode(BenchReport.self, from: Data(try report.json().utf8))
        #expect(decoded.cells.count == report.cells.count)
    }

    /// The chain probe times what it says: the memory chain carries the seed from the last link to the
    /// first (every link an accumulation ā[k − 1] += ā[k]), and the register chain sums its terms.
    @Test func accumulationChainProbeComputesBothChains() {
        let adjoints = UnsafeMutablePointer<Double>.allocate(capacity: 5)
        defer { adjoints.deallocate() }
        AccumulationChainProbe.memoryChain(adjoints, indices: [0, 0, 1, 2, 3], length: 5)
        #expect((0..<5).map { adjoints[$0] } == [1, 1, 1, 1, 1])
        #expect(AccumulationChainProbe.registerChain([1, 2, 3.5]) == 6.5)
        let probe = AccumulationChainProbe.measure(length: 1_000, samples: 1, budgetSeconds: 1)
        #expect(probe.length == 1_000)
        #expect(probe.registerNanosecondsPerLink > 0 && probe.memoryNanosecondsPerLink > 0 && probe.ratio.isFinite)
    }
}

/// A strategy under another id (a stand-in for a plugin registered under a hook's id).
struct RenamedStrategy: DifferentiationStrategy {
    let id: String
    let wrapped: any DifferentiationStrategy
    var family: StrategyFamily { wrapped.family }
    var summary: String { "\(wrapped.id) under another name" }
    func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        try wrapped.derivative(of: function, at: point, variant: variant)
    }
}
