import GradCheck

/// Everything one benchmark function needs to be differentiated over and over without allocating: the
/// point, the gradient and the number types' input buffers, and a tape; and the derivative methods as
/// calls on the concrete function type.
///
/// Every method is generic over the concrete ``BenchmarkFunction`` `F` and the real type `R`, so each
/// call specialises: `R = Double` for timings, `R = Counted<Double>` for operation counts, with the same
/// code. Buffers are filled in place (an array element assignment on a uniquely referenced array
/// allocates nothing), so after the first call only the methods that say so allocate.
final class BenchWorkspace<F: BenchmarkFunction, R: RealNumber> {
    let function: F
    /// The point x.
    let point: [R]
    /// The direction of the single directional derivative: vᵢ = cos(0.3·i) (every entry nonzero).
    let direction: [R]
    /// The last gradient computed.
    var gradient: [R]
    /// The tape of reverse mode, reset and refilled by every gradient.
    let tape = Tape<R>()
    private var trackedInputs: [Tracked<R>]
    private var dualInputs: [Dual<R>]
    private var shiftedPoint: [R]
    /// The inputs of ``forwardChunked()``, kept from one gradient to the next: a
    /// ``ChunkedInputBuffer`` of the chunk width (its type depends on the width, hence the erasure).
    private var chunkedInputs: AnyObject?

    init(_ function: F) {
        self.function = function
        point = function.benchmarkPoint().map { R($0) }
        let n = function.inputCount
        direction = (0..<n).map { R(Double.cos(0.3 * Double($0))) }
        gradient = Array(repeating: R(0), count: n)
        trackedInputs = Array(repeating: Tracked(constant: R(0)), count: n)
        dualInputs = zip(point, direction).map { Dual(value: $0, tangent: $1) }
        shiftedPoint = point
    }

    var inputCount: Int { point.count }

    // MARK: Methods

    /// f(x) in `R`.
    @inline(never) func plainValue() -> R {
        function.value(OptimizationBarrier.opaque(point))
    }

    /// The hand-written gradient, into ``gradient``.
    @inline(never) func handCoded() {
        var result = take(&gradient)
        function.handGradient(at: OptimizationBarrier.opaque(point), into: &result)
        OptimizationBarrier.consume(result)
        gradient = result
    }

    /// One forward pass with ``Dual`` numbers: the directional derivative ∇f(x)·v.
    @inline(never) func forwardDirection() -> R {
        function.value(OptimizationBarrier.opaque(dualInputs)).tangent
    }

    /// Reverse mode: record f on the tape, one reverse sweep, the inputs' adjoints into ``gradient``.
    /// Allocates nothing once the tape has grown to the program's size.
    @inline(never) func reverse() {
        // The buffers are moved out of the object for the duration (no copy: they stay uniquely
        // referenced), so that the loops run on locals, without the class's dynamic exclusivity checks.
        var inputs = take(&trackedInputs)
        var result = take(&gradient)
        defer {
            trackedInputs = inputs
            gradient = result
        }
        tape.reset()
        tape.variables(point, into: &inputs)
        let output = function.value(OptimizationBarrier.opaque(inputs))
        tape.reverseSweep(from: output)
        tape.adjoints(of: inputs, into: &result)
        OptimizationBarrier.consume(result)
    }

    /// The array in `slot`, leaving an empty one behind (no allocation: the empty array is a singleton).
    private func take<T>(_ slot: inout [T]) -> [T] {
        var taken: [T] = []
        swap(&taken, &slot)
        return taken
    }

    /// Central differences (f(x + h·eⱼ) − f(x − h·eⱼ))/2h, h = ∛ε·max(1, |xⱼ|) made exactly representable
    /// (as the `central-difference` strategy takes it, without its branch checks): 2n evaluations.
    @inline(never) func centralDifference() {
        var shifted = take(&shiftedPoint)
        var result = take(&gradient)
        defer {
            shiftedPoint = shifted
            gradient = result
        }
        let scale = R.cbrt(R.machineEpsilon)
        for j in 0..<point.count {
            let h = DifferenceStep.step(at: point[j], scale: scale)
            shifted[j] = point[j] + h
            let ahead = function.value(OptimizationBarrier.opaque(shifted))
            shifted[j] = point[j] - h
            let behind = function.value(OptimizationBarrier.opaque(shifted))
            shifted[j] = point[j]
            result[j] = (ahead - behind) / (h + h)
        }
    }

    /// The full gradient by chunked forward mode, chunk size ``ChunkSize/forInputCount(_:threshold:)``,
    /// into ``gradient``. The chunked inputs are made by the first call and reused (each pass seeds its
    /// chunk and unseeds it again), so later calls allocate nothing.
    @inline(never) func forwardChunked() {
        switch ChunkSize.forInputCount(point.count) {
        case 1: chunked(ChunkedDual<1, R>.self)
        case 2: chunked(ChunkedDual<2, R>.self)
        case 3: chunked(ChunkedDual<3, R>.self)
        case 4: chunked(ChunkedDual<4, R>.self)
        case 5: chunked(ChunkedDual<5, R>.self)
        case 6: chunked(ChunkedDual<6, R>.self)
        case 7: chunked(ChunkedDual<7, R>.self)
        case 8: chunked(ChunkedDual<8, R>.self)
        case 9: chunked(ChunkedDual<9, R>.self)
        case 10: chunked(ChunkedDual<10, R>.self)
        case 11: chunked(ChunkedDual<11, R>.self)
        case 12: chunked(ChunkedDual<12, R>.self)
        case 13: chunked(ChunkedDual<13, R>.self)
        case 14: chunked(ChunkedDual<14, R>.self)
        case 15: chunked(ChunkedDual<15, R>.self)
        default: chunked(ChunkedDual<16, R>.self)
        }
    }

    private func chunked<let width: Int>(_: ChunkedDual<width, R>.Type) {
        let buffer: ChunkedInputBuffer<width, R>
        if let existing = chunkedInputs as? ChunkedInputBuffer<width, R> {
            buffer = existing
        } else {
            buffer = ChunkedInputBuffer(point)
            chunkedInputs = buffer
        }
        var inputs = take(&buffer.numbers)
        var gradient = take(&self.gradient)
        defer {
            buffer.numbers = inputs
            self.gradient = gradient
        }
        let n = point.count
        var start = 0
        while start < n {
            let end = Swift.min(start + width, n)
            // Seeding in place through the buffer: no copy of whole numbers, no uniqueness check per input.
            inputs.withUnsafeMutableBufferPointer { inputs in
                for j in start..<end { inputs[j].seed(direction: j - start) }
            }
            let output = function.value(OptimizationBarrier.opaque(inputs))
            inputs.withUnsafeMutableBufferPointer { inputs in
                for j in start..<end { inputs[j].removePartials() }
            }
            let partials = output.partials
            for j in start..<end { gradient[j] = partials[j - start] }
            start = end
        }
        OptimizationBarrier.consume(gradient)
    }
}

/// The chunked dual inputs of one workspace, every one unseeded (a constant of the pass) between passes.
final class ChunkedInputBuffer<let width: Int, R: RealNumber> {
    var numbers: [ChunkedDual<width, R>]

    init(_ point: [R]) { numbers = point.map { ChunkedDual(value: $0) } }
}
