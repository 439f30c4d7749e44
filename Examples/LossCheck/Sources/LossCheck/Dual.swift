import Foundation

/// A dual number a + b·ε with ε² = 0: the project's own forward mode, used for directional derivatives.
///
/// Its name is also the name of a type inside GradCheck; `import GradCheckTesting` re-exports only the
/// vocabulary of the assertions, so the two never make `Dual` ambiguous in this project's tests.
public struct Dual: Sendable {
    /// The value a.
    public var value: Double
    /// The derivative part b.
    public var derivative: Double

    public init(_ value: Double, derivative: Double = 0) {
        self.value = value
        self.derivative = derivative
    }

    public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, derivative: a.derivative + b.derivative) }
    public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, derivative: a.derivative - b.derivative) }
    public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, derivative: a.derivative * b.value + a.value * b.derivative)
    }
    public static prefix func - (a: Dual) -> Dual { Dual(-a.value, derivative: -a.derivative) }

    /// exp(a + bε) = eᵃ + b·eᵃ·ε.
    public static func exp(_ a: Dual) -> Dual {
        let e = Foundation.exp(a.value)
        return Dual(e, derivative: a.derivative * e)
    }

    /// log(1 + (a + bε)) = log1p(a) + b/(1 + a)·ε.
    public static func log1p(_ a: Dual) -> Dual {
        Dual(Foundation.log1p(a.value), derivative: a.derivative / (1 + a.value))
    }
}
