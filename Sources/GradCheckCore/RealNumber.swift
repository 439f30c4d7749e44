/// A concrete real number type that strategies compute in: `Float`, `Double`, `Float80` (where it
/// exists) and ``Counted`` over any of them.
///
/// Strategies are generic over `RealNumber`, so the same strategy runs in single precision, double
/// precision, extended precision (the reference) and over the counting type (to measure operation
/// counts).
public protocol RealNumber: DifferentiableScalar {
    /// The value converted from extended precision, rounded to nearest.
    init(extended: ExtendedReal)
    /// The value rounded to `Double`.
    var doubleValue: Double { get }
    /// The value widened to ``ExtendedReal`` (exact for every conformer).
    var extendedValue: ExtendedReal { get }
    /// The machine epsilon: the distance from 1 to the next larger representable value.
    static var machineEpsilon: Self { get }
    /// The smallest positive normal number; below it values are subnormal and lose relative precision.
    static var leastNormalMagnitude: Self { get }
    /// True unless the value is NaN or ±∞.
    var isFinite: Bool { get }
    /// The absolute value, without recording a branch.
    var magnitude: Self { get }
    /// A short name for reports: "Float", "Double", "Float80".
    static var precisionName: String { get }
}
