/// A real number that tallies every operation performed on it into the current ``OperationTally``.
///
/// `Counted<Double>` computes exactly what `Double` computes; the only difference is the count. Running a
/// strategy over `Counted<R>` therefore *measures* its operation count (a dual number's multiplication
/// counts the real multiplications and additions it does, a tape's reverse sweep counts its adjoint
/// updates), rather than estimating it.
///
/// Counting rules (see ``InstrumentedReal``): `+`, `−`, unary minus: 1 addition; `×`: 1 multiplication;
/// `÷`: 1 division; each elementary function: 1 elementary call; an integer power xⁿ: the
/// multiplications of repeated squaring (n = 2 is one multiplication); each comparison: 1 comparison.
public struct Counted<Base: RealNumber>: InstrumentedReal {
    public var value: Base

    @inlinable public init(value: Base) { self.value = value }

    public static var precisionName: String { "Counted<\(Base.precisionName)>" }

    @inlinable public static func willPerform(_ kind: OperationKind, count: Int) {
        OperationTally.record(kind, count: count)
    }

    @inlinable public static func didCompare(_ outcome: Bool) {}
}
