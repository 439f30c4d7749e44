/// A real number that wraps another and observes what is done with it, computing exactly what its base
/// type computes.
///
/// Conformers supply two hooks; every operation of ``RealNumber`` is implemented here once, forwarding
/// to `Base` and calling the hooks:
/// - ``willPerform(_:count:)`` before each arithmetic operation (``Counted`` tallies it);
/// - ``didCompare(_:)`` with the outcome of each comparison (``BranchRecording`` logs it).
/// Wrappers nest: `BranchRecording<Counted<Double>>` logs branches and counts operations.
public protocol InstrumentedReal: RealNumber {
    associatedtype Base: RealNumber
    /// The underlying value.
    var value: Base { get }
    init(value: Base)
    /// Called before an arithmetic operation of `kind`, `count` times over.
    static func willPerform(_ kind: OperationKind, count: Int)
    /// Called with the outcome of every comparison (`<`, `==` and those built on them).
    static func didCompare(_ outcome: Bool)
}

extension InstrumentedReal {
    @inlinable public init(_ constant: Double) { self.init(value: Base(constant)) }
    @inlinable public init(extended: ExtendedReal) { self.init(value: Base(extended: extended)) }

    @inlinable public var doubleValue: Double { value.doubleValue }
    @inlinable public var extendedValue: ExtendedReal { value.extendedValue }
    @inlinable public static var machineEpsilon: Self { Self(value: Base.machineEpsilon) }
    @inlinable public static var leastNormalMagnitude: Self { Self(value: Base.leastNormalMagnitude) }
    @inlinable public var isFinite: Bool { value.isFinite }
    @inlinable public var magnitude: Self { Self(value: value.magnitude) }

    @inlinable static func unary(_ kind: OperationKind, _ x: Self, _ f: (Base) -> Base) -> Self {
        willPerform(kind, count: 1)
        return Self(value: f(x.value))
    }

    @inlinable static func binary(_ kind: OperationKind, _ x: Self, _ y: Self, _ f: (Base, Base) -> Base) -> Self {
        willPerform(kind, count: 1)
        return Self(value: f(x.value, y.value))
    }

    @inlinable public static func + (lhs: Self, rhs: Self) -> Self { binary(.addition, lhs, rhs, +) }
    @inlinable public static func - (lhs: Self, rhs: Self) -> Self { binary(.addition, lhs, rhs, -) }
    @inlinable public static func * (lhs: Self, rhs: Self) -> Self { binary(.multiplication, lhs, rhs, *) }
    @inlinable public static func / (lhs: Self, rhs: Self) -> Self { binary(.division, lhs, rhs, /) }
    @inlinable public static prefix func - (operand: Self) -> Self { unary(.addition, operand) { -$0 } }

    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool {
        willPerform(.comparison, count: 1)
        let outcome = lhs.value < rhs.value
        didCompare(outcome)
        return outcome
    }

    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        willPerform(.comparison, count: 1)
        let outcome = lhs.value == rhs.value
        didCompare(outcome)
        return outcome
    }

    /// xⁿ by the base type, counted as the multiplications of repeated squaring
    /// (⌊log₂|n|⌋ squarings + popcount(|n|) − 1 products) and one division for n < 0.
    @inlinable public static func pow(_ x: Self, _ n: Int) -> Self {
        let m = n.magnitude
        let multiplications = m <= 1 ? 0 : (Int.bitWidth - m.leadingZeroBitCount - 1) + m.nonzeroBitCount - 1
        willPerform(.multiplication, count: multiplications)
        if n < 0 { willPerform(.division, count: 1) }
        return Self(value: Base.pow(x.value, n))
    }

    @inlinable public static func exp(_ x: Self) -> Self { unary(.elementary, x, Base.exp) }
    @inlinable public static func expm1(_ x: Self) -> Self { unary(.elementary, x, Base.expm1) }
    @inlinable public static func log(_ x: Self) -> Self { unary(.elementary, x, Base.log) }
    @inlinable public static func log1p(_ x: Self) -> Self { unary(.elementary, x, Base.log1p) }
    @inlinable public static func log2(_ x: Self) -> Self { unary(.elementary, x, Base.log2) }
    @inlinable public static func log10(_ x: Self) -> Self { unary(.elementary, x, Base.log10) }
    @inlinable public static func sin(_ x: Self) -> Self { unary(.elementary, x, Base.sin) }
    @inlinable public static func cos(_ x: Self) -> Self { unary(.elementary, x, Base.cos) }
    @inlinable public static func tan(_ x: Self) -> Self { unary(.elementary, x, Base.tan) }
    @inlinable public static func asin(_ x: Self) -> Self { unary(.elementary, x, Base.asin) }
    @inlinable public static func acos(_ x: Self) -> Self { unary(.elementary, x, Base.acos) }
    @inlinable public static func atan(_ x: Self) -> Self { unary(.elementary, x, Base.atan) }
    @inlinable public static func sinh(_ x: Self) -> Self { unary(.elementary, x, Base.sinh) }
    @inlinable public static func cosh(_ x: Self) -> Self { unary(.elementary, x, Base.cosh) }
    @inlinable public static func tanh(_ x: Self) -> Self { unary(.elementary, x, Base.tanh) }
    @inlinable public static func sqrt(_ x: Self) -> Self { unary(.elementary, x, Base.sqrt) }
    @inlinable public static func cbrt(_ x: Self) -> Self { unary(.elementary, x, Base.cbrt) }
    @inlinable public static func erf(_ x: Self) -> Self { unary(.elementary, x, Base.erf) }
    @inlinable public static func atan2(y: Self, x: Self) -> Self {
        binary(.elementary, y, x) { Base.atan2(y: $0, x: $1) }
    }
    @inlinable public static func pow(_ x: Self, _ y: Self) -> Self { binary(.elementary, x, y, Base.pow) }
    @inlinable public static func hypot(_ x: Self, _ y: Self) -> Self { binary(.elementary, x, y, Base.hypot) }
}
