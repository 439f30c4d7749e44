import GradCheckCore

/// The contents of a ``Tape``: the Wengert list as three parallel streams, plus the adjoints.
///
/// Node k of the list is the k-th record. Its one-byte code (operation kind and ``RecordShape``) is
/// `codes[k]`; its operand indices and stored partials follow in `operands` and `partials`, as many as
/// its shape says, in record order. A record therefore takes 1 + 4·(operands) + stride(Value)·(partials)
/// bytes: for `Double`, 1 byte for an input, 5 for a negation or x + c, 9 for a sum or difference, 13 for a
/// unary function, a product with a constant or a square x·x, 25 for a product or binary function of two
/// different tracked values. On the benchmark functions that averages 11–14 bytes per operation. The node's own index is implicit (its position), and its value is not kept unless the tape
/// traces (then `values[k]` is node k's value).
///
/// The reverse sweep is one backward pass over the codes with two cursors moving backward through the
/// operand and partial streams.
///
/// Tracked numbers reach the storage through an unsafe pointer (see ``Tracked``), so recording an operation
/// is a few stores with no reference counting and no exclusivity check.
@usableFromInline struct TapeStorage<Value: DifferentiableScalar> {
    @usableFromInline var codes = TapeBuffer<UInt8>()
    @usableFromInline var operands = TapeBuffer<UInt32>()
    @usableFromInline var partials = TapeBuffer<Value>()
    /// Node values, recorded only when ``tracing`` is on.
    @usableFromInline var values = TapeBuffer<Value>()
    /// Adjoints of the last reverse sweep: `adjoints[k]` = ∂(seeded output)/∂(node k), for k up to the
    /// output's node; empty before the first sweep.
    @usableFromInline var adjoints = TapeBuffer<Value>()
    /// Whether every node's value is kept and constant operands are recorded as nodes (for traces).
    @usableFromInline var tracing: Bool

    @inlinable init(tracing: Bool) { self.tracing = tracing }

    /// The number of records (nodes).
    @inlinable var count: Int { codes.count }

    // MARK: Capacity

    /// The invariant that makes recording cheap: while `codes.count < codes.capacity`, every stream has
    /// room for one more record of any shape (at most two operands, two partials, one value). So a record
    /// costs one capacity check, on the codes, and its appends need none.
    ///
    /// Growth keeps it: for a code capacity C, the operand and partial streams get room for
    /// 2·(C − count) more entries each (their reserve is mostly untouched virtual memory: a page is only
    /// faulted in when a record reaches it).
    @inlinable @inline(__always) mutating func ensureRoomForRecord() {
        if _slowPath(codes.count == codes.capacity) { grow(records: codes.count + 1) }
    }

    /// Grows every stream so that `records` records fit (at least doubling the code capacity).
    @inlinable @inline(never) mutating func grow(records: Int) {
        let capacity = Swift.max(records, codes.capacity * 2, 64)
        let spare = capacity - codes.count
        codes.reserve(capacity)
        operands.reserve(operands.count + 2 * spare)
        partials.reserve(partials.count + 2 * spare)
        if tracing { values.reserve(capacity) }
    }

    // MARK: Recording

    /// Appends a record's code (and its value when tracing) and returns the new node's index. The
    /// operands and partials must have been appended first (``ensureRoomForRecord()`` made room).
    @inlinable @inline(__always) mutating func appendCode(_ code: RecordCode, value: Value) -> UInt32 {
        let index = UInt32(truncatingIfNeeded: codes.count)
        codes.appendUnchecked(code.rawValue)
        if _slowPath(tracing) { values.appendUnchecked(value) }
        return index
    }

    /// Records an operation with no operands (an input, or a constant when tracing).
    @inlinable @inline(__always) mutating func record(_ operation: TapeOperation, value: Value) -> UInt32 {
        ensureRoomForRecord()
        return appendCode(RecordCode(operation, .leaf), value: value)
    }

    /// Records an operation of one operand whose partial is ±1 (`shape` is `.identity` or `.negation`).
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ shape: RecordShape, _ operand: UInt32, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        operands.appendUnchecked(operand)
        return appendCode(RecordCode(operation, shape), value: value)
    }

    /// Records an operation of one operand with local partial `partial`.
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ operand: UInt32, partial: Value, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        operands.appendUnchecked(operand)
        partials.appendUnchecked(partial)
        return appendCode(RecordCode(operation, .weighted), value: value)
    }

    /// Records an operation of two operands whose partials are +1 and ±1 (`.sum` or `.difference`).
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ shape: RecordShape, _ first: UInt32, _ second: UInt32, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        operands.appendUnchecked(first)
        operands.appendUnchecked(second)
        return appendCode(RecordCode(operation, shape), value: value)
    }

    /// Records an operation of two operands with local partials `firstPartial` and `secondPartial`.
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ first: UInt32, _ second: UInt32, partials firstPartial: Value,
        _ secondPartial: Value, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        operands.appendUnchecked(first)
        operands.appendUnchecked(second)
        partials.appendUnchecked(firstPartial)
        partials.appendUnchecked(secondPartial)
        return appendCode(RecordCode(operation, .weightedPair), value: value)
    }

    /// Forgets every record and adjoint, keeping all memory for the next recording.
    @inlinable mutating func removeAll() {
        codes.removeAll()
        operands.removeAll()
        partials.removeAll()
        values.removeAll()
        adjoints.removeAll()
    }

    @usableFromInline mutating func deallocate() {
        codes.deallocate()
        operands.deallocate()
        partials.deallocate()
        values.deallocate()
        adjoints.deallocate()
    }

    // MARK: Reverse sweep

    /// The positions in the operand and partial streams just past the records of nodes 0...`node`.
    @inlinable func streamEnds(through node: Int) -> (operands: Int, partials: Int) {
        if node == count - 1 { return (operands.count, partials.count) }
        var operandEnd = 0, partialEnd = 0
        for k in 0...node {
            let shape = RecordCode(rawValue: codes[k]).shape
            operandEnd += shape.operandCount
            partialEnd += shape.storedPartialCount
        }
        return (operandEnd, partialEnd)
    }

    /// One reverse sweep from `output`: sets its adjoint to `seed`, every other adjoint of nodes
    /// 0...`output` to zero, and visits the records from `output` down to node 0 once, accumulating each
    /// record's adjoint times its local partials into its operands' adjoints (a node used several times
    /// receives the sum of its contributions). Records after `output` cannot influence it and are skipped.
    ///
    /// Work per record: a sum or difference 2 additions; x ± c, −x, c − x 1 addition; a weighted record
    /// 1 multiplication and 1 addition; a weighted pair 2 of each. Inputs and constants cost nothing.
    @inlinable mutating func reverseSweep(from output: Int, seed: Value) {
        adjoints.fill(Value(0), count: output + 1)
        adjoints[output] = seed
        var (o, p) = streamEnds(through: output)
        let adjoint = adjoints.base.unsafelyUnwrapped
        let code = codes.base.unsafelyUnwrapped
        // Either stream may be unallocated (a program without such records); it is then never read.
        let operand = UnsafePointer(operands.base)
        let partial = UnsafePointer(partials.base)
        var k = output
        while k >= 0 {
            let a = adjoint[k]
            switch code[k] & 7 {
            case RecordShape.identity.rawValue:
                o &-= 1
                adjoint[Int(operand.unsafelyUnwrapped[o])] += a
            case RecordShape.negation.rawValue:
                o &-= 1
                adjoint[Int(operand.unsafelyUnwrapped[o])] -= a
            case RecordShape.weighted.rawValue:
                o &-= 1
                p &-= 1
                adjoint[Int(operand.unsafelyUnwrapped[o])] += a * partial.unsafelyUnwrapped[p]
            case RecordShape.sum.rawValue:
                o &-= 2
                adjoint[Int(operand.unsafelyUnwrapped[o])] += a
                adjoint[Int(operand.unsafelyUnwrapped[o &+ 1])] += a
            case RecordShape.difference.rawValue:
                o &-= 2
                adjoint[Int(operand.unsafelyUnwrapped[o])] += a
                adjoint[Int(operand.unsafelyUnwrapped[o &+ 1])] -= a
            case RecordShape.weightedPair.rawValue:
                o &-= 2
                p &-= 2
                adjoint[Int(operand.unsafelyUnwrapped[o])] += a * partial.unsafelyUnwrapped[p]
                adjoint[Int(operand.unsafelyUnwrapped[o &+ 1])] += a * partial.unsafelyUnwrapped[p &+ 1]
            default:
                break  // a leaf: an input or a constant
            }
            k &-= 1
        }
        assert(o == 0 && p == 0, "tape streams out of step")
    }
}
