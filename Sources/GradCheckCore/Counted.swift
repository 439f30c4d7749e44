/// A real number that tallies every operation performed on it into the current ``OperationTally``.
///
/// `Counted<Double>` computes exactly what `Double` computes; the only difference is the count. Running a
/// strategy over `Counted<R>` therefore *measures* its operation count (a dual number's multiplication
/// counts the real multiplications and additions it does, a tape's reverse sweep counts its adjoint
/// updates), rather than estimating it.
///
/// Counting rules: `+`, `−`, unary minus: 1 addition; `×`: 1 multiplication; `÷`: 1 division; each
/// elementary function: 1 elementary call; an integer power xⁿ: the multiplications of repeated squaring
/// (n = 2 is one multiplication); each comparison: 1 comparison.
public struct Counted<Base: RealNumber>: RealNumber {
    /// The underlying value.
    public var value: Base

    @inlinable public init(value: Base) { self.value = value }
    @inlinable public init(_ constant: Double) { value = Base(constant) }
    @inlinable public init(extended: ExtendedReal) { value = Base(extended: extended) }

    @inlinable public var doubleValue: Double { value.doubleValue }
    @inlinable public var extendedValue: ExtendedReal { value.extendedValue }
    @inlinable public static var machineEpsilon: Counted { Counted(value: Base.machineEpsilon) }
    @inlinable public var isFinite: Bool { value.isFinite }
    @inlinable public var magnitude: Counted { Counted(value: value.magnitude) }
    public static var precisionName: String { "Counted<\(Base.precisionName)>" }

    @inlinable static func unary(_ kind: OperationKind, _ x: Counted, _ f: (Base) -> Base) -> Counted {
        OperationTally.record(kind)
        return Counted(value: f(x.value))
    }

    @inlinable static func binary(
        _ kind: OperationKind, _ x: Counted, _ y: Counted, _ f: (Base, Base) -> Base
    ) -> Counted {
        OperationTally.record(kind)
        return Counted(value: f(x.value, y.value))
    }

    @inlinable public static func + (lhs: Counted, rhs: Counted) -> Counted { binary(.addition, lhs, rhs, +) }
    @inlinable public static func - (lhs: Counted, rhs: Counted) -> Counted { binary(.addition, lhs, rhs, -) }
    @inlinable public static func * (lhs: Counted, rhs: Counted) -> Counted {
        binary(.multiplication, lhs, rhs, *)
    }
    @inlinable public static func / (lhs: Counted, rhs: Counted) -> Counted { binary(.division, lhs, rhs, /) }
    @inlinable public static prefix func - (operand: Counted) -> Counted { unary(.addition, operand) { -$0 } }

    @inlinable public static func < (lhs: Counted, rhs: Counted) -> Bool {
        OperationTally.record(.comparison)
        return lhs.value < rhs.value
    }

    @inlinable public static func == (lhs: Counted, rhs: Counted) -> Bool {
        OperationTally.record(.comparison)
        return lhs.value == rhs.value
    }

    @inlinable public static func pow(_ x: Counted, _ n: Int) -> Counted {
        let m = n.magnitude
        let multiplications = m <= 1 ? 0 : (Int.bitWidth - m.leadingZeroBitCount - 1) + m.nonzeroBitCount - 1
        OperationTally.record(.multiplication, count: multiplications)
        if n < 0 { OperationTally.record(.division) }
        return Counted(value: Base.pow(x.value, n))
    }

    @inlinable public static func exp(_ x: Counted) -> Counted { unary(.elementary, x, Base.exp) }
    @inlinable public static func expm1(_ x: Counted) -> Counted { unary(.elementary, x, Base.expm1) }
    @inlinable public static func log(_ x: Counted) -> Counted { unary(.elementary, x, Base.log) }
    @inlinable public static func log1p(_ x: Counted) -> Counted { unary(.elementary, x, Base.log1p) }
    @inlinable public static func log2(_ x: Counted) -> Counted { unary(.elementary, x, Base.log2) }
    @inlinable public static func log10(_ x: Counted) -> Counted { unary(.elementary, x, Base.log10) }
    @inlinable public static func sin(_ x: Counted) -> Counted { unary(.elementary, x, Base.sin) }
    @inlinable public static func cos(_ x: Counted) -> Counted { unary(.elementary, x, Base.cos) }
    @inlinable public static func tan(_ x: Counted) -> Counted { unary(.elementary, x, Base.tan) }
    @inlinable public static func asin(_ x: Counted) -> Counted { unary(.elementary, x, Base.asin) }
    @inlinable public static func acos(_ x: Counted) -> Counted { unary(.elementary, x, Base.acos) }
    @inlinable public static func atan(_ x: Counted) -> Counted { unary(.elementary, x, Base.atan) }
    @inlinable public static func sinh(_ x: Counted) -> Counted { unary(.elementary, x, Base.sinh) }
    @inlinable public static func cosh(_ x: Counted) -> Counted { unary(.elementary, x, Base.cosh) }
    @inlinable public static func tanh(_ x: Counted) -> Counted { unary(.elementary, x, Base.tanh) }
    @inlinable public static func sqrt(_ x: Counted) -> Counted { unary(.elementary, x, Base.sqrt) }
    @inlinable public static func cbrt(_ x: Counted) -> Counted { unary(.elementary, x, Base.cbrt) }
    @inlinable public static func erf(_ x: Counted) -> Counted { unary(.elementary, x, Base.erf) }
    @inlinable public static func atan2(y: Counted, x: Counted) -> Counted {
        binary(.elementary, y, x) { Base.atan2(y: $0, x: $1) }
    }
    @inlinable public static func pow(_ x: Counted, _ y: Counted) -> Counted { binary(.elementary, x, y, Base.pow) }
    @inlinable public static func hypot(_ x: Counted, _ y: Counted) -> Counted {
        binary(.elementary, x, y, Base.hypot)
    }
}
