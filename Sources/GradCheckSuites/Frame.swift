import GradCheckCore

/// The storage of one running call: typed slots addressed by index, plus a pointer to the state shared
/// by the whole evaluation (budgets, call depth).
///
/// A frame is a handful of raw pointers, passed by value to every compiled closure: no reference
/// counting, no exclusivity checks, no bounds checks on slots (slot numbers come from the checker and
/// always fit the layout). All real slots are initialised with one *filler* value taken from the
/// arguments — never `S(0)`, which for a tape-recording scalar would add a node — and every slot is
/// written before it is read, because a variable can only be used after its declaration.
struct Frame<S> {
    let reals: UnsafeMutablePointer<S>
    let ints: UnsafeMutablePointer<Int>
    let vectors: UnsafeMutablePointer<[S]>
    let matrices: UnsafeMutablePointer<[[S]]>
    let state: UnsafeMutablePointer<Int>

    /// A frame for `layout`; `filler` initialises the real slots (it is only read when there are some).
    static func allocate(_ layout: FrameLayout, filler: @autoclosure () -> S, state: UnsafeMutablePointer<Int>) -> Frame {
        Frame(
            reals: Self.storage(layout.reals, filler()),
            ints: Self.storage(layout.ints, 0),
            vectors: Self.storage(layout.vectors, []),
            matrices: Self.storage(layout.matrices, []),
            state: state)
    }

    private static func storage<T>(_ count: Int, _ value: @autoclosure () -> T) -> UnsafeMutablePointer<T> {
        guard count > 0 else {
            // Never dereferenced: there are no slots of this kind.
            return UnsafeMutablePointer<T>(bitPattern: MemoryLayout<T>.alignment)!
        }
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: count)
        pointer.initialize(repeating: value(), count: count)
        return pointer
    }

    /// Releases the slots of a frame made by ``allocate(_:filler:state:)`` with the same layout, without
    /// giving back the bytes its vectors and matrices were charged (see ``deallocate(_:)``).
    func deallocateSlots(_ layout: FrameLayout) {
        Self.release(reals, layout.reals)
        Self.release(ints, layout.ints)
        Self.release(vectors, layout.vectors)
        Self.release(matrices, layout.matrices)
    }

    private static func release<T>(_ pointer: UnsafeMutablePointer<T>, _ count: Int) {
        guard count > 0 else { return }
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}

extension Frame where S: DifferentiableScalar {
    /// Releases the slots of a frame made by ``allocate(_:filler:state:)`` with the same layout, and gives
    /// back to the evaluation's memory budget the bytes its vectors and matrices hold.
    func deallocate(_ layout: FrameLayout) {
        var bytes = 0
        for slot in 0..<layout.vectors { bytes &+= ExecutionState.footprint(vectors[slot]) }
        for slot in 0..<layout.matrices { bytes &+= ExecutionState.footprint(matrices[slot]) }
        state[ExecutionState.bytesLeft] &+= bytes
        deallocateSlots(layout)
    }
}

/// What control does after a statement.
enum Flow: UInt8 {
    case normal
    case breakLoop
    case continueLoop
    case returned
}

/// The evaluation-wide state behind `Frame.state`: budgets count down and fail below zero.
enum ExecutionState {
    static let iterationsLeft = 0
    static let operationsLeft = 1
    static let elementsLeft = 2
    static let depth = 3
    static let maximumDepth = 4
    /// The lowest stack address a call may reach (0 until first needed).
    static let stackLimit = 5
    static let maximumVectorLength = 6
    /// The stack address where the evaluation started.
    static let stackRoot = 7
    /// Iterations and calls left before the next look at ``CancellationToken/current``.
    static let pollCountdown = 8
    /// Bytes left of ``RuntimeLimits/maximumBytes``, and that limit (for the message).
    static let bytesLeft = 9
    static let maximumBytes = 10
    static let count = 11
    /// Iterations and calls between two looks at the cancellation token: an abandoned evaluation stops
    /// within this many.
    static let pollInterval = 4096

    /// A fresh state for one evaluation under `limits`.
    static func allocate(_ limits: RuntimeLimits) -> UnsafeMutablePointer<Int> {
        let state = UnsafeMutablePointer<Int>.allocate(capacity: count)
        state.initialize(repeating: 0, count: count)
        state[iterationsLeft] = limits.maximumIterations
        state[operationsLeft] = limits.maximumOperations
        state[elementsLeft] = limits.maximumAllocatedElements
        state[maximumDepth] = limits.maximumRecursionDepth
        state[maximumVectorLength] = limits.maximumVectorLength
        state[stackRoot] = StackGuard.currentAddress()
        state[pollCountdown] = pollInterval
        state[bytesLeft] = limits.maximumBytes
        state[maximumBytes] = limits.maximumBytes
        return state
    }

    static func deallocate(_ state: UnsafeMutablePointer<Int>) {
        state.deinitialize(count: count)
        state.deallocate()
    }

    /// Charges one iteration (or call) of a body of static size `cost`; every ``pollInterval`` charges, also
    /// checks whether the evaluation was abandoned (its ``CancellationToken`` cancelled).
    @inline(__always)
    static func chargeIteration(_ state: UnsafeMutablePointer<Int>, cost: Int, at location: SuiteLocation) throws {
        state[iterationsLeft] &-= 1
        state[operationsLeft] &-= cost
        state[pollCountdown] &-= 1
        if state[iterationsLeft] | state[operationsLeft] | state[pollCountdown] < 0 {
            try budgetOrCancellation(state, at: location)
        }
    }

    /// The error of an evaluation that stops at `location` because its ``CancellationToken`` was cancelled.
    static func cancelled(at location: SuiteLocation) -> SuiteRuntimeError {
        SuiteRuntimeError(.timeLimit, "stopped here: the evaluation exceeded its time limit and was abandoned", at: location)
    }

    /// The slow path of ``chargeIteration(_:cost:at:)``: a `time-limit` error when the evaluation was
    /// cancelled, a budget error when one is exhausted, else the poll countdown starts again.
    static func budgetOrCancellation(_ state: UnsafeMutablePointer<Int>, at location: SuiteLocation) throws {
        if state[pollCountdown] < 0 {
            state[pollCountdown] = pollInterval
            if CancellationToken.current?.isCancelled == true {
                throw cancelled(at: location)
            }
        }
        if state[iterationsLeft] | state[operationsLeft] < 0 { throw budgetError(state, at: location) }
    }

    static func budgetError(_ state: UnsafeMutablePointer<Int>, at location: SuiteLocation) -> SuiteRuntimeError {
        if state[iterationsLeft] < 0 {
            return SuiteRuntimeError(.iterationLimit, "exceeded the limit of loop iterations and calls per evaluation", at: location)
        }
        return SuiteRuntimeError(.operationLimit, "exceeded the limit of operations per evaluation", at: location)
    }

    /// Charges the creation or copy of `count` vector entries.
    @inline(__always)
    static func chargeElements(_ state: UnsafeMutablePointer<Int>, _ count: Int, at location: SuiteLocation) throws {
        state[elementsLeft] &-= count
        if state[elementsLeft] < 0 {
            throw SuiteRuntimeError(
                .allocationLimit, "exceeded the limit of vector entries created or copied per evaluation", at: location)
        }
    }
}

extension ExecutionState {
    /// The bytes a vector's entries hold: its length times the entry's inline size, plus each entry's heap
    /// storage when the number type has any.
    @inline(__always)
    static func footprint<S: DifferentiableScalar>(_ vector: [S]) -> Int {
        var bytes = vector.count &* MemoryLayout<S>.stride
        if S.holdsHeapStorage { for entry in vector { bytes &+= entry.heapBytes } }
        return bytes
    }

    /// The bytes a matrix's entries hold (see ``footprint(_:)-(Array<S>)``).
    static func footprint<S: DifferentiableScalar>(_ matrix: [[S]]) -> Int {
        matrix.reduce(0) { $0 &+ footprint($1) }
    }

    /// Charges `bytes` more held in vectors and matrices (negative: bytes given back); a `memory-limit`
    /// error at `location` when the evaluation's budget is exhausted.
    ///
    /// An abandoned evaluation (its ``CancellationToken`` cancelled) stops here too, before it holds more:
    /// between two looks at the token in loops it could otherwise fill its whole budget again.
    @inline(__always)
    static func chargeBytes(_ state: UnsafeMutablePointer<Int>, _ bytes: Int, at location: SuiteLocation) throws {
        if bytes > 0, CancellationToken.current?.isCancelled == true {
            throw cancelled(at: location)
        }
        state[bytesLeft] &-= bytes
        if state[bytesLeft] < 0 {
            state[bytesLeft] &+= bytes  // the store does not happen
            throw SuiteRuntimeError(
                .memoryLimit,
                "exceeded the memory limit of \(MemoryBudget.describe(state[maximumBytes])) held in vectors and matrices per evaluation",
                at: location)
        }
    }
}

/// Constructors of the run-time errors the compiled code throws.
enum RuntimeErrors {
    static func index(_ index: Int, count: Int, overflow: Bool = false, at location: SuiteLocation) -> SuiteRuntimeError {
        if overflow { return SuiteRuntimeError(.integerOverflow, "integer overflow computing an index", at: location) }
        return SuiteRuntimeError(
            .indexOutOfRange, "index \(index) is out of range for a vector of length \(count)", at: location)
    }

    static func overflow(_ what: String, at location: SuiteLocation) -> SuiteRuntimeError {
        SuiteRuntimeError(.integerOverflow, "integer overflow in \(what)", at: location)
    }

    static func divisionByZero(at location: SuiteLocation) -> SuiteRuntimeError {
        SuiteRuntimeError(.divisionByZero, "integer division by zero", at: location)
    }
}
