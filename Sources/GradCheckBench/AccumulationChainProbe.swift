import Foundation

/// The latency floor of a tape's reverse sweep on a serial sum, measured on this machine.
///
/// A loop that accumulates `sum += term` is one dependency chain: the plain function pays one addition
/// latency per term, with the running sum in a register. Its reverse sweep walks the same chain backward,
/// and on a tape the chain runs through memory: the adjoint of sumᵢ₋₁ is accumulated (`ā[j] += ā[k]`: load,
/// add, store) and then read back by the next link, so every link pays a store-to-load round trip on top of
/// the addition. No layout of the records shortens that; only code that keeps the adjoints in registers
/// (a compiled adjoint) does.
///
/// The probe times both chains over `length` links with the benchmark's clock:
/// - register: `s += x[k]` for k in 0..<length;
/// - memory: `ā[k − 1] += ā[k]` for k from length − 1 down to 1, the indices read from an index array as a
///   tape's operand indices are.
///
/// Their ratio is a lower bound, on this machine, for time(reverse)/time(f) of any tape on a loop whose cost
/// is its serial sum (Rosenbrock's scalar loop is one), before a single record is written.
public struct AccumulationChainProbe: Sendable, Codable {
    /// Links in each chain.
    public var length: Int
    /// Median time per link with the sum in a register, in nanoseconds.
    public var registerNanosecondsPerLink: Double
    /// Median time per link with the sum accumulated in memory, in nanoseconds.
    public var memoryNanosecondsPerLink: Double

    /// memory / register: the floor of a tape's time ratio on a serial sum.
    public var ratio: Double { memoryNanosecondsPerLink / registerNanosecondsPerLink }

    /// Times both chains of `length` links (at least 2), `samples` samples each within `budgetSeconds`.
    public static func measure(length: Int = 100_000, samples: Int = 7, budgetSeconds: Double = 10) -> AccumulationChainProbe {
        let links = Swift.max(2, length)
        let clock = BenchClock(samples: samples, budgetNanoseconds: BenchConfiguration.nanoseconds(budgetSeconds))
        let terms = (0..<links).map { 1 + Double($0 % 7) * 1e-3 }
        let indices = (0..<links).map { UInt32(Swift.max(0, $0 - 1)) }
        let adjoints = UnsafeMutablePointer<Double>.allocate(capacity: links)
        defer { adjoints.deallocate() }
        let register = clock.measure { OptimizationBarrier.consume(registerChain(OptimizationBarrier.opaque(terms))) }
        let memory = clock.measure {
            memoryChain(adjoints, indices: OptimizationBarrier.opaque(indices), length: links)
            OptimizationBarrier.consume(adjoints[0])
        }
        return AccumulationChainProbe(
            length: links, registerNanosecondsPerLink: register.medianNanoseconds / Double(links),
            memoryNanosecondsPerLink: memory.medianNanoseconds / Double(links - 1))
    }

    /// Σ terms, one serial addition per term.
    @inline(never) static func registerChain(_ terms: [Double]) -> Double {
        var sum = 0.0
        for term in terms { sum += term }
        return sum
    }

    /// The reverse sweep's accumulation along a chain: ā[indices[k]] += ā[k] for k = length − 1 … 1, with
    /// ā = 0 except ā[length − 1] = 1.
    @inline(never) static func memoryChain(_ adjoints: UnsafeMutablePointer<Double>, indices: [UInt32], length: Int) {
        adjoints.initialize(repeating: 0, count: length)
        adjoints[length - 1] = 1
        indices.withUnsafeBufferPointer { index in
            var k = length - 1
            while k > 0 {
                adjoints[Int(index[k])] += adjoints[k]
                k -= 1
            }
        }
    }

    /// Two lines for the benchmark's text output.
    public func render() -> String {
        "\nthe floor of a tape on a serial sum (\(length) links): an addition carried in a register "
            + String(format: "%.2f ns", registerNanosecondsPerLink) + " per link, accumulated through memory as a reverse sweep does "
            + String(format: "%.2f ns", memoryNanosecondsPerLink) + " per link: " + String(format: "%.1f", ratio) + "×\n"
            + "a reverse sweep of a loop whose cost is its serial sum (rosenbrock) takes at least this multiple of f, before recording\n"
    }
}
