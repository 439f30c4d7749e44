import Foundation

/// `Float` computes with the platform's C math library (correctly rounded or within an ulp or two).
extension Float: RealNumber {
    @inlinable public init(extended: ExtendedReal) { self.init(extended) }
    @inlinable public var doubleValue: Double { Double(self) }
    @inlinable public var extendedValue: ExtendedReal { ExtendedReal(self) }
    @inlinable public static var machineEpsilon: Float { ulpOfOne }
    public static var precisionName: String { "Float" }
}

/// The elementary functions of `Float`, given in a constrained extension of the protocols rather than as
/// members of `Float` itself: a concrete call such as `Float.exp(x)` then prefers a library that declares its
/// own `Float.exp` (swift-numerics' `RealModule`) instead of being ambiguous, while generic code over
/// ``DifferentiableScalar`` still reaches these.
extension ScalarElementaryFunctions where Self == Float {
    @inlinable public static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    @inlinable public static func expm1(_ x: Float) -> Float { Foundation.expm1(x) }
    @inlinable public static func log(_ x: Float) -> Float { Foundation.log(x) }
    @inlinable public static func log1p(_ x: Float) -> Float { Foundation.log1p(x) }
    @inlinable public static func log2(_ x: Float) -> Float { Foundation.log2(x) }
    @inlinable public static func log10(_ x: Float) -> Float { Foundation.log10(x) }
    @inlinable public static func sin(_ x: Float) -> Float { Foundation.sin(x) }
    @inlinable public static func cos(_ x: Float) -> Float { Foundation.cos(x) }
    @inlinable public static func tan(_ x: Float) -> Float { Foundation.tan(x) }
    @inlinable public static func asin(_ x: Float) -> Float { Foundation.asin(x) }
    @inlinable public static func acos(_ x: Float) -> Float { Foundation.acos(x) }
    @inlinable public static func atan(_ x: Float) -> Float { Foundation.atan(x) }
    @inlinable public static func atan2(y: Float, x: Float) -> Float { Foundation.atan2(y, x) }
    @inlinable public static func sinh(_ x: Float) -> Float { Foundation.sinh(x) }
    @inlinable public static func cosh(_ x: Float) -> Float { Foundation.cosh(x) }
    @inlinable public static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    @inlinable public static func sqrt(_ x: Float) -> Float { x.squareRoot() }
    @inlinable public static func cbrt(_ x: Float) -> Float { Foundation.cbrt(x) }
    @inlinable public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
    @inlinable public static func hypot(_ x: Float, _ y: Float) -> Float { Foundation.hypot(x, y) }
    @inlinable public static func erf(_ x: Float) -> Float { Foundation.erf(x) }
}

extension DifferentiableScalar where Self == Float {
    @inlinable public static func pow(_ x: Float, _ n: Int) -> Float { Foundation.pow(x, Float(n)) }
}
