#if canImport(_Differentiation)
import _Differentiation
import GradCheckCore

/// Derivatives from Swift's `_Differentiation`, as plain arrays.
///
/// Swift's AD represents the tangent of `[Double]` as `Array<Double>.DifferentiableView`, whose zero is
/// the *empty* array: a function that does not depend on its input has the gradient `[]`. These helpers
/// turn that into n zeros and check every other length, so that callers always get an m × n Jacobian.
public enum SwiftAutoDiff {
    /// Why Swift's AD returned something that is not an m × n derivative.
    public struct ShapeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The gradient of `function` at `x` by reverse mode (one forward sweep, one pullback).
    public static func gradient(of function: @differentiable(reverse) ([Double]) -> Double, at x: [Double]) throws -> [Double] {
        try dense(_Differentiation.gradient(at: x, of: function).base, count: x.count)
    }

    /// The Jacobian rows of `function` at `x`: one pullback of the basis cotangent eᵢ per output i.
    public static func jacobian(of function: @differentiable(reverse) ([Double]) -> [Double], at x: [Double]) throws -> [[Double]] {
        let (value, pullback) = valueWithPullback(at: x, of: function)
        return try value.indices.map { i in
            var basis = [Double](repeating: 0, count: value.count)
            basis[i] = 1
            return try dense(pullback(Array<Double>.DifferentiableView(basis)).base, count: x.count)
        }
    }

    /// The Jacobian of a native form: one row for a scalar function.
    public static func jacobian(of form: NativeDifferentiableForm, at x: [Double]) throws -> [[Double]] {
        switch form {
        case .scalar(let function): [try gradient(of: function, at: x)]
        case .vector(let function): try jacobian(of: function, at: x)
        }
    }

    /// A tangent as n entries: the empty zero tangent becomes n zeros; any other wrong length throws.
    static func dense(_ tangent: [Double], count: Int) throws -> [Double] {
        if tangent.count == count { return tangent }
        if tangent.isEmpty { return [Double](repeating: 0, count: count) }
        throw ShapeError(description: "Swift's AD returned \(tangent.count) partials for \(count) inputs")
    }
}
#endif
