import GradCheck
import GradCheckTesting
import Testing

/// The failure text, pinned: the worst entry first, any hint, every bad entry in index order with its
/// point, both values, their ratio, the errors, the allowed error and the reference's estimate, then
/// every point in full (with its seed) so that it can be replayed.
@Suite("Failure text")
struct FailureTextTests {
    /// ∂f/∂x[0] of x[0]² + 3·x[1] written as x[0] + 1: right only at x[0] = 1.
    static func offByOne(_ x: [Double]) -> [Double] { [x[0] + 1, 3] }
    static let exactReference = ExtendedForwardReference().description

    @Test func againstTheExactReference() {
        let report = checkGradient(of: Quadratic(), gradient: Self.offByOne, at: .points([[1, 2], [3, -1], [-0.5, 0]]))
        #expect(report.failureText == """
            gradient check failed at 2 of 3 points: 2 of 6 entries wrong
            reference: \(Self.exactReference)
            tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ), rtol 2.22045e-11, atol 0, φ = 0.001·max|reference|
            worst: ∂f/∂x[0] at point 3: got 0.5, reference -1, abs error 1.5, rel error 1.5

            point  entry     got  reference   got/ref  abs error  rel error      allowed  ref. estimate
            -----  --------  ---  ---------  --------  ---------  ---------  -----------  -------------
                2  ∂f/∂x[0]    4          6  0.666667          2   0.333333  1.33227e-10          exact
                3  ∂f/∂x[0]  0.5         -1      -0.5        1.5        1.5  2.22045e-11          exact

            point 2: [3.0, -1.0] (explicit)
            point 3: [-0.5, 0.0] (explicit)
            """)
    }

    @Test func againstTheDifferenceReferenceWithASeededPoint() {
        let points = SamplePoints.points([[3, -1]], plus: 1, in: [-2...2, -2...2], seed: 7)
        let report = checkGradient(of: QuadraticClosures.value, gradient: Self.offByOne, at: points)
        #expect(report.failureText == """
            gradient check failed at 2 of 2 points: 2 of 4 entries wrong
            reference: Richardson-extrapolated differences of the closure in Double (error estimate per entry, with the function's measured noise)
            tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ) + 4·estimate, rtol 1e-08, atol 0, φ = 1·max|reference|
            worst: ∂f/∂x[0] at point 2: got 0.559319, reference -0.881362, abs error 1.44068, rel error 0.480227

            point  entry          got  reference    got/ref  abs error  rel error      allowed  ref. estimate
            -----  --------  --------  ---------  ---------  ---------  ---------  -----------  -------------
                1  ∂f/∂x[0]         4          6   0.666667          2   0.333333  6.00001e-08    2.62663e-14
                2  ∂f/∂x[0]  0.559319  -0.881362  -0.634608    1.44068   0.480227  3.00002e-08    5.14761e-14

            point 1: [3.0, -1.0] (explicit)
            point 2: [-0.44068100643491404, -1.9328468218873756] (random draw 1 of 1, seed 7)
            """)
        // The printed coordinates are exact: pasting them back replays the point bit for bit.
        #expect(points.resolved[1].coordinates == [-0.44068100643491404, -1.9328468218873756])
    }

    @Test func undecidedNearAJump() {
        let step = { (x: [Double]) -> Double in x[0] < 0.5 ? 0 : 1 }
        let report = checkGradient(of: step, gradient: { _ in [0] }, at: .points([[0.5 + 1e-9], [0.25]]))
        #expect(report.failureText == """
            gradient check undecided at 1 of 2 points: nothing could be verified there
            reference: Richardson-extrapolated differences of the closure in Double (error estimate per entry, with the function's measured noise)
            tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ) + 4·estimate, rtol 1e-08, atol 0, φ = 1·max|reference|

            undecided (nothing verified there):
            point 1: the reference's error estimate for ∂f/∂x[0] (22.657) is too large to decide (more than 1e-06 of the entry's scale): a kink, a discontinuity or noise near the point?

            point 1: [0.500000001] (explicit)
            """)
    }

    @Test func aStrategyOnTheCorpus() {
        let report = checkStrategy(DoublingPlugin(), on: [CubicPolynomial(), EuclideanNorm()], points: 2)
        #expect(report.failureText == """
            strategy 'doubling' check failed at 6 of 7 points: 9 of 10 entries wrong
            reference: \(Self.exactReference)
            tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ), rtol 2.22045e-11, atol 0, φ = 0.001·max|reference|
            worst: ∂f/∂x at starter/cubic point 3: got 38.0191, reference 19.0095, abs error 19.0095, rel error 1
            hint: every wrong entry is ≈ 2× the reference: a factor of 2?

            point             entry        got  reference  got/ref  abs error  rel error      allowed  ref. estimate
            ----------------  ------  --------  ---------  -------  ---------  ---------  -----------  -------------
            starter/cubic #1  ∂f/∂x         72         36        2         36          1  7.99361e-10          exact
            starter/cubic #3  ∂f/∂x    38.0191    19.0095        2    19.0095          1  4.22125e-10          exact
            starter/cubic #4  ∂f/∂x    63.2182    31.6091        2    31.6091          1  7.01902e-10          exact
            starter/norm #1   ∂f/∂x1       1.2        0.6        2        0.6          1  1.33236e-11          exact
            starter/norm #1   ∂f/∂x2       1.6        0.8        2        0.8          1   1.7764e-11          exact
            starter/norm #2   ∂f/∂x1   1.56233   0.781163        2   0.781163          1  1.73454e-11          exact
            starter/norm #2   ∂f/∂x2  -1.24865  -0.624327        2   0.624327          1   1.3863e-11          exact
            starter/norm #3   ∂f/∂x1  0.797405   0.398703        2   0.398703          1  8.85299e-12          exact
            starter/norm #3   ∂f/∂x2  -1.83416   -0.91708        2    0.91708          1  2.03641e-11          exact

            starter/cubic point 1: [2.0] (sample 1 of 4 of the function's sampling, seed 1)
            starter/cubic point 3: [1.3488531440855018] (sample 3 of 4 of the function's sampling, seed 1)
            starter/cubic point 4: [1.849080894969684] (sample 4 of 4 of the function's sampling, seed 1)
            starter/norm point 1: [3.0, 4.0] (sample 1 of 3 of the function's sampling, seed 1)
            starter/norm point 2: [1.4825038792850902, -1.184857519505412] (sample 2 of 3 of the function's sampling, seed 1)
            starter/norm point 3: [0.8733347649328485, -2.0088105291491414] (sample 3 of 3 of the function's sampling, seed 1)
            replay: swift test --filter 'aStrategyOnTheCorpus' (the same call checks the same points: 2 functions, points: 2, seed: 1); only the first failing function: on: functions.filter { $0.id.description == "starter/cubic" }
            """)
    }

    @Test func aWrongShapeSaysSo() {
        let report = checkJacobian(of: Polar(), jacobian: { _ in [[1, 2]] }, at: [1, 2])
        #expect(report.failureText == """
            Jacobian check failed at 1 of 1 point
            reference: \(Self.exactReference)
            tolerance: |got − reference| ≤ atol + rtol·max(|reference|, φ), rtol 2.22045e-11, atol 0, φ = 0.001·max|reference|

            point 1: wrong shape: expected 2×2, got 1×2

            point 1: [1.0, 2.0] (explicit)
            """)
    }

    @Test func aPassingReportIsOneLine() {
        let report = checkGradient(of: Quadratic(), gradient: QuadraticClosures.gradient, at: .points([[1, 2], [0, 0]]))
        #expect(report.failureText == nil)
        #expect(report.description == "gradient check passed at 2 points (reference: \(Self.exactReference))")
    }
}
