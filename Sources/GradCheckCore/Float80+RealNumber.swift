#if arch(x86_64) && !os(Windows) && !os(Android)
import Foundation

/// `Float80` computes with the platform's C math library (correctly rounded or within an ulp or two).
extension Float80: RealNumber {
    @inlinable public init(extended: ExtendedReal) { self.init(extended) }
    @inlinable public var doubleValue: Double { Double(self) }
    @inlinable public var extendedValue: ExtendedReal { self }
    @inlinable public static var machineEpsilon: Float80 { ulpOfOne }
    public static var precisionName: String { "Float80" }
}

/// The elementary functions of `Float80`, given in a constrained extension of the protocols rather than as
/// members of `Float80` itself: a concrete call such as `Float80.exp(x)` then prefers a library that declares its
/// own `Float80.exp` (swift-numerics' `RealModule`) instead of being ambiguous, while generic code over
/// ``DifferentiableScalar`` still reaches these.
extension ScalarElementaryFunctions where Self == Float80 {
    @inlinable public static func exp(_ x: Float80) -> Float80 { Foundation.exp(x) }
    @inlinable public static func expm1(_ x: Float80) -> Float80 { Foundation.expm1(x) }
    @inlinable public static func log(_ x: Float80) -> Float80 { Foundation.log(x) }
    @inlinable public static func log1p(_ x: Float80) -> Float80 { Foundation.log1p(x) }
    @inlinable public static func log2(_ x: Float80) -> Float80 { Foundation.log2(x) }
    @inlinable public static func log10(_ x: Float80) -> Float80 { Foundation.log10(x) }
    @inlinable public static func sin(_ x: Float80) -> Float80 { Foundation.sin(x) }
    @inlinable public static func cos(_ x: Float80) -> Float80 { Foundation.cos(x) }
    @inlinable public static func tan(_ x: Float80) -> Float80 { Foundation.tan(x) }
    @inlinable public static func asin(_ x: Float80) -> Float80 { Foundation.asin(x) }
    @inlinable public static func acos(_ x: Float80) -> Float80 { Foundation.acos(x) }
    @inlinable public static func atan(_ x: Float80) -> Float80 { Foundation.atan(x) }
    @inlinable public static func atan2(y: Float80, x: Float80) -> Float80 { Foundation.atan2(y, x) }
    @inlinable public static func sinh(_ x: Float80) -> Float80 { Foundation.sinh(x) }
    @inlinable public static func cosh(_ x: Float80) -> Float80 { Foundation.cosh(x) }
    @inlinable public static func tanh(_ x: Float80) -> Float80 { Foundation.tanh(x) }
    @inlinable public static func sqrt(_ x: Float80) -> Float80 { x.squareRoot() }
    @inlinable public static func cbrt(_ x: Float80) -> Float80 { Foundation.cbrt(x) }
    @inlinable public static func pow(_ x: Float80, _ y: Float80) -> Float80 { Foundation.pow(x, y) }
    @inlinable public static func hypot(_ x: Float80, _ y: Float80) -> Float80 { Foundation.hypot(x, y) }
    @inlinable public static func erf(_ x: Float80) -> Float80 { Foundation.erf(x) }
}

extension DifferentiableScalar where Self == Float80 {
    @inlinable public static func pow(_ x: Float80, _ n: Int) -> Float80 { Foundation.pow(x, Float80(n)) }
}
#endif
