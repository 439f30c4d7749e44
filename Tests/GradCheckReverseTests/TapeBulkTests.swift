import GradCheckAllocationCounter
import GradCheckCore
import GradCheckReverse
import GradCheckTestFixtures
import Testing

/// `variables(_:into:)` and `adjoints(of:into:)` record and read many inputs at once; they must give
/// exactly what a call of `variable(_:)` or `adjoint(of:)` per input gives.
@Suite struct TapeBulkTests {
    static let values: [Double] = (0..<300).map { 0.5 + 0.4 * Double.sin(1.3 * Double($0)) }

    @Test func bulkVariablesAreTheNodesSingleCallsMake() {
        let single = Tape<Double>()
        let one = Self.values.map { single.variable($0) }
        let bulk = Tape<Double>()
        _ = bulk.variable(7)  // the bulk nodes start after whatever is already recorded
        var many: [Tracked<Double>] = []
        bulk.variables(Self.values, into: &many)
        #expect(many.count == one.count)
        #expect(many.map(\.value) == one.map(\.value))
        #expect(many.map(\.nodeIndex) == one.map { $0.nodeIndex.map { $0 + 1 } })
        #expect(many.allSatisfy { bulk.contains($0) })
        #expect(bulk.entryCount == single.entryCount + 1 && bulk.byteCount == single.byteCount + 1)
        #expect(bulk.records.dropFirst().allSatisfy { $0.operation == .input && $0.operands.isEmpty })
    }

    @Test func aTracingTapeKeepsTheBulkVariablesValues() {
        let tape = Tape<Double>(tracing: true)
        let x = tape.variables(Self.values)
        #expect(tape.records.map(\.value) == Self.values.map { Optional($0) })
        #expect(x.map(\.nodeIndex) == Self.values.indices.map { Optional($0) })
    }

    /// Constants read 0, nodes after the swept output read 0, and the rest their adjoints: entry by
    /// entry what `adjoint(of:)` says, and against the derivative worked by hand.
    @Test func bulkAdjointsAreTheSingleAdjoints() {
        let tape = Tape<Double>()
        let x = tape.variables([3, 5])
        let y = x[0] * x[1] + x[0]  // ∂y/∂x₀ = x₁ + 1 = 6, ∂y/∂x₁ = x₀ = 3
        let later = tape.variable(11)  // recorded after the output: cannot influence it
        let readings = [x[0], x[1], Tracked(constant: 2), later, y]
        var bulk: [Double] = []
        tape.adjoints(of: readings, into: &bulk)
        #expect(bulk == [0, 0, 0, 0, 0])  // no sweep yet
        tape.reverseSweep(from: y)
        tape.adjoints(of: readings, into: &bulk)
        #expect(bulk == readings.map { tape.adjoint(of: $0) })
        #expect(bulk == [6, 3, 0, 0, 1])
    }

    /// A tape too small for the variables is exhausted, as it would be by single calls; it never writes
    /// out of bounds, and after a reset it works again.
    @Test func bulkVariablesBeyondTheLimitExhaustTheTape() {
        let tape = Tape<Double>(maximumBytes: 1_024)
        let many = [Double](repeating: 1, count: 5_000)
        _ = tape.variables(many)
        #expect(tape.isExhausted)
        #expect(tape.byteCount <= 1_024)
        tape.reset()
        let x = tape.variables([2, 4])
        tape.reverseSweep(from: x[0] * x[1])
        #expect(tape.gradient(of: x[0] * x[1], withRespectTo: x) == [4, 2])
    }

    /// With the inputs and the gradient kept by the caller, a gradient through the bulk calls allocates
    /// nothing once the tape has grown, and matches the hand-written gradient.
    @Test func bulkGradientsAllocateNothingAfterWarmUp() throws {
        try #require(gradcheck_allocation_counting_is_compiled() != 0, "allocation counting needs glibc")
        let f = Rosenbrock(n: 400)
        let point = f.point()
        let tape = Tape<Double>()
        var inputs: [Tracked<Double>] = []
        var gradient: [Double] = []
        func run() {
            tape.reset()
            tape.variables(point, into: &inputs)
            tape.reverseSweep(from: TapeReuseTests.rosenbrock(inputs))
            tape.adjoints(of: inputs, into: &gradient)
        }
        run()
        let before = gradcheck_thread_allocation_count()
        for _ in 0..<20 { run() }
        let allocations = gradcheck_thread_allocation_count() - before
        #expect(allocations == 0, "\(allocations) allocations in 20 gradients")
        for (ad, hand) in zip(gradient, f.gradient(point)) { #expect(close(ad, hand, rtol: 1e-14)) }
    }
}
