import GradCheckCore

/// A scalar function of an array, written once over any ``DifferentiableScalar`` — the shape a user's
/// loss takes when it is written for GradCheck. The check runs it with exact extended-precision forward
/// mode to get the reference, so a hand-written gradient is held to rounding-level accuracy.
///
/// ```swift
/// struct Loss: GenericScalarFunction {
///     func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
///         x[0] * x[0] + S.sin(x[1])
///     }
/// }
/// ```
/// Comparisons (`<`, `>`, …) look at values, so `if` and loops on data work as usual.
public protocol GenericScalarFunction: Sendable {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S
}

/// A vector-valued function of an array, written once over any ``DifferentiableScalar``; its derivative
/// is the Jacobian (one row per output).
public protocol GenericVectorFunction: Sendable {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> [S]
}

/// A ``GenericScalarFunction`` as a ``TestFunction`` with `inputCount` inputs named `x[0]`, `x[1]`, ….
struct ScalarFunctionAdapter<Function: GenericScalarFunction>: TestFunction {
    let function: Function
    let inputCount: Int
    var id: FunctionID { FunctionID(suite: "test", name: String(describing: Function.self)) }
    var summary: String { "a generic scalar function under test" }
    var inputNames: [String] { EntryComparison.arrayInputNames(inputCount) }
    var outputCount: Int { 1 }
    var sampling: Sampling { Sampling() }
    var hasHandCodedDerivative: Bool { false }

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [try function(x)] }

    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("the derivative under test is passed to the check")
    }
}

/// A ``GenericVectorFunction`` as a ``TestFunction`` with `inputCount` inputs and `outputCount` outputs.
struct VectorFunctionAdapter<Function: GenericVectorFunction>: TestFunction {
    let function: Function
    let inputCount: Int
    let outputCount: Int
    var id: FunctionID { FunctionID(suite: "test", name: String(describing: Function.self)) }
    var summary: String { "a generic vector function under test" }
    var inputNames: [String] { EntryComparison.arrayInputNames(inputCount) }
    var sampling: Sampling { Sampling() }
    var hasHandCodedDerivative: Bool { false }

    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { try function(x) }

    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("the derivative under test is passed to the check")
    }
}
