import GradCheckCore

/// The number type of the reference: an ``ExtendedReal`` value with its gradient with respect to every
/// input at once (forward mode with all n partials carried together, the "vector mode").
///
/// Its derivative rules are written here, separately from the `forward` strategy's dual numbers, so the
/// reference does not share rule code with any strategy it judges. Each operation costs O(n) for the
/// partials; the reference is computed once per point, so that is affordable for the corpus.
///
/// A constant carries an empty partials array (all zeros), so literals cost nothing.
public struct ReferenceNumber: DifferentiableScalar {
    /// The value.
    public var value: ExtendedReal
    /// ∂value/∂xⱼ for each input j; empty for a constant.
    public var partials: [ExtendedReal]

    /// The input variable `index` of `count`, at `value`: its partials are the unit vector e_index.
    public init(input value: ExtendedReal, index: Int, count: Int) {
        self.value = value
        partials = [ExtendedReal](repeating: 0, count: count)
        partials[index] = 1
    }

    public init(value: ExtendedReal, partials: [ExtendedReal]) {
        self.value = value
        self.partials = partials
    }

    public init(_ constant: Double) {
        value = ExtendedReal(constant)
        partials = []
    }

    /// a·u′ + b·v′, treating an empty partials array as zeros.
    static func combine(_ a: ExtendedReal, _ u: [ExtendedReal], _ b: ExtendedReal, _ v: [ExtendedReal]) -> [ExtendedReal] {
        if u.isEmpty { return v.isEmpty ? [] : v.map { b * $0 } }
        if v.isEmpty { return u.map { a * $0 } }
        return zip(u, v).map { a * $0 + b * $1 }
    }

    /// The chain rule for a unary function: (f(u))′ = f′(u)·u′.
    func chained(_ result: ExtendedReal, derivative: ExtendedReal) -> ReferenceNumber {
        ReferenceNumber(value: result, partials: partials.map { derivative * $0 })
    }

    public static func + (lhs: ReferenceNumber, rhs: ReferenceNumber) -> ReferenceNumber {
        ReferenceNumber(value: lhs.value + rhs.value, partials: combine(1, lhs.partials, 1, rhs.partials))
    }

    public static func - (lhs: ReferenceNumber, rhs: ReferenceNumber) -> ReferenceNumber {
        ReferenceNumber(value: lhs.value - rhs.value, partials: combine(1, lhs.partials, -1, rhs.partials))
    }

    /// (uv)′ = v·u′ + u·v′.
    public static func * (lhs: ReferenceNumber, rhs: ReferenceNumber) -> ReferenceNumber {
        ReferenceNumber(value: lhs.value * rhs.value, partials: combine(rhs.value, lhs.partials, lhs.value, rhs.partials))
    }

    /// (u/v)′ = u′/v − (u/v)·v′/v.
    public static func / (lhs: ReferenceNumber, rhs: ReferenceNumber) -> ReferenceNumber {
        let quotient = lhs.value / rhs.value
        return ReferenceNumber(
            value: quotient, partials: combine(1 / rhs.value, lhs.partials, -quotient / rhs.value, rhs.partials))
    }

    public static prefix func - (operand: ReferenceNumber) -> ReferenceNumber {
        ReferenceNumber(value: -operand.value, partials: operand.partials.map { -$0 })
    }

    /// (uⁿ)′ = n·uⁿ⁻¹·u′.
    public static func pow(_ x: ReferenceNumber, _ n: Int) -> ReferenceNumber {
        if n == 0 { return ReferenceNumber(1) }
        let lower = ExtendedReal.pow(x.value, n - 1)
        return x.chained(lower * x.value, derivative: ExtendedReal(n) * lower)
    }

    public static func < (lhs: ReferenceNumber, rhs: ReferenceNumber) -> Bool { lhs.value < rhs.value }
    public static func == (lhs: ReferenceNumber, rhs: ReferenceNumber) -> Bool { lhs.value == rhs.value }
}
