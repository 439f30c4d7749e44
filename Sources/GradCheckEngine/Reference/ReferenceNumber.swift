import GradCheckCore

/// The number type of the reference: a value with its gradient with respect to every input at once
/// (forward mode with all n partials carried together, the "vector mode"), and beside each partial the
/// size of the terms it sums.
///
/// Its derivative rules are written here, separately from the `forward` strategy's dual numbers, so the
/// reference does not share rule code with any strategy it judges. Each operation costs O(n) for the
/// partials; the reference is computed once per point, so that is affordable for the corpus.
///
/// - ``partials``: ∂v/∂xⱼ, the sum over every path from xⱼ to v of the product of the local derivatives.
/// - ``magnitudes``: mⱼ = the same sum with every local derivative replaced by its absolute value, so
///   mⱼ ≥ |∂v/∂xⱼ|. Where mⱼ ≫ |∂v/∂xⱼ| the partial is what remains after terms of size mⱼ cancelled, and
///   any floating-point computation of it carries a rounding error of order ε·mⱼ (the running error
///   bound of Wilkinson and Higham, for the derivative's own arithmetic).
/// - A partial whose magnitude is 0 is *structurally* zero: no path reaches it. It stays exactly 0 when
///   multiplied by a local derivative, even an infinite one, so that ∂(√x + y²)/∂y at x = 0 is 2y and
///   not ∞·0 = NaN.
///
/// `Real` is ``ExtendedReal`` for the reference itself; the runner also evaluates the same rules in the
/// strategies' working precision to measure how much that precision's rounding alone moves each entry.
/// A constant carries empty arrays (all zeros), so literals cost nothing.
public struct ReferenceNumber<Real: RealNumber>: DifferentiableScalar {
    /// The value.
    public var value: Real
    /// ∂value/∂xⱼ for each input j; empty for a constant.
    public var partials: [Real]
    /// The size of the terms summed into each partial (see the type's description); empty for a constant.
    public var magnitudes: [Real]

    /// The input variable `index` of `count`, at `value`: its partials are the unit vector e_index.
    public init(input value: Real, index: Int, count: Int) {
        self.value = value
        partials = [Real](repeating: 0, count: count)
        partials[index] = 1
        magnitudes = partials
    }

    /// A number from its parts; `magnitudes` defaults to |partials| (no cancellation known).
    public init(value: Real, partials: [Real], magnitudes: [Real]? = nil) {
        self.value = value
        self.partials = partials
        self.magnitudes = magnitudes ?? partials.map(\.magnitude)
    }

    public init(_ constant: Double) {
        value = Real(constant)
        partials = []
        magnitudes = []
    }

    public static var holdsHeapStorage: Bool { true }

    /// The two arrays' storage: 2 · n · `MemoryLayout<Real>.stride` bytes plus their headers, 0 for a
    /// constant.
    public var heapBytes: Int {
        let header = 32
        return (partials.capacity + magnitudes.capacity) * MemoryLayout<Real>.stride
            + (partials.isEmpty ? 0 : header) + (magnitudes.isEmpty ? 0 : header)
    }

    /// a·p, where a partial of magnitude m = 0 (structurally zero) stays 0 whatever a is.
    @inline(__always)
    static func scaled(_ a: Real, _ p: Real, magnitude m: Real) -> Real { m == 0 ? 0 : a * p }

    /// The number with value `value` and partials a·u′ + b·v′ (magnitudes |a|·m_u + |b|·m_v), treating an
    /// empty partials array as zeros.
    static func combining(_ value: Real, _ a: Real, _ u: Self, _ b: Real, _ v: Self) -> Self {
        if u.partials.isEmpty { return v.chained(value, derivative: b) }
        if v.partials.isEmpty { return u.chained(value, derivative: a) }
        let (ma, mb) = (a.magnitude, b.magnitude)
        var partials = [Real](), magnitudes = [Real]()
        partials.reserveCapacity(u.partials.count)
        magnitudes.reserveCapacity(u.partials.count)
        for k in u.partials.indices {
            let (mu, mv) = (u.magnitudes[k], v.magnitudes[k])
            partials.append(scaled(a, u.partials[k], magnitude: mu) + scaled(b, v.partials[k], magnitude: mv))
            magnitudes.append(scaled(ma, mu, magnitude: mu) + scaled(mb, mv, magnitude: mv))
        }
        return Self(value: value, partials: partials, magnitudes: magnitudes)
    }

    /// The chain rule for a unary function: (f(u))′ = f′(u)·u′, and m′ = |f′(u)|·m.
    func chained(_ result: Real, derivative: Real) -> Self {
        // A constant stays a constant (no arrays to map: the common case when few inputs carry tangents).
        if partials.isEmpty { return Self(value: result, partials: [], magnitudes: []) }
        let size = derivative.magnitude
        return Self(
            value: result,
            partials: zip(partials, magnitudes).map { Self.scaled(derivative, $0, magnitude: $1) },
            magnitudes: magnitudes.map { Self.scaled(size, $0, magnitude: $0) })
    }

    public static func + (lhs: Self, rhs: Self) -> Self {
        combining(lhs.value + rhs.value, 1, lhs, 1, rhs)
    }

    public static func - (lhs: Self, rhs: Self) -> Self {
        combining(lhs.value - rhs.value, 1, lhs, -1, rhs)
    }

    /// (uv)′ = v·u′ + u·v′.
    public static func * (lhs: Self, rhs: Self) -> Self {
        combining(lhs.value * rhs.value, rhs.value, lhs, lhs.value, rhs)
    }

    /// (u/v)′ = u′/v − (u/v)·v′/v.
    public static func / (lhs: Self, rhs: Self) -> Self {
        let quotient = lhs.value / rhs.value
        return combining(quotient, 1 / rhs.value, lhs, -quotient / rhs.value, rhs)
    }

    public static prefix func - (operand: Self) -> Self {
        Self(value: -operand.value, partials: operand.partials.map { -$0 }, magnitudes: operand.magnitudes)
    }

    /// (uⁿ)′ = n·uⁿ⁻¹·u′, with uⁿ⁻¹ formed without overflow (n = Int.min has no n − 1 in `Int`; there
    /// it is uⁿ / u).
    public static func pow(_ x: Self, _ n: Int) -> Self {
        if n == 0 { return Self(1) }
        let lower = Real.pow(x.value, oneBelow: n)
        let value = n == .min ? Real.pow(x.value, n) : lower * x.value
        return x.chained(value, derivative: Real(Double(n)) * lower)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}
