// One file that imports GradCheckTesting and swift-numerics together, as a numerical project would: it
// compiles only if no name of GradCheck's vocabulary is ambiguous with Numerics' (`ElementaryFunctions`,
// `Real`, `Double.exp`, `Float.sin`, `Double.pow(_:_:)`, …). Built by CI/check-numerics-names.sh.
import Foundation
import GradCheckTesting
import Numerics

/// Generic over swift-numerics' protocols.
func numericsSoftplus<T: Real>(_ x: T) -> T { T.log(1 + T.exp(x)) }
func numericsElementary<T: ElementaryFunctions>(_ x: T) -> T { T.sin(T.cos(x)) }

/// Generic over GradCheck's.
struct Probe: GenericScalarFunction {
    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S { S.exp(x[0]) * S.sin(x[1]) + S.pow(x[0], 3) }
}

// Concrete calls, which both libraries declare for Double and Float.
// One value per statement, typed: a single literal of them all is too slow to type-check.
var concrete: [Double] = []
concrete.append(Double.exp(1))
concrete.append(Double.log(2))
concrete.append(Double.pow(2.0, 3))
concrete.append(Double.sqrt(2))
concrete.append(Double.atan2(y: 1, x: 2))
concrete.append(Double.hypot(3, 4))
let sine: Float = Float.sin(0.5)
concrete.append(Double(sine))
let erf: Float = Float.erf(0.5)
concrete.append(Double(erf))
let implicitMember: Double = .log1p(0.25)
concrete.append(implicitMember)
concrete.append(numericsSoftplus(0.5))
concrete.append(numericsElementary(0.5))
func probeGradient(_ x: [Double]) -> [Double] {
    let e: Double = Double.exp(x[0])
    let first: Double = e * Double.sin(x[1]) + 3 * x[0] * x[0]
    let second: Double = e * Double.cos(x[1])
    return [first, second]
}
let report = checkGradient(of: Probe(), gradient: probeGradient, at: [0.5, -1.25])
print(concrete.map { $0.isFinite }.allSatisfy { $0 } ? "concrete calls: finite" : "concrete calls: NOT FINITE")
print(report)
if !report.passed { exit(1) }
