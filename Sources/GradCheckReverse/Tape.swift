import GradCheckCore

/// A Wengert list: the program recorded by ``Tracked`` numbers, and the reverse sweeps over it.
///
/// Use: create inputs with ``variable(_:)``, run the program on them, then call ``reverseSweep(from:seed:)``
/// once per output and read ``adjoint(of:)`` of each input (or use ``gradient(of:withRespectTo:)``).
/// ``reset()`` forgets the program but keeps every buffer, so recording the same program again allocates
/// nothing: one tape serves any number of gradients.
///
/// Storage is one contiguous stream of packed records (see `TapeStorage`): each record's local partials,
/// its 32-bit operand indices and a one-byte code (operation kind and shape), storing only what its shape
/// needs. A tracing tape (``init(tracing:maximumBytes:)``) also keeps every node's value and records constant operands
/// as nodes, so that ``records`` can list the primal trace completely; the gradients are the same.
///
/// A tape is not thread-safe: it is used by one task at a time. The `Sendable` conformance is unchecked
/// so that a tape can be handed from task to task (as the strategy's pool does) between uses.
public final class Tape<Value: DifferentiableScalar>: @unchecked Sendable {
    /// The records and adjoints, at a fixed address for the tape's lifetime: tracked numbers point here.
    @usableFromInline let storage: UnsafeMutablePointer<TapeStorage<Value>>
    /// The output node of the last reverse sweep; adjoints are known for nodes 0...sweptOutput.
    @usableFromInline var sweptOutput: Int = -1

    /// An empty tape. A tracing tape keeps node values and records constants as nodes (for traces).
    ///
    /// - Parameter maximumBytes: the most bytes of records the tape may hold, from 1 KiB to 4 GiB (the
    ///   default; 32-bit node indices). A program that records more leaves the tape ``isExhausted``.
    public init(tracing: Bool = false, maximumBytes: Int = Int(UInt32.max)) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: TapeStorage(tracing: tracing, byteLimit: maximumBytes))
    }

    deinit {
        storage.pointee.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// Whether the tape keeps node values and records constant operands (for traces).
    public var isTracing: Bool { storage.pointee.tracing }

    /// The most bytes of records the tape holds (see ``isExhausted``).
    public var maximumBytes: Int { storage.pointee.byteLimit }

    /// Forgets the recorded program and the adjoints, keeping all memory. Tracked numbers recorded before
    /// must not be used afterwards.
    public func reset() {
        storage.pointee.removeAll()
        sweptOutput = -1
    }

    /// Makes room for a program of `records` records with up to two operands and partials each, so that
    /// recording it allocates nothing.
    public func reserveCapacity(records: Int) {
        storage.pointee.reserve(records: records)
        storage.pointee.adjoints.reserve(records)
    }

    /// Whether the last recording outgrew the tape's `maximumBytes` (see ``init(tracing:maximumBytes:)``).
    /// Its records are then meaningless: the tape refuses to sweep until ``reset()``.
    public var isExhausted: Bool { storage.pointee.isExhausted }

    /// A new independent variable (an input node) with value `value`.
    @inlinable public func variable(_ value: Value) -> Tracked<Value> {
        let node = storage.pointee.record(.input, value: value)
        return Tracked(value: value, index: node, storage: storage)
    }

    /// New independent variables, one per value, in order: what `values.map(variable)` gives (consecutive
    /// input nodes), written into `variables`.
    ///
    /// The variables are recorded together: one capacity check and one update of the node count for all
    /// of them, where a call of ``variable(_:)`` per value pays one each. `variables` is overwritten in
    /// place when it already has `values.count` elements, so a caller that keeps it from one gradient to
    /// the next allocates nothing.
    @inlinable public func variables(_ values: [Value], into variables: inout [Tracked<Value>]) {
        let first = values.withUnsafeBufferPointer { storage.pointee.recordLeaves(.input, values: $0) }
        if variables.count != values.count {
            variables = Array(repeating: Tracked(constant: Value(0)), count: values.count)
        }
        let tapeStorage = storage
        for i in values.indices {
            variables[i] = Tracked(value: values[i], index: first &+ UInt32(truncatingIfNeeded: i), storage: tapeStorage)
        }
    }

    /// New independent variables, one per value, in order: ``variables(_:into:)`` into a new array.
    @inlinable public func variables(_ values: [Value]) -> [Tracked<Value>] {
        var result: [Tracked<Value>] = []
        variables(values, into: &result)
        return result
    }

    /// Whether `x` was recorded on this tape.
    @inlinable public func contains(_ x: Tracked<Value>) -> Bool { x.storage == storage }

    // MARK: Size

    /// The bytes an input's record takes (its code byte): what ``byteCount`` counts per input.
    public static var inputRecordBytes: Int { 1 }

    /// The number of records (nodes, inputs included).
    public var entryCount: Int { storage.pointee.count }

    /// The bytes the records occupy: one code byte each, 4 per operand index, one `Value` size per
    /// stored partial (plus one `Value` stride per node value when tracing). Adjoints are not counted.
    public var byteCount: Int {
        let s = storage.pointee
        return s.byteCount + s.values.count * MemoryLayout<Value>.stride
    }

    /// The bytes allocated for the stream, the traced values and the adjoints: what the tape keeps between
    /// recordings.
    public var capacityInBytes: Int {
        let s = storage.pointee
        return s.byteCapacity + (s.values.capacity + s.adjoints.capacity) * MemoryLayout<Value>.stride
    }

    // MARK: Reverse sweeps

    /// One reverse sweep from `output`: afterwards ``adjoint(of:)`` gives ∂output/∂v, scaled by `seed`, for
    /// every node v recorded up to `output`. A constant output has no node; every adjoint is then 0.
    @inlinable public func reverseSweep(from output: Tracked<Value>, seed: Value = Value(1)) {
        guard let outputStorage = output.storage else {
            storage.pointee.adjoints.removeAll()
            sweptOutput = -1
            return
        }
        precondition(outputStorage == storage, "the output was not recorded on this tape")
        precondition(!storage.pointee.isExhausted, "the program outgrew the tape (see isExhausted)")
        storage.pointee.reverseSweep(from: Int(output.index), seed: seed)
        sweptOutput = Int(output.index)
    }

    /// The adjoint of `x` from the last reverse sweep: the derivative of the swept output with respect to
    /// `x`. Zero for a constant and for a node recorded after the output (it cannot influence it).
    @inlinable public func adjoint(of x: Tracked<Value>) -> Value {
        Self.adjoint(of: x, on: storage, sweptOutput: sweptOutput)
    }

    /// The rule of ``adjoint(of:)`` and ``adjoints(of:into:)``, given the tape's storage and the output of
    /// its last sweep (-1 before any): 0 for a constant or a node after the output, else its adjoint.
    @inlinable @inline(__always) static func adjoint(
        of x: Tracked<Value>, on storage: UnsafeMutablePointer<TapeStorage<Value>>, sweptOutput: Int
    ) -> Value {
        guard let xStorage = x.storage else { return Value(0) }
        precondition(xStorage == storage, "the number was not recorded on this tape")
        let node = Int(x.index)
        return node <= sweptOutput ? storage.pointee.adjoints[node] : Value(0)
    }

    /// The adjoints of `variables` from the last reverse sweep, in order: what `variables.map(adjoint(of:))`
    /// gives, written into `adjoints` (overwritten in place when it already has `variables.count`
    /// elements, so a kept array allocates nothing). The storage and the swept output are read once; each
    /// variable is still checked to belong to this tape.
    @inlinable public func adjoints(of variables: [Tracked<Value>], into adjoints: inout [Value]) {
        if adjoints.count != variables.count { adjoints = Array(repeating: Value(0), count: variables.count) }
        let storage = storage
        let swept = sweptOutput
        variables.withUnsafeBufferPointer { variables in
            adjoints.withUnsafeMutableBufferPointer { adjoints in
                for i in variables.indices {
                    adjoints[i] = Self.adjoint(of: variables[i], on: storage, sweptOutput: swept)
                }
            }
        }
    }

    /// The gradient of `output` with respect to `inputs`: one reverse sweep.
    @inlinable public func gradient(of output: Tracked<Value>, withRespectTo inputs: [Tracked<Value>]) -> [Value] {
        reverseSweep(from: output)
        var gradient: [Value] = []
        adjoints(of: inputs, into: &gradient)
        return gradient
    }
}
