import GradCheckAllocationCounter
import GradCheckCore
import GradCheckTestFixtures
import GradCheckReverse
import Testing

/// A tape is contiguous storage reused across gradients: after the first recording of a program, later
/// recordings neither grow it nor allocate, and the records stay compact.
@Suite struct TapeReuseTests {
    /// Rosenbrock's sum written to return a scalar (no output array), so that one gradient's heap
    /// allocations are the tape's alone.
    static func rosenbrock<S: DifferentiableScalar>(_ x: [S]) -> S {
        var sum: S = 0
        for i in 0..<(x.count - 1) {
            let valley = x[i + 1] - x[i] * x[i]
            let offset = 1 - x[i]
            sum += 100 * valley * valley + offset * offset
        }
        return sum
    }

    /// One gradient on `tape`, with the inputs and the gradient in caller-owned buffers.
    static func gradient(_ x: [Double], tape: Tape<Double>, inputs: inout [Tracked<Double>], into g: inout [Double]) {
        tape.reset()
        for i in x.indices { inputs[i] = tape.variable(x[i]) }
        let y = rosenbrock(inputs)
        tape.reverseSweep(from: y)
        for i in x.indices { g[i] = tape.adjoint(of: inputs[i]) }
    }

    @Test func capacityDoesNotGrowOnRepeatedGradients() {
        let f = Rosenbrock(n: 300)
        let x = f.point()
        let tape = Tape<Double>()
        var inputs = [Tracked<Double>](repeating: Tracked(constant: 0), count: x.count)
        var g = [Double](repeating: 0, count: x.count)
        Self.gradient(x, tape: tape, inputs: &inputs, into: &g)
        let capacity = tape.capacityInBytes
        let entries = tape.entryCount
        for _ in 0..<10 {
            Self.gradient(x, tape: tape, inputs: &inputs, into: &g)
            #expect(tape.capacityInBytes == capacity && tape.entryCount == entries)
        }
        for (ad, hand) in zip(g, f.gradient(x)) { #expect(close(ad, hand, rtol: 1e-14)) }
    }

    /// Heap allocations of this thread, counted by the allocation counter (which interposes glibc's
    /// malloc family): none per gradient once the tape has grown.
    @Test func noHeapAllocationPerGradientAfterWarmUp() throws {
        try #require(gradcheck_allocation_counting_is_compiled() != 0, "allocation counting needs glibc")
        let x = Rosenbrock(n: 500).point()
        let tape = Tape<Double>()
        var inputs = [Tracked<Double>](repeating: Tracked(constant: 0), count: x.count)
        var g = [Double](repeating: 0, count: x.count)
        Self.gradient(x, tape: tape, inputs: &inputs, into: &g)
        let before = gradcheck_thread_allocation_count()
        for _ in 0..<20 { Self.gradient(x, tape: tape, inputs: &inputs, into: &g) }
        let allocations = gradcheck_thread_allocation_count() - before
        #expect(allocations == 0, "\(allocations) allocations in 20 gradients")
    }

    /// The counter itself sees an allocation (so the zero above means something).
    @Test func allocationCounterSeesAllocations() throws {
        try #require(gradcheck_allocation_counting_is_compiled() != 0, "allocation counting needs glibc")
        let before = gradcheck_thread_allocation_count()
        let tape = Tape<Double>()
        tape.reserveCapacity(records: 1000)
        #expect(gradcheck_thread_allocation_count() > before)
        withExtendedLifetime(tape) {}
    }

    /// A reserved tape records a program of that size without growing.
    @Test func reservedCapacityIsEnough() {
        let tape = Tape<Double>()
        tape.reserveCapacity(records: 10_000)
        let capacity = tape.capacityInBytes
        var v = tape.variable(0.5)
        for k in 0..<4_999 { v = k % 2 == 0 ? v * v : v + v }
        #expect(tape.entryCount == 5_000 && tape.capacityInBytes == capacity)
    }

    /// x·x of one node is recorded as a square: one operand and the partial 2x (13 bytes, not 25).
    @Test func squaresStoreOneOperandAndOnePartial() {
        let tape = Tape<Double>()
        let x = tape.variable(1.5)
        let y = x * x
        #expect(tape.byteCount == 1 + 13)
        #expect(tape.records[1].operands == [0] && tape.records[1].partials == [3])
        #expect(tape.gradient(of: y, withRespectTo: [x]) == [3])
        // A tracing tape records the same square (tracing never changes a gradient).
        let traced = Tape<Double>(tracing: true)
        let t = traced.variable(1.5)
        _ = t * t
        #expect(traced.records[1].operands == [0] && traced.records[1].partials == [3])
    }

    /// Bytes per recorded operation on Rosenbrock: 8 records per term, 96 bytes (12 per operation).
    @Test func rosenbrockRecordsTwelveBytesPerOperation() {
        let x = Rosenbrock(n: 101).point()
        let tape = Tape<Double>()
        var inputs = [Tracked<Double>](repeating: Tracked(constant: 0), count: x.count)
        var g = [Double](repeating: 0, count: x.count)
        Self.gradient(x, tape: tape, inputs: &inputs, into: &g)
        let operations = tape.entryCount - x.count
        let bytes = tape.byteCount - x.count * Tape<Double>.inputRecordBytes
        #expect(operations == 8 * 100)
        #expect(Double(bytes) / Double(operations) <= 12.5)
    }

    /// A program that outgrows the tape's byte limit leaves it exhausted instead of writing out of bounds
    /// or wrapping node indices; the strategy then declines with the limit in its message, and a reset
    /// tape records and sweeps a small program normally again.
    @Test func aProgramLargerThanTheLimitExhaustsTheTape() throws {
        let tape = Tape<Double>(maximumBytes: 4_096)
        #expect(tape.maximumBytes == 4_096)
        var v = tape.variable(0.5)
        for _ in 0..<2_000 { v = v * tape.variable(1.0) }  // 2,000 products of 25 bytes: 50 kB
        #expect(tape.isExhausted)
        #expect(tape.byteCount <= 4_096)

        let f = Rosenbrock(n: 200)
        #expect {
            _ = try ReverseModeStrategy.derivative(of: f, at: f.point(), on: tape)
        } throws: { error in
            "\(error)".contains("the tape's limit of 4096 bytes")
        }

        tape.reset()
        #expect(!tape.isExhausted)
        let x = tape.variable(3.0)
        tape.reverseSweep(from: x * x)
        #expect(tape.adjoint(of: x) == 6)
    }
}
