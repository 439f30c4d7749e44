import Foundation
import GradCheckCore

/// A `Double` in disguise: a scalar type of its own, so that evaluation takes the generic, sequential
/// path, with every operation exactly what the `Double` path computes (`x^2` as `x * x`).
struct Plain: DifferentiableScalar {
    var value: Double
    init(_ constant: Double) { value = constant }

    static func + (a: Plain, b: Plain) -> Plain { Plain(a.value + b.value) }
    static func - (a: Plain, b: Plain) -> Plain { Plain(a.value - b.value) }
    static func * (a: Plain, b: Plain) -> Plain { Plain(a.value * b.value) }
    static func / (a: Plain, b: Plain) -> Plain { Plain(a.value / b.value) }
    static prefix func - (a: Plain) -> Plain { Plain(-a.value) }
    static func < (a: Plain, b: Plain) -> Bool { a.value < b.value }
    static func == (a: Plain, b: Plain) -> Bool { a.value == b.value }
    static func <= (a: Plain, b: Plain) -> Bool { a.value <= b.value }
    static func >= (a: Plain, b: Plain) -> Bool { a.value >= b.value }
    static func > (a: Plain, b: Plain) -> Bool { a.value > b.value }
    static func pow(_ x: Plain, _ n: Int) -> Plain { n == 2 ? x * x : Plain(Double.pow(x.value, n)) }

    static func exp(_ x: Plain) -> Plain { Plain(Double.exp(x.value)) }
    static func expm1(_ x: Plain) -> Plain { Plain(Double.expm1(x.value)) }
    static func log(_ x: Plain) -> Plain { Plain(Double.log(x.value)) }
    static func log1p(_ x: Plain) -> Plain { Plain(Double.log1p(x.value)) }
    static func log2(_ x: Plain) -> Plain { Plain(Double.log2(x.value)) }
    static func log10(_ x: Plain) -> Plain { Plain(Double.log10(x.value)) }
    static func sin(_ x: Plain) -> Plain { Plain(Double.sin(x.value)) }
    static func cos(_ x: Plain) -> Plain { Plain(Double.cos(x.value)) }
    static func tan(_ x: Plain) -> Plain { Plain(Double.tan(x.value)) }
    static func asin(_ x: Plain) -> Plain { Plain(Double.asin(x.value)) }
    static func acos(_ x: Plain) -> Plain { Plain(Double.acos(x.value)) }
    static func atan(_ x: Plain) -> Plain { Plain(Double.atan(x.value)) }
    static func atan2(y: Plain, x: Plain) -> Plain { Plain(Double.atan2(y: y.value, x: x.value)) }
    static func sinh(_ x: Plain) -> Plain { Plain(Double.sinh(x.value)) }
    static func cosh(_ x: Plain) -> Plain { Plain(Double.cosh(x.value)) }
    static func tanh(_ x: Plain) -> Plain { Plain(Double.tanh(x.value)) }
    static func sqrt(_ x: Plain) -> Plain { Plain(Double.sqrt(x.value)) }
    static func cbrt(_ x: Plain) -> Plain { Plain(Double.cbrt(x.value)) }
    static func pow(_ x: Plain, _ y: Plain) -> Plain { Plain(Double.pow(x.value, y.value)) }
    static func hypot(_ x: Plain, _ y: Plain) -> Plain { Plain(Double.hypot(x.value, y.value)) }
    static func erf(_ x: Plain) -> Plain { Plain(Double.erf(x.value)) }
}

/// A forward-mode dual number a + b·ε: the derivative along one direction, exact up to rounding.
struct Dual: DifferentiableScalar {
    var value: Double
    var tangent: Double
    init(_ constant: Double) { (value, tangent) = (constant, 0) }
    init(_ value: Double, _ tangent: Double) { (self.value, self.tangent) = (value, tangent) }

    static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.tangent + b.tangent) }
    static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.tangent - b.tangent) }
    static func * (a: Dual, b: Dual) -> Dual { Dual(a.value * b.value, a.tangent * b.value + a.value * b.tangent) }
    static func / (a: Dual, b: Dual) -> Dual {
        Dual(a.value / b.value, (a.tangent * b.value - a.value * b.tangent) / (b.value * b.value))
    }
    static prefix func - (a: Dual) -> Dual { Dual(-a.value, -a.tangent) }
    static func < (a: Dual, b: Dual) -> Bool { a.value < b.value }
    static func == (a: Dual, b: Dual) -> Bool { a.value == b.value }
    static func pow(_ x: Dual, _ n: Int) -> Dual {
        Dual(Double.pow(x.value, n), n == 0 ? 0 : Double(n) * Double.pow(x.value, n - 1) * x.tangent)
    }

    func chain(_ f: Double, _ df: Double) -> Dual { Dual(f, df * tangent) }
    static func exp(_ x: Dual) -> Dual { let e = Double.exp(x.value); return x.chain(e, e) }
    static func expm1(_ x: Dual) -> Dual { x.chain(Double.expm1(x.value), Double.exp(x.value)) }
    static func log(_ x: Dual) -> Dual { x.chain(Double.log(x.value), 1 / x.value) }
    static func log1p(_ x: Dual) -> Dual { x.chain(Double.log1p(x.value), 1 / (1 + x.value)) }
    static func log2(_ x: Dual) -> Dual { x.chain(Double.log2(x.value), 1 / (x.value * Double.log(2))) }
    static func log10(_ x: Dual) -> Dual { x.chain(Double.log10(x.value), 1 / (x.value * Double.log(10))) }
    static func sin(_ x: Dual) -> Dual { x.chain(Double.sin(x.value), Double.cos(x.value)) }
    static func cos(_ x: Dual) -> Dual { x.chain(Double.cos(x.value), -Double.sin(x.value)) }
    static func tan(_ x: Dual) -> Dual { let t = Double.tan(x.value); return x.chain(t, 1 + t * t) }
    static func asin(_ x: Dual) -> Dual { x.chain(Double.asin(x.value), 1 / (1 - x.value * x.value).squareRoot()) }
    static func acos(_ x: Dual) -> Dual { x.chain(Double.acos(x.value), -1 / (1 - x.value * x.value).squareRoot()) }
    static func atan(_ x: Dual) -> Dual { x.chain(Double.atan(x.value), 1 / (1 + x.value * x.value)) }
    static func atan2(y: Dual, x: Dual) -> Dual {
        let r = x.value * x.value + y.value * y.value
        return Dual(Double.atan2(y: y.value, x: x.value), (x.value * y.tangent - y.value * x.tangent) / r)
    }
    static func sinh(_ x: Dual) -> Dual { x.chain(Double.sinh(x.value), Double.cosh(x.value)) }
    static func cosh(_ x: Dual) -> Dual { x.chain(Double.cosh(x.value), Double.sinh(x.value)) }
    static func tanh(_ x: Dual) -> Dual { let t = Double.tanh(x.value); return x.chain(t, 1 - t * t) }
    static func sqrt(_ x: Dual) -> Dual { let r = x.value.squareRoot(); return x.chain(r, 1 / (2 * r)) }
    static func cbrt(_ x: Dual) -> Dual { let r = Double.cbrt(x.value); return x.chain(r, 1 / (3 * r * r)) }
    static func pow(_ x: Dual, _ y: Dual) -> Dual { exp(y * log(x)) }
    static func hypot(_ x: Dual, _ y: Dual) -> Dual { sqrt(x * x + y * y) }
    static func erf(_ x: Dual) -> Dual {
        x.chain(Double.erf(x.value), 2 / Double.pi.squareRoot() * Double.exp(-x.value * x.value))
    }

    /// The Jacobian of `f` at `x` by one forward pass per input.
    static func jacobian(of f: ([Dual]) throws -> [Dual], at x: [Double]) rethrows -> [[Double]] {
        var columns: [[Double]] = []
        for direction in x.indices {
            let seeded = x.indices.map { Dual(x[$0], $0 == direction ? 1 : 0) }
            columns.append(try f(seeded).map(\.tangent))
        }
        guard let rows = columns.first?.count else { return [] }
        return (0..<rows).map { row in columns.map { $0[row] } }
    }
}
