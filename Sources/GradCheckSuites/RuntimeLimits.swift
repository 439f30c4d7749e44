import GradCheckCore

/// The bounds that keep any suite from hanging or exhausting the harness. Every bound applies to one call
/// of ``SuiteFunction/evaluate(_:)`` (or of a hand-written derivative), including every function it calls;
/// exceeding one is a run-time error located at the loop, call or allocation that went over.
public struct RuntimeLimits: Sendable, Hashable {
    /// Loop iterations (`for` and `while`) plus calls of suite functions. Default 10,000,000.
    public var maximumIterations: Int
    /// Nested calls of suite functions (recursion). Default 1,000. Independently of it, a call is refused
    /// when the thread's stack is nearly exhausted.
    public var maximumRecursionDepth: Int
    /// The longest vector `zeros` may make (and the most entries of a matrix). Default 10,000,000.
    public var maximumVectorLength: Int
    /// Entries of all vectors created or copied (`zeros`, literals, vector assignments). Default
    /// 100,000,000. Bounds memory and copying time.
    public var maximumAllocatedElements: Int
    /// Statements and expression nodes, charged per loop iteration and per call by the static size of the
    /// body run. Default 1,000,000,000. Bounds the time of loops with very large bodies.
    public var maximumOperations: Int
    /// Bytes held by the entries of vectors and matrices stored in variables: each entry's inline size
    /// plus what it keeps on the heap (``DifferentiableScalar/heapBytes``: the reference's numbers carry
    /// two arrays of n partials, so storing one costs 32·n bytes in `Float80`). Charged when an entry, a
    /// vector or a matrix is stored, given back when it is overwritten or its call returns; a copy counts as
    /// its own entries. Default ``MemoryBudget/perEvaluation``: a quarter of the memory the process may use
    /// (physical memory, or `ulimit -v` when lower).
    public var maximumBytes: Int

    public init(
        maximumIterations: Int = 10_000_000, maximumRecursionDepth: Int = 1_000,
        maximumVectorLength: Int = 10_000_000, maximumAllocatedElements: Int = 100_000_000,
        maximumOperations: Int = 1_000_000_000, maximumBytes: Int = MemoryBudget.perEvaluation
    ) {
        self.maximumBytes = maximumBytes
        self.maximumIterations = maximumIterations
        self.maximumRecursionDepth = maximumRecursionDepth
        self.maximumVectorLength = maximumVectorLength
        self.maximumAllocatedElements = maximumAllocatedElements
        self.maximumOperations = maximumOperations
    }

    /// The defaults documented in `Docs/suite-language.md`.
    public static let `default` = RuntimeLimits()
}

/// An error while running a suite function: an index out of range, an integer overflow or division by
/// zero, a runtime limit exceeded, or arguments of the wrong shape. Its description reads like a load
/// diagnostic: `path:line:column: error: message`.
///
/// Domain errors of real arithmetic (`log(-1)`, `1/0`) are not errors: they are IEEE NaN and ∞.
public struct SuiteRuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case indexOutOfRange = "index-out-of-range"
        case integerOverflow = "integer-overflow"
        case divisionByZero = "division-by-zero"
        case invalidLength = "invalid-length"
        case iterationLimit = "iteration-limit"
        case recursionLimit = "recursion-limit"
        case allocationLimit = "allocation-limit"
        case operationLimit = "operation-limit"
        /// The entries stored in vectors and matrices exceeded ``RuntimeLimits/maximumBytes``.
        case memoryLimit = "memory-limit"
        /// The evaluation was abandoned by a time limit (``CancellationToken``) and stopped itself.
        case timeLimit = "time-limit"
        case invalidArguments = "invalid-arguments"
        case invalidResult = "invalid-result"
    }

    public var kind: Kind
    public var message: String
    /// Where it happened; nil for errors about a call as a whole (wrong number of inputs).
    public var location: SuiteLocation?

    public init(_ kind: Kind, _ message: String, at location: SuiteLocation?) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message`.
    public var description: String {
        guard let location else { return "error: \(message)" }
        return "\(location): error: \(message)"
    }

    /// The error as a diagnostic (without the source line).
    public var diagnostic: SuiteDiagnostic? {
        location.map { SuiteDiagnostic(path: $0.path, line: $0.line, column: $0.column, message: message) }
    }
}
