import GradCheckCore

// Test functions and independent evidence (central differences, closed forms) shared by the forward- and
// reverse-mode tests. Only fixtures live here: each mode's tests keep their own expectations, and nothing
// here computes a derivative by either mode's rules.

/// A test function with the bookkeeping defaulted: only the inputs, outputs and program are given.
public protocol ExampleFunction: TestFunction {}

public extension ExampleFunction {
    var id: FunctionID { FunctionID(suite: "tests", name: "\(Self.self)") }
    var summary: String { "a function of the AD tests" }
    var sampling: Sampling { Sampling() }
    var hasHandCodedDerivative: Bool { false }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("no hand-coded derivative")
    }
}

/// A function of one variable from the elementary set (and the composites and integer powers built on
/// it), with the points where it is checked and its derivative in closed form.
public enum UnaryCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case exp, expm1, log, log1p, log2, log10, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, sqrt, cbrt, erf
    case square, cube, inverseSquare, firstPower, zerothPower
    case cot, sigmoid, softplus, abs

    public var description: String { rawValue }

    public func apply<S: DifferentiableScalar>(_ x: S) -> S {
        switch self {
        case .exp: S.exp(x)
        case .expm1: S.expm1(x)
        case .log: S.log(x)
        case .log1p: S.log1p(x)
        case .log2: S.log2(x)
        case .log10: S.log10(x)
        case .sin: S.sin(x)
        case .cos: S.cos(x)
        case .tan: S.tan(x)
        case .asin: S.asin(x)
        case .acos: S.acos(x)
        case .atan: S.atan(x)
        case .sinh: S.sinh(x)
        case .cosh: S.cosh(x)
        case .tanh: S.tanh(x)
        case .sqrt: S.sqrt(x)
        case .cbrt: S.cbrt(x)
        case .erf: S.erf(x)
        case .square: S.pow(x, 2)
        case .cube: S.pow(x, 3)
        case .inverseSquare: S.pow(x, -2)
        case .firstPower: S.pow(x, 1)
        case .zerothPower: S.pow(x, 0)
        case .cot: S.cot(x)
        case .sigmoid: S.sigmoid(x)
        case .softplus: S.softplus(x)
        case .abs: S.abs(x)
        }
    }

    /// The derivative written out by hand.
    public func closedForm(_ x: ExtendedReal) -> ExtendedReal {
        typealias E = ExtendedReal
        return switch self {
        case .exp, .expm1: E.exp(x)
        case .log: 1 / x
        case .log1p: 1 / (1 + x)
        case .log2: 1 / (x * E.log(2))
        case .log10: 1 / (x * E.log(10))
        case .sin: E.cos(x)
        case .cos: -E.sin(x)
        case .tan: 1 / (E.cos(x) * E.cos(x))
        case .asin: 1 / (1 - x * x).squareRoot()
        case .acos: -1 / (1 - x * x).squareRoot()
        case .atan: 1 / (1 + x * x)
        case .sinh: E.cosh(x)
        case .cosh: E.sinh(x)
        case .tanh: 1 / (E.cosh(x) * E.cosh(x))
        case .sqrt: 1 / (2 * x.squareRoot())
        case .cbrt: 1 / (3 * E.cbrt(x) * E.cbrt(x))
        case .erf: 2 / E.pi.squareRoot() * E.exp(-x * x)
        case .square: 2 * x
        case .cube: 3 * x * x
        case .inverseSquare: -2 / (x * x * x)
        case .firstPower: 1
        case .zerothPower: 0
        case .cot: -1 / (E.sin(x) * E.sin(x))
        case .sigmoid: E.exp(-x) / ((1 + E.exp(-x)) * (1 + E.exp(-x)))
        case .softplus: 1 / (1 + E.exp(-x))
        case .abs: x < 0 ? -1 : 1
        }
    }

    /// Points inside the domain, away from kinks and singularities, negative ones wherever defined.
    public var points: [Double] {
        switch self {
        case .exp: [-1.3, 0.2, 2.5]
        case .expm1: [-2, 1e-3, 1.7]
        case .log, .log2, .log10: [0.3, 1, 7.5]
        case .log1p: [-0.6, 1e-3, 4]
        case .sin, .cos: [-2, 0.5, 3]
        case .tan: [-1.2, 0.3, 1.4]
        case .asin, .acos: [-0.9, 0.1, 0.75]
        case .atan: [-3, 0.2, 10]
        case .sinh, .cosh, .tanh: [-2, 0.3, 1.5]
        case .sqrt: [0.04, 2, 100]
        case .cbrt: [-8, -0.3, 0.5, 27]
        case .erf: [-1.5, 0.2, 2]
        case .square, .cube, .inverseSquare, .firstPower, .zerothPower: [-1.5, 0.7, 3]
        case .cot: [-2, 0.4, 2.5]
        case .sigmoid, .softplus: [-3, 0.5, 4]
        case .abs: [-2.5, 1.25]
        }
    }
}

/// A function of two variables from the elementary set.
public enum BinaryCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case atan2, pow, hypot

    public var description: String { rawValue }

    public func apply<S: DifferentiableScalar>(_ x: S, _ y: S) -> S {
        switch self {
        case .atan2: S.atan2(y: x, x: y)
        case .pow: S.pow(x, y)
        case .hypot: S.hypot(x, y)
        }
    }

    public var points: [(Double, Double)] {
        switch self {
        case .atan2: [(1, 2), (-0.5, -1.5), (2, -0.3)]
        case .pow: [(1.5, 2.3), (0.4, -1.7), (3, 0.5)]
        case .hypot: [(3, 4), (-1e-3, 2), (-2, -5)]
        }
    }
}

public struct Unary: ExampleFunction {
    public let function: UnaryCase
    public init(function: UnaryCase) { self.function = function }
    public var inputNames: [String] { ["x"] }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [function.apply(x[0])] }
}

public struct Binary: ExampleFunction {
    public let function: BinaryCase
    public init(function: BinaryCase) { self.function = function }
    public var inputNames: [String] { ["x", "y"] }
    public var outputCount: Int { 1 }
    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [function.apply(x[0], x[1])] }
}

/// The central difference (f(x + h) − f(x − h))/(2h) with h = ε^(1/3)·max(1, |x|), divided by the
/// representable step actually taken; error O(ε^(2/3)) relative for smooth f.
public func centralDifference(_ f: (ExtendedReal) -> ExtendedReal, at x: ExtendedReal) -> ExtendedReal {
    let h = ExtendedReal.cbrt(ExtendedReal.machineEpsilon) * Swift.max(1, x.magnitude)
    let (above, below) = (x + h, x - h)
    return (f(above) - f(below)) / (above - below)
}

/// The tolerance for comparing a derivative with a central difference in extended precision.
public let differenceTolerance = 1e4 * Double.pow(ExtendedReal.machineEpsilon.doubleValue, 2.0 / 3.0)

/// The tolerance for comparing a derivative with its closed form in extended precision.
public let closedFormTolerance = 1e4 * ExtendedReal.machineEpsilon.doubleValue

/// Whether `a` agrees with `b` to relative tolerance `rtol` (absolute below magnitude 1).
public func close<T: BinaryFloatingPoint>(_ a: T, _ b: T, rtol: Double) -> Bool {
    (a - b).magnitude <= T(rtol) * Swift.max(1, b.magnitude)
}
