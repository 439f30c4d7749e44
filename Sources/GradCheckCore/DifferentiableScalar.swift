/// The number type test functions are written against, once, generically.
///
/// Every strategy runs the same program with its own conforming type (operator overloading): plain reals,
/// dual numbers, tape-tracked numbers, symbolic tracers, complex steps. Comparisons (`<`, `==`, …) compare
/// the *primal* values, so `if` and `while` on data work with every conformer and the path taken is the
/// one the plain function takes.
///
/// Conformers provide the field operations and ``ScalarElementaryFunctions``; the composite functions below
/// (`cot`, `abs`, `max`, `min`, `relu`, `sigmoid`, `softplus`, integer powers) are built from those, so
/// each strategy differentiates them with its own rules.
public protocol DifferentiableScalar: ScalarElementaryFunctions, Comparable, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, Sendable
{
    /// A constant: the value `constant`, with zero derivative.
    init(_ constant: Double)

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    /// xⁿ for an integer exponent. The default multiplies by repeated squaring (⌈log₂|n|⌉ + popcount
    /// multiplications, a reciprocal for n < 0); conformers may give a direct rule (n·xⁿ⁻¹).
    static func pow(_ x: Self, _ n: Int) -> Self

    /// σ(x) = 1/(1 + e⁻ˣ). A requirement (with a default below) so that a number type whose comparisons
    /// mean something special, like the complex step's, can give the analytic function directly.
    static func sigmoid(_ x: Self) -> Self

    /// softplus(x) = ln(1 + eˣ); a requirement for the same reason as ``sigmoid(_:)``.
    static func softplus(_ x: Self) -> Self

    /// Whether a value may hold storage outside its inline representation (``heapBytes`` > 0), as the
    /// reference's numbers do with their n partials. False by default: the interpreter then counts a
    /// vector's memory by its length alone.
    static var holdsHeapStorage: Bool { get }

    /// Bytes this value keeps outside its `MemoryLayout<Self>.stride` inline bytes (0 by default); what the
    /// runtime limits charge for storing it in a vector or a matrix.
    var heapBytes: Int { get }
}

extension DifferentiableScalar {
    @inlinable public static var holdsHeapStorage: Bool { false }
    @inlinable public var heapBytes: Int { 0 }

    // Inlinable so that `sum += term` in a test function specialised for a number type compiles to that
    // type's `+` in place, not to a call per operation.
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }
    @inlinable public init(floatLiteral value: Double) { self.init(value) }

    @inlinable @inline(__always) public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    @inlinable @inline(__always) public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    @inlinable @inline(__always) public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
    @inlinable @inline(__always) public static func /= (lhs: inout Self, rhs: Self) { lhs = lhs / rhs }

    public static func pow(_ x: Self, _ n: Int) -> Self {
        if n == 0 { return Self(1) }
        var base = x
        var exponent = n.magnitude
        var result: Self? = nil
        while exponent > 0 {
            if exponent & 1 == 1 { result = result.map { $0 * base } ?? base }
            exponent >>= 1
            if exponent > 0 { base = base * base }
        }
        let positive = result ?? Self(1)
        return n < 0 ? Self(1) / positive : positive
    }

    /// xⁿ⁻¹, the power in the derivative n·xⁿ⁻¹ of xⁿ, formed without overflow: n = `Int.min` has no
    /// n − 1 in `Int`, so there it is xⁿ / x.
    @inlinable public static func pow(_ x: Self, oneBelow n: Int) -> Self {
        n == .min ? pow(x, n) / x : pow(x, n - 1)
    }

    /// cot x = cos x / sin x.
    public static func cot(_ x: Self) -> Self { cos(x) / sin(x) }

    /// |x|, by a branch on the primal value: the derivative at 0 is the right-hand one (+1).
    public static func abs(_ x: Self) -> Self { x < Self(0) ? -x : x }

    /// The larger of `x` and `y`; on a tie, `x` (so the derivative at a tie follows the first argument).
    public static func max(_ x: Self, _ y: Self) -> Self { y > x ? y : x }

    /// The smaller of `x` and `y`; on a tie, `x`.
    public static func min(_ x: Self, _ y: Self) -> Self { y < x ? y : x }

    /// max(x, 0): the rectified linear unit; derivative 0 at the kink x = 0.
    public static func relu(_ x: Self) -> Self { x > Self(0) ? x : Self(0) }

    /// σ(x) = 1 / (1 + e⁻ˣ), evaluated as e^x / (1 + e^x) for x < 0 so that neither form overflows.
    public static func sigmoid(_ x: Self) -> Self {
        if x < Self(0) {
            let e = exp(x)
            return e / (Self(1) + e)
        }
        return Self(1) / (Self(1) + exp(-x))
    }

    /// softplus(x) = ln(1 + eˣ), evaluated stably as max(x, 0) + ln(1 + e^(−|x|)).
    public static func softplus(_ x: Self) -> Self {
        x > Self(0) ? x + log1p(exp(-x)) : log1p(exp(x))
    }
}
