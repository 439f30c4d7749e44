/// Batched execution of simple loops in `Double`: the interpreter's overhead paid once per batch of
/// iterations rather than once per node per iteration.
///
/// A `for` loop qualifies when its body only accumulates into real variables (`s += e`), assigns
/// per-iteration temporaries (`let t = e`), or writes vector entries at indices affine in the loop
/// variable (`g[i + 1] += e`), and every right-hand side is pure arithmetic of constants, loop-invariant
/// values, the loop variable and entries `x[a·i + b]` of vectors the loop does not write (see
/// ``BatchAnalysis``). Rosenbrock's `s += 100 * (x[i+1] - x[i]^2)^2 + (1 - x[i])^2` is the model.
///
/// Semantics are exactly those of the sequential loop: every value is computed with the same `Double`
/// operations (so bit for bit the same), the writes are applied in iteration order, statement by
/// statement, and the budgets are charged the same amounts. Whatever could make an iteration fail — an
/// index out of range, an integer overflow, a budget exceeded, an invariant that throws — is checked
/// before the first iteration (affine indices reach their extremes at the ends of the range); if
/// anything would fail, or the loop is short, the sequential code runs instead and fails exactly where
/// it would have.
final class BatchLoop: @unchecked Sendable {
    /// Iterations per batch.
    static let width = 256
    /// Loops shorter than this run sequentially (batching would not pay).
    static let minimumIterations = 16

    let variable: Int
    let lower: IntCode<Double>
    let upper: IntCode<Double>
    let inclusive: Bool
    let cost: Int
    /// Index expressions affine in the loop variable, with the vector they index (nil for a value).
    let affine: [(code: IntCode<Double>, vector: Int?)]
    let invariants: [RealCode<Double>]
    /// The right-hand side of each statement, in order.
    let values: [BatchCode]
    let writes: [BatchWriteGroup]
    /// Real slots assigned per iteration (temporaries), with the statement giving their value: they keep
    /// the last iteration's value after the loop.
    let finals: [(slot: Int, statement: Int)]
    let nodeCount: Int

    init(
        variable: Int, lower: @escaping IntCode<Double>, upper: @escaping IntCode<Double>, inclusive: Bool, cost: Int,
        affine: [(code: IntCode<Double>, vector: Int?)], invariants: [RealCode<Double>], values: [BatchCode],
        writes: [BatchWriteGroup], finals: [(slot: Int, statement: Int)], nodeCount: Int
    ) {
        self.variable = variable
        self.lower = lower
        self.upper = upper
        self.inclusive = inclusive
        self.cost = cost
        self.affine = affine
        self.invariants = invariants
        self.values = values
        self.writes = writes
        self.finals = finals
        self.nodeCount = nodeCount
    }

    /// Runs the loop batched, or returns nil (having changed nothing) when the sequential code must.
    func run(_ frame: Frame<Double>) throws -> Flow? {
        let first = try lower(frame)
        let bound = try upper(frame)
        if inclusive ? first > bound : first >= bound { return .normal }
        let last = inclusive ? bound : bound - 1
        let (span, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, span < Int.max, span + 1 >= Self.minimumIterations else { return nil }
        let count = span + 1
        let (operations, tooMany) = count.multipliedReportingOverflow(by: cost)
        let state = frame.state
        guard !tooMany, state[ExecutionState.iterationsLeft] >= count, state[ExecutionState.operationsLeft] >= operations
        else { return nil }
        // Affine indices: value at the first and last iteration, checked; all others lie between.
        var lines: [(start: Int, step: Int)] = []
        lines.reserveCapacity(affine.count)
        let saved = frame.ints[variable]
        for (code, vector) in affine {
            frame.ints[variable] = first
            guard let atFirst = try? code(frame) else { return restore(frame, saved) }
            frame.ints[variable] = last
            guard let atLast = try? code(frame) else { return restore(frame, saved) }
            let (difference, differenceOverflow) = atLast.subtractingReportingOverflow(atFirst)
            guard !differenceOverflow, difference % span == 0 else { return restore(frame, saved) }
            if let vector {
                let length = frame.vectors[vector].count
                guard (0..<length).contains(atFirst), (0..<length).contains(atLast) else { return restore(frame, saved) }
            }
            lines.append((atFirst, difference / span))
        }
        frame.ints[variable] = first
        var invariantValues: [Double] = []
        invariantValues.reserveCapacity(invariants.count)
        for code in invariants {
            guard let value = try? code(frame) else { return restore(frame, saved) }
            invariantValues.append(value)
        }
        state[ExecutionState.iterationsLeft] -= count
        state[ExecutionState.operationsLeft] -= operations
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(1, nodeCount) * Self.width)
        defer { scratch.deallocate() }
        let results = UnsafeMutablePointer<BatchValue>.allocate(capacity: max(1, values.count))
        results.initialize(repeating: .scalar(0), count: max(1, values.count))
        defer {
            results.deinitialize(count: max(1, values.count))
            results.deallocate()
        }
        lines.withUnsafeBufferPointer { lines in
            invariantValues.withUnsafeBufferPointer { invariants in
                var start = 0
                while start < count {
                    let context = BatchContext(
                        frame: frame, start: start, count: min(Self.width, count - start), scratch: scratch,
                        lines: lines.baseAddress, invariants: invariants.baseAddress, results: results)
                    for (index, value) in values.enumerated() { results[index] = value(context) }
                    for group in writes { group.apply(context) }
                    start += Self.width
                }
                // The temporaries keep the last iteration's value, as after the sequential loop.
                let lastIndex = (count - 1) % Self.width
                for (slot, statement) in finals { frame.reals[slot] = results[statement][lastIndex] }
            }
        }
        frame.ints[variable] = last
        return .normal
    }

    private func restore(_ frame: Frame<Double>, _ saved: Int) -> Flow? {
        frame.ints[variable] = saved
        return nil
    }
}

/// What one batch sees: the frame, which iterations (`start ..< start + count`, counted from the loop's
/// first), scratch buffers (one of ``BatchLoop/width`` doubles per node), the affine indices and the
/// invariants.
struct BatchContext {
    let frame: Frame<Double>
    let start: Int
    let count: Int
    let scratch: UnsafeMutablePointer<Double>
    let lines: UnsafePointer<(start: Int, step: Int)>?
    let invariants: UnsafePointer<Double>?
    /// The values of the statements computed so far in this batch (temporaries are read from here).
    let results: UnsafeMutablePointer<BatchValue>

    /// The buffer of node `node`.
    @inline(__always) func buffer(_ node: Int) -> UnsafeMutablePointer<Double> { scratch + node * BatchLoop.width }

    /// The value of affine index `line` at iteration `start + j`.
    @inline(__always) func index(_ line: Int, _ j: Int) -> Int {
        let (origin, step) = lines.unsafelyUnwrapped[line]
        return origin &+ step &* (start &+ j)
    }
}

/// A batch of values: the same for every iteration, or one per iteration.
enum BatchValue {
    case scalar(Double)
    case buffer(UnsafeMutablePointer<Double>)

    @inline(__always) subscript(_ j: Int) -> Double {
        switch self {
        case .scalar(let value): value
        case .buffer(let values): values[j]
        }
    }
}

/// Computes one node for a batch.
typealias BatchCode = (BatchContext) -> BatchValue

/// The writes of the loop body to one target, in statement order; targets are distinct, so groups are
/// independent and each applies its writes iteration by iteration.
enum BatchWriteGroup {
    /// `s op= value` into a real slot (`op` nil: plain assignment).
    case accumulate(slot: Int, [(op: ArithmeticOperator?, statement: Int)])
    /// `v[index] op= value` into a vector slot.
    case element(vector: Int, [(op: ArithmeticOperator?, line: Int, statement: Int)])

    func apply(_ context: BatchContext) {
        let results = context.results
        switch self {
        case .accumulate(let slot, let statements):
            var total = context.frame.reals[slot]
            if statements.count == 1, statements[0].op == .add, case .buffer(let values) = results[statements[0].statement] {
                for j in 0..<context.count { total = total + values[j] }
            } else {
                for j in 0..<context.count {
                    for (op, statement) in statements { total = Self.combine(op, total, results[statement][j]) }
                }
            }
            context.frame.reals[slot] = total
        case .element(let vector, let statements):
            context.frame.vectors[vector].withUnsafeMutableBufferPointer { entries in
                for j in 0..<context.count {
                    for (op, line, statement) in statements {
                        let i = context.index(line, j)
                        entries[i] = Self.combine(op, entries[i], results[statement][j])
                    }
                }
            }
        }
    }

    @inline(__always) static func combine(_ op: ArithmeticOperator?, _ old: Double, _ value: Double) -> Double {
        switch op {
        case nil: value
        case .add?: old + value
        case .subtract?: old - value
        case .multiply?: old * value
        case .divide?: old / value
        }
    }
}
