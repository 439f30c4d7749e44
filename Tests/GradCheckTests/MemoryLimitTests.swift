import Foundation
import GradCheck
import Testing

/// Issue 21, item 11: the runtime limits count the bytes a suite function holds in vectors and matrices,
/// including the partials the reference's numbers carry, and give them back when they are released.
@Suite("The memory limit of an evaluation")
struct MemoryLimitTests {
    /// `function` of `source` under `limits`.
    func function(_ name: String, in source: String, limits: RuntimeLimits) throws -> any TestFunction {
        let functions = try SuiteLoader(limits: limits).load(source: source, name: "memory", path: "memory.grad")
        return try #require(functions.first { $0.id.name.hasPrefix(name) })
    }

    /// The reference's numbers at `point`: input j carries the unit partials eⱼ.
    func referenceInputs(_ point: [Double]) -> [ReferenceNumber<Double>] {
        point.indices.map { ReferenceNumber<Double>(input: point[$0], index: $0, count: point.count) }
    }

    /// A function storing a value with 50 partials (864 bytes in Double) in each of 10,000 entries.
    static let hoard = """
        @dimensions(n: 50)
        @domain(x: 0.5...1.5)
        func hoard(x[n]) {
            var v = zeros(10000)
            var s = 0
            for i in 0..<10000 {
                v[i] = x[i % n] * 1.5
                s = s + v[i]
            }
            return s
        }
        """

    @Test func storingBeyondTheLimitIsALocatedError() throws {
        var limits = RuntimeLimits.default
        limits.maximumBytes = 4 << 20
        let hoard = try function("hoard", in: Self.hoard, limits: limits)
        #expect {
            _ = try hoard.evaluate(referenceInputs([Double](repeating: 1, count: 50)))
        } throws: { error in
            guard let error = error as? SuiteRuntimeError else { return false }
            return error.kind == .memoryLimit && error.location?.line == 7
                && error.description.hasSuffix("error: exceeded the memory limit of 4.0 MiB held in vectors and matrices per evaluation")
        }
        // In Double the same function holds 80 KB (8 bytes an entry), well within the limit.
        let plain = try function("hoard", in: Self.hoard, limits: limits)
        #expect(try plain.evaluate([Double](repeating: 1, count: 50)) == [1.5e4])
    }

    /// A copy of a whole vector counts as its own entries, and going over there names the variable stored.
    @Test func aVectorCopyBeyondTheLimitNamesItsVariable() throws {
        let copy = """
            @dimensions(n: 50)
            @domain(x: 0.5...1.5)
            func copy(x[n]) {
                var v = zeros(n)
                for i in 0..<n {
                    v[i] = x[i] * 2
                }
                var w = v
                return w[0]
            }
            """
        var limits = RuntimeLimits.default
        limits.maximumBytes = 64 << 10
        let f = try function("copy", in: copy, limits: limits)
        #expect {
            _ = try f.evaluate(referenceInputs([Double](repeating: 1, count: 50)))
        } throws: { error in
            guard let error = error as? SuiteRuntimeError else { return false }
            return error.kind == .memoryLimit && error.location?.line == 8 && error.location?.column == 9
        }
    }

    /// Overwritten entries, reassigned vectors and the vectors of a returned call give their bytes back:
    /// a loop that makes and fills 200 vectors of 50 heavy entries (8.6 MB in all, 43 KB at a time) stays
    /// within 1 MiB.
    @Test func releasedStorageIsGivenBack() throws {
        let churn = """
            @dimensions(n: 50)
            @domain(x: 0.5...1.5)
            func churn(x[n]) {
                var s = 0
                for k in 0..<100 {
                    var v = zeros(n)
                    for i in 0..<n {
                        v[i] = x[i] * 2
                        v[i] = v[i] + x[i]
                    }
                    s = s + v[k % n] + filled(x)
                }
                return s
            }
            @helper
            func filled(x[n]) {
                var w = zeros(n)
                for i in 0..<n {
                    w[i] = x[i] * x[i]
                }
                return w[0]
            }
            """
        var limits = RuntimeLimits.default
        limits.maximumBytes = 1 << 20
        let f = try function("churn", in: churn, limits: limits)
        let value = try f.evaluate(referenceInputs([Double](repeating: 1, count: 50)))
        #expect(value.first?.value == 400)
    }

    /// The default is a quarter of what the process may use, which an address-space limit lowers.
    @Test func theDefaultIsAQuarterOfTheProcessMemory() {
        #expect(RuntimeLimits.default.maximumBytes == MemoryBudget.perEvaluation)
        #expect(MemoryBudget.perEvaluation == MemoryBudget.processBytes / 4)
        #expect(MemoryBudget.processBytes <= Int(clamping: ProcessInfo.processInfo.physicalMemory))
        #expect(MemoryBudget.describe(1 << 30) == "1.0 GiB")
        #expect(MemoryBudget.describe(512 << 20) == "512 MiB")
        #expect(MemoryBudget.describe(100) == "100 bytes")
    }
}
