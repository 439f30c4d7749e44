/// One row kind of the benchmark: the plain function or a way of computing its derivative.
public enum BenchMethod: String, CaseIterable, Sendable, Codable {
    /// f itself in `Double`: the baseline of every ratio.
    case function = "f"
    /// The function's hand-written gradient.
    case handCoded = "hand-coded"
    /// One forward pass with `Dual<Double>`: a single directional derivative ∇f·v (not a gradient).
    case forwardDirection = "forward-1dir"
    /// The full gradient by chunked forward mode (⌈n/k⌉ passes, k ≤ 16).
    case forwardChunked = "forward-chunked"
    /// The full gradient by reverse mode on a tape.
    case reverse
    /// The full gradient by central differences (2n evaluations).
    case centralDifference = "central-difference"
    /// The registry's `symbolic` strategy, when registered (timed through the registry).
    case symbolic
    /// The registry's `swift-autodiff` strategy, when registered (timed through the registry).
    case swiftAutodiff = "swift-autodiff"

    /// The registry id of the strategy this row measures (nil for the plain function).
    public var strategyID: String? {
        switch self {
        case .function: nil
        case .handCoded: "hand-coded"
        case .forwardDirection: "forward"
        case .forwardChunked: "forward-chunked"
        case .reverse: "reverse"
        case .centralDifference: "central-difference"
        case .symbolic: "symbolic"
        case .swiftAutodiff: "swift-autodiff"
        }
    }

    /// Whether the benchmark runs this method itself on the concrete function type (specialised code);
    /// the others are hooks that run a registered strategy through the registry's generic interface.
    public var isBuiltIn: Bool {
        switch self {
        case .symbolic, .swiftAutodiff: false
        default: true
        }
    }

    /// How the cost grows with n for the benchmark functions (all O(n)): time ∝ n^exponent. A full
    /// gradient by forward mode or differences is n (or n/k) evaluations of an O(n) function: n².
    /// `swift-autodiff` is quadratic on array loops: each `x[i]` in its pullback builds a whole tangent array.
    /// The `symbolic` hook is assumed linear (its budget estimate is then optimistic, never skipping early).
    var growthExponent: Double {
        switch self {
        case .forwardChunked, .centralDifference, .swiftAutodiff: 2
        default: 1
        }
    }
}
