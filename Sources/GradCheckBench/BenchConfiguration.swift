/// What `gradcheck bench` measures.
public struct BenchConfiguration: Sendable {
    /// The benchmark functions, by name (``BenchmarkFunctions/names``), in table order.
    public var functions: [String] = BenchmarkFunctions.names
    /// The nominal sizes n (a k × k layer rounds to k²).
    public var sizes: [Int] = [1_000, 10_000, 100_000, 1_000_000]
    /// The methods, in table order.
    public var methods: [BenchMethod] = BenchMethod.allCases
    /// A cell whose single call is estimated (from a smaller size) to exceed this is skipped; a measured
    /// cell takes fewer samples so as to stay within it.
    public var budgetSeconds: Double = 10
    /// ω is counted at n = min(n, countSize): counting over `Counted<Double>` is some 20–50 times slower
    /// than `Double`, and the methods that cost O(n²) would take minutes at n = 10⁶.
    public var countSize: Int = 1_000
    /// Samples per timed cell (the median is reported).
    public var samples: Int = 7

    public init() {}

    /// The largest budget per cell: a million seconds (some 11.6 days). `gradcheck bench --budget` accepts
    /// no more, and a larger one set here counts as this.
    public static let maximumBudgetSeconds: Double = 1_000_000

    /// The budget in nanoseconds.
    var budgetNanoseconds: UInt64 { Self.nanoseconds(budgetSeconds) }

    /// `seconds` in nanoseconds, from 0 (for negative or NaN) to ``maximumBudgetSeconds``: the conversion to
    /// `UInt64` cannot overflow.
    static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds > 0 else { return 0 }
        return UInt64(Swift.min(seconds, maximumBudgetSeconds) * 1e9)
    }
}
