import GradCheckCore

/// The contents of a ``Tape``: the Wengert list as one contiguous stream of variable-length records, plus
/// the adjoints.
///
/// Node k of the list is the k-th record. A record is laid out as
///
///     [partials: Value × p] [operand indices: UInt32 × o] [code: 1 byte]
///
/// with p and o given by the code's ``RecordShape``: the code comes last so that the reverse sweep, walking
/// the stream backward, reads it first and then knows where the record starts. A record therefore takes
/// 1 + 4·o + size(Value)·p bytes: for `Double`, 1 byte for an input, 5 for a negation or x + c, 9 for a sum
/// or difference, 13 for a unary function, a product with a constant or a square x·x, 25 for a product or
/// binary function of two different tracked values. On the benchmark functions that averages 11–14 bytes
/// per operation. The node's own index is implicit (its position), and its value is not kept unless the
/// tape traces (then `values[k]` is node k's value).
///
/// Recording a record is a few unaligned stores at one cursor, the cursor's advance and the node count's
/// increment: one stream, so one capacity check and one cursor, where separate streams for codes, operand
/// indices and partials need three of each. The cursor and the count live in memory (tracked numbers reach
/// the storage through an unsafe pointer, see ``Tracked``), so their updates chain from record to record;
/// fewer of them is what makes a record cheaper.
///
/// The reverse sweep is one backward pass over the stream.
///
/// Records are stored as raw bytes, so `Value` must be a trivial type (no references): every number type of
/// the package is.
@usableFromInline struct TapeStorage<Value: DifferentiableScalar> {
    /// The start of the record stream (nil before the first growth).
    @usableFromInline var base: UnsafeMutableRawPointer?
    /// Where the next record goes.
    @usableFromInline var cursor: UnsafeMutableRawPointer?
    /// The last position at which a record of any shape still fits: `base + capacity − maximumRecordBytes`.
    @usableFromInline var recordLimit: UnsafeMutableRawPointer?
    /// The stream's capacity in bytes.
    @usableFromInline var byteCapacity = 0
    /// The number of records (nodes).
    @usableFromInline var nodeCount: UInt32 = 0
    /// Node values, recorded only when ``tracing`` is on.
    @usableFromInline var values = TapeBuffer<Value>()
    /// Adjoints of the last reverse sweep: `adjoints[k]` = ∂(seeded output)/∂(node k), for k up to the
    /// output's node; empty before the first sweep.
    @usableFromInline var adjoints = TapeBuffer<Value>()
    /// Whether every node's value is kept and constant operands are recorded as nodes (for traces).
    @usableFromInline var tracing: Bool
    /// The most bytes the stream may hold (at most ``maximumByteCapacity``).
    @usableFromInline let byteLimit: Int
    /// Set when a program needed more than ``byteLimit``: recording then restarts at the front of the
    /// stream (its records are garbage) and the tape must not be swept.
    @usableFromInline var isExhausted = false

    @inlinable init(tracing: Bool, byteLimit: Int) {
        precondition(_isPOD(Value.self), "a tape stores \(Value.self) as raw bytes, so it must be a trivial type")
        self.tracing = tracing
        self.byteLimit = Swift.min(Swift.max(byteLimit, 1024), Self.maximumByteCapacity)
    }

    /// The number of records (nodes).
    @inlinable var count: Int { Int(nodeCount) }

    /// The bytes the records occupy.
    @inlinable var byteCount: Int {
        guard let base, let cursor else { return 0 }
        return cursor - base
    }

    // MARK: Layout

    /// The bytes one partial takes in a record (the value's size, not its stride: records are packed).
    @inlinable static var partialBytes: Int { MemoryLayout<Value>.size }

    /// The largest record: two partials, two operands, the code.
    @inlinable static var maximumRecordBytes: Int { 2 * partialBytes + 2 * 4 + 1 }

    /// The bytes of a record of `shape`, its code included.
    @inlinable static func recordBytes(_ shape: RecordShape) -> Int {
        1 + 4 * shape.operandCount + partialBytes * shape.storedPartialCount
    }

    /// The most bytes a stream may hold, so that every node index fits in 32 bits (a record takes at least
    /// one byte): 4 GiB.
    @usableFromInline static var maximumByteCapacity: Int { Int(UInt32.max) }

    // MARK: Capacity

    /// The invariant that makes recording cheap: while `cursor <= recordLimit`, a record of any shape fits.
    @inlinable @inline(__always) mutating func ensureRoomForRecord() {
        if _slowPath(cursor.map { $0 > recordLimit.unsafelyUnwrapped } ?? true) { grow(minimumBytes: byteCount + 1) }
    }

    /// Grows the stream so that `minimumBytes` bytes plus one largest record fit (at least doubling it,
    /// at least 1 KiB, at most ``byteLimit``). When even that is too small the tape is exhausted:
    /// recording restarts at the front of the stream so that nothing is written out of bounds, and
    /// ``isExhausted`` tells the sweep.
    @inlinable @inline(never) mutating func grow(minimumBytes: Int) {
        let used = byteCount
        let needed = minimumBytes + Self.maximumRecordBytes
        guard needed <= byteLimit else {
            isExhausted = true
            if base == nil { grow(minimumBytes: 0) }
            cursor = base
            nodeCount = 0
            values.removeAll()
            return
        }
        let wanted = Swift.min(Swift.max(needed, byteCapacity * 2, 1024), byteLimit)
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16)
        if let base {
            newBase.copyMemory(from: base, byteCount: used)
            base.deallocate()
        }
        base = newBase
        cursor = newBase + used
        byteCapacity = wanted
        recordLimit = newBase + (wanted - Self.maximumRecordBytes)
    }

    /// Makes room for `records` records of the largest shape without further allocation.
    @inlinable mutating func reserve(records: Int) {
        let bytes = records * Self.maximumRecordBytes
        if bytes + Self.maximumRecordBytes > byteCapacity { grow(minimumBytes: bytes) }
        if tracing { values.reserve(records) }
    }

    // MARK: Recording

    /// Writes a record's code at the cursor (its partials and operands are already in place before it),
    /// advances the cursor past the record, appends its value when tracing, and returns the new node's
    /// index. `payload` is the bytes of the partials and operands.
    @inlinable @inline(__always) mutating func finish(
        _ code: RecordCode, payload: Int, at start: UnsafeMutableRawPointer, value: Value
    ) -> UInt32 {
        start.storeBytes(of: code.rawValue, toByteOffset: payload, as: UInt8.self)
        cursor = start + (payload + 1)
        let index = nodeCount
        nodeCount = index &+ 1
        if _slowPath(tracing) { values.append(value) }
        return index
    }

    /// Records an operation with no operands (an input, or a constant when tracing).
    @inlinable @inline(__always) mutating func record(_ operation: TapeOperation, value: Value) -> UInt32 {
        ensureRoomForRecord()
        return finish(RecordCode(operation, .leaf), payload: 0, at: cursor.unsafelyUnwrapped, value: value)
    }

    /// Records `values.count` leaves of `operation` (inputs) at once, as consecutive nodes, and returns the
    /// first one's index: one capacity check, one byte store per leaf and one update of the cursor and the
    /// node count for all of them. A tape that cannot hold them all is exhausted, as by single records.
    @inlinable mutating func recordLeaves(_ operation: TapeOperation, values: UnsafeBufferPointer<Value>) -> UInt32 {
        let count = values.count
        guard count > 0 else { return nodeCount }
        if _slowPath(cursor.map { $0 + count > recordLimit.unsafelyUnwrapped } ?? true) {
            grow(minimumBytes: byteCount + count)
            if _slowPath(isExhausted) {
                // The stream restarted at its front and may be too small for them all: one at a time,
                // each wrapping around as single records do (the recording is void either way).
                let first = record(operation, value: values.first ?? Value(0))
                for value in values.dropFirst() { _ = record(operation, value: value) }
                return first
            }
        }
        let start = cursor.unsafelyUnwrapped
        start.initializeMemory(as: UInt8.self, repeating: RecordCode(operation, .leaf).rawValue, count: count)
        cursor = start + count
        let first = nodeCount
        nodeCount = first &+ UInt32(truncatingIfNeeded: count)
        if _slowPath(tracing) {
            for value in values { self.values.append(value) }
        }
        return first
    }

    /// Records an operation of one operand whose partial is ±1 (`shape` is `.identity` or `.negation`).
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ shape: RecordShape, _ operand: UInt32, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        let start = cursor.unsafelyUnwrapped
        start.storeBytes(of: operand, as: UInt32.self)
        return finish(RecordCode(operation, shape), payload: 4, at: start, value: value)
    }

    /// Records an operation of one operand with local partial `partial`.
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ operand: UInt32, partial: Value, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        let start = cursor.unsafelyUnwrapped
        let p = Self.partialBytes
        start.storeBytes(of: partial, as: Value.self)
        start.storeBytes(of: operand, toByteOffset: p, as: UInt32.self)
        return finish(RecordCode(operation, .weighted), payload: p + 4, at: start, value: value)
    }

    /// Records an operation of two operands whose partials are +1 and ±1 (`.sum` or `.difference`).
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ shape: RecordShape, _ first: UInt32, _ second: UInt32, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        let start = cursor.unsafelyUnwrapped
        start.storeBytes(of: UInt64(first) | UInt64(second) << 32, as: UInt64.self)
        return finish(RecordCode(operation, shape), payload: 8, at: start, value: value)
    }

    /// Records an operation of two operands with local partials `firstPartial` and `secondPartial`.
    @inlinable @inline(__always) mutating func record(
        _ operation: TapeOperation, _ first: UInt32, _ second: UInt32, partials firstPartial: Value,
        _ secondPartial: Value, value: Value
    ) -> UInt32 {
        ensureRoomForRecord()
        let start = cursor.unsafelyUnwrapped
        let p = Self.partialBytes
        start.storeBytes(of: firstPartial, as: Value.self)
        start.storeBytes(of: secondPartial, toByteOffset: p, as: Value.self)
        start.storeBytes(of: UInt64(first) | UInt64(second) << 32, toByteOffset: 2 * p, as: UInt64.self)
        return finish(RecordCode(operation, .weightedPair), payload: 2 * p + 8, at: start, value: value)
    }

    /// Forgets every record and adjoint, keeping all memory for the next recording.
    @inlinable mutating func removeAll() {
        cursor = base
        nodeCount = 0
        isExhausted = false
        values.removeAll()
        adjoints.removeAll()
    }

    @usableFromInline mutating func deallocate() {
        base?.deallocate()
        base = nil
        cursor = nil
        recordLimit = nil
        byteCapacity = 0
        values.deallocate()
        adjoints.deallocate()
    }

    // MARK: Reading records

    /// One record as stored: its code, operand indices and stored partials.
    @usableFromInline struct StoredRecord {
        @usableFromInline var code: RecordCode
        @usableFromInline var operands: [UInt32]
        @usableFromInline var partials: [Value]
    }

    /// Every record in recording order (for listings; the sweep reads the stream directly).
    func storedRecords() -> [StoredRecord] {
        guard let base, let cursor else { return [] }
        var records: [StoredRecord] = []
        records.reserveCapacity(count)
        var end = cursor
        while end > base {
            let code = RecordCode(rawValue: (end - 1).load(as: UInt8.self))
            let shape = code.shape
            let start = end - Self.recordBytes(shape)
            let p = Self.partialBytes
            let partials = (0..<shape.storedPartialCount).map {
                start.loadUnaligned(fromByteOffset: $0 * p, as: Value.self)
            }
            let operandStart = p * shape.storedPartialCount
            let operands = (0..<shape.operandCount).map {
                start.loadUnaligned(fromByteOffset: operandStart + 4 * $0, as: UInt32.self)
            }
            records.append(StoredRecord(code: code, operands: operands, partials: partials))
            end = start
        }
        records.reverse()
        return records
    }

    // MARK: Reverse sweep

    /// The stream position just past node `node`'s record: the end of the stream walked backward over
    /// the records after it (each record's last byte, its code, gives its length).
    @inlinable func end(ofNode node: Int) -> UnsafeMutableRawPointer {
        var end = cursor.unsafelyUnwrapped
        var k = count - 1
        while k > node {
            end -= Self.recordBytes(RecordCode(rawValue: (end - 1).load(as: UInt8.self)).shape)
            k -= 1
        }
        return end
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
        let adjoint = adjoints.base.unsafelyUnwrapped
        var c = end(ofNode: output)
        let p = Self.partialBytes
        var k = output
        while k >= 0 {
            let a = adjoint[k]
            c -= 1
            switch c.load(as: UInt8.self) & 7 {
            case RecordShape.identity.rawValue:
                c -= 4
                adjoint[Int(c.loadUnaligned(as: UInt32.self))] += a
            case RecordShape.negation.rawValue:
                c -= 4
                adjoint[Int(c.loadUnaligned(as: UInt32.self))] -= a
            case RecordShape.weighted.rawValue:
                c -= p + 4
                adjoint[Int(c.loadUnaligned(fromByteOffset: p, as: UInt32.self))] += a * c.loadUnaligned(as: Value.self)
            case RecordShape.sum.rawValue:
                c -= 8
                let pair = c.loadUnaligned(as: UInt64.self)
                adjoint[Int(truncatingIfNeeded: pair & 0xFFFF_FFFF)] += a
                adjoint[Int(truncatingIfNeeded: pair >> 32)] += a
            case RecordShape.difference.rawValue:
                c -= 8
                let pair = c.loadUnaligned(as: UInt64.self)
                adjoint[Int(truncatingIfNeeded: pair & 0xFFFF_FFFF)] += a
                adjoint[Int(truncatingIfNeeded: pair >> 32)] -= a
            case RecordShape.weightedPair.rawValue:
                c -= 2 * p + 8
                let pair = c.loadUnaligned(fromByteOffset: 2 * p, as: UInt64.self)
                adjoint[Int(truncatingIfNeeded: pair & 0xFFFF_FFFF)] += a * c.loadUnaligned(as: Value.self)
                adjoint[Int(truncatingIfNeeded: pair >> 32)] += a * c.loadUnaligned(fromByteOffset: p, as: Value.self)
            default:
                break  // a leaf: an input or a constant
            }
            k &-= 1
        }
        assert(c == base, "tape stream out of step")
    }
}
