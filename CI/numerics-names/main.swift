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
let concrete = [
    Double.exp(1), Double.log(2), Double.pow(2.0, 3), Double.sqrt(2), Double.atan2(y: 1, x: 2), Double.hypot(3, 4),
    Double(Float.sin(0.5)), Double(Float.erf(0.5)), .log1p(0.25), numericsSoftplus(0.5), numericsElementary(0.5),
]
let report = checkGradient(
    of: Probe(), gradient: { x in [Double.exp(x[0]) * Double.sin(x[1]) + 3 * x[0] * x[0], Double.exp(x[0]) * Double.cos(x[1])] },
    at: [0.5, -1.25])
print(concrete.map { $0.isFinite }.allSatisfy { $0 } ? "concrete calls: finite" : "concrete calls: NOT FINITE")
print(report)
if !report.passed { exit(1) }
