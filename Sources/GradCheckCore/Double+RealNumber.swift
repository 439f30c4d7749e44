import Foundation

/// `Double` computes with the platform's C math library (correctly rounded or within an ulp or two).
extension Double: RealNumber {
    @inlinable public init(extended: ExtendedReal) { self.init(extended) }
    @inlinable public var doubleValue: Double { Double(self) }
    @inlinable public var extendedValue: ExtendedReal { ExtendedReal(self) }
    @inlinable public static var machineEpsilon: Double { ulpOfOne }
    public static var precisionName: String { "Double" }
}

/// The elementary functions of `Double`, given in a constrained extension of the protocols rather than as
/// members of `Double` itself: a concrete call such as `Double.exp(x)` then prefers a library that declares its
/// own `Double.exp` (swift-numerics' `RealModule`) instead of being ambiguous, while generic code over
/// ``DifferentiableScalar`` still reaches these.
extension ScalarElementaryFunctions where Self == Double {
    @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inlinable public static func expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inlinable public static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    @inlinable public static func log2(_ x: Double) -> Double { Foundation.log2(x) }
    @inlinable public static func log10(_ x: Double) -> Double { Foundation.log10(x) }
    @inlinable public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    @inlinable public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    @inlinable public static func tan(_ x: Double) -> Double { Foundation.tan(x) }
    @inlinable public static func asin(_ x: Double) -> Double { Foundation.asin(x) }
    @inlinable public static func acos(_ x: Double) -> Double { Foundation.acos(x) }
    @inlinable public static func atan(_ x: Double) -> Double { Foundation.atan(x) }
    @inlinable public static func atan2(y: Double, x: Double) -> Double { Foundation.atan2(y, x) }
    @inlinable public static func sinh(_ x: Double) -> Double { Foundation.sinh(x) }
    @inlinable public static func cosh(_ x: Double) -> Double { Foundation.cosh(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inlinable public static func cbrt(_ x: Double) -> Double { Foundation.cbrt(x) }
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    @inlinable public static func hypot(_ x: Double, _ y: Double) -> Double { Foundation.hypot(x, y) }
    @inlinable public static func erf(_ x: Double) -> Double { Foundation.erf(x) }
}

extension DifferentiableScalar where Self == Double {
    @inlinable public static func pow(_ x: Double, _ n: Int) -> Double { Foundation.pow(x, Double(n)) }
}
