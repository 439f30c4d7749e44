import GradCheckCore
import GradCheckSymbolic

typealias E = SymbolicExpression

/// A test function defined by its generic body only (no hand-coded derivative).
protocol PlainTestFunction: TestFunction {}

extension PlainTestFunction {
    var summary: String { "" }
    var outputCount: Int { 1 }
    var sampling: Sampling { Sampling() }
    var hasHandCodedDerivative: Bool { false }
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        throw StrategyError.unsupported("none")
    }
}

/// The first article's example: f(x1, x2) = x1·sqrt(log(x1/sin(x2²))).
struct Nutty: PlainTestFunction {
    var id: FunctionID { FunctionID(suite: "tests", name: "nutty") }
    var inputNames: [String] { ["x1", "x2"] }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        [x[0] * S.sqrt(S.log(x[0] / S.sin(x[1] * x[1])))]
    }
}

/// Branches, a data-dependent loop and composites that branch (abs, max, sigmoid).
struct Branchy: PlainTestFunction {
    var id: FunctionID { FunctionID(suite: "tests", name: "branchy") }
    var inputNames: [String] { ["x1", "x2"] }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        var y = x[1] > 0.5 ? x[0] * x[1] : x[0] + x[1]
        y = y + S.abs(x[0])
        var z = x[0]
        while z > 1 { z = z / 2 }
        return [y + S.max(z, x[1]) + S.sigmoid(x[0])]
    }
}

/// Two outputs, composites without branches (cot, and constants combined before any input).
struct TwoOutputs: PlainTestFunction {
    var id: FunctionID { FunctionID(suite: "tests", name: "two-outputs") }
    var inputNames: [String] { ["a", "b", "c"] }
    var outputCount: Int { 2 }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        let third = S(1) / S(3)
        return [x[0] * x[1] + S.cot(x[2]) * third, S.exp(x[0]) / S.hypot(x[1], x[2]) - S.atan2(y: x[1], x: x[0])]
    }
}

/// The relative error |a − b| / max(|b|, floor).
func relativeError<T: BinaryFloatingPoint>(_ a: T, _ b: T, floor: T = 1e-300) -> T {
    (a - b).magnitude / max(b.magnitude, floor)
}

/// The central difference (f(x + h) − f(x − h)) / 2h of an expression in input `i`, in Float80.
func centralDifference(_ e: E, at point: [Float80], input i: Int, h: Float80 = 1e-6) -> Float80 {
    var plus = point, minus = point
    plus[i] += h
    minus[i] -= h
    return (e.evaluate(at: plus) - e.evaluate(at: minus)) / (2 * h)
}
