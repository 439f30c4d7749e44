import GradCheckCore
import GradCheckEngine
import GradCheckTestFixtures
import GradCheckForward
import Testing

/// Chunked forward mode: the chunk-size heuristic, and gradients and Jacobians checked against
/// hand-written derivatives and central differences (never only against the scalar forward mode).
@Suite struct ChunkedForwardTests {
    // MARK: Chunk size

    @Test func chunkSizeIsTheInputCountUpTo16() {
        #expect(ChunkSize.forInputCount(0) == 1)
        #expect((1...16).map { ChunkSize.forInputCount($0) } == Array(1...16))
    }

    /// Above 16 the passes are balanced: ⌈n/⌈n/16⌉⌉ (ForwardDiff.jl's rule with threshold 16).
    @Test(arguments: [(17, 9), (20, 10), (32, 16), (33, 11), (64, 16), (100, 15), (240, 16), (241, 16), (1000, 16)])
    func chunkSizeBalancesThePasses(_ n: Int, _ k: Int) {
        #expect(ChunkSize.forInputCount(n) == k)
        #expect(ChunkSize.forInputCount(n) <= ChunkSize.maximum)
        let passes = ChunkSize.passes(inputCount: n, chunkSize: k)
        #expect(passes == (n + 15) / 16, "no more passes than chunks of 16 would need")
    }

    @Test func chunkSizeHonoursAnotherThreshold() {
        #expect(ChunkSize.forInputCount(100, threshold: 12) == 12)  // ⌈100/⌈100/12⌉⌉ = ⌈100/9⌉
        #expect(ChunkSize.forInputCount(13, threshold: 12) == 7)
    }

    // MARK: Gradients

    @Test(arguments: [1, 2, 5, 16, 17, 40, 64, 100])
    func rosenbrockGradientMatchesTheHandWrittenOne(_ n: Int) throws {
        let f = Rosenbrock(n: Swift.max(n, 2))
        let point = f.point()
        let output = try ChunkedForwardModeStrategy().derivative(of: f, at: point, variant: .correct)
        let k = ChunkSize.forInputCount(point.count)
        #expect(output.figures.passes == (point.count + k - 1) / k)
        #expect(output.figures.extra["chunkSize"] == Double(k))
        for (ad, hand) in zip(output.jacobian[0], f.gradient(point)) {
            #expect(close(ad, hand, rtol: 1e-14))
        }
    }

    /// The first article's function, against central differences in extended precision.
    @Test func articleGradientMatchesCentralDifferences() throws {
        let x: [ExtendedReal] = [1.5, 0.5]
        let gradient = try ChunkedForwardModeStrategy().derivative(of: ArticleFunction(), at: x, variant: .correct)
            .jacobian[0]
        func f(_ a: ExtendedReal, _ b: ExtendedReal) -> ExtendedReal {
            a * ExtendedReal.sqrt(ExtendedReal.log(a / ExtendedReal.sin(b * b)))
        }
        let d0 = centralDifference({ f($0, x[1]) }, at: x[0])
        let d1 = centralDifference({ f(x[0], $0) }, at: x[1])
        #expect(close(gradient[0], d0, rtol: differenceTolerance))
        #expect(close(gradient[1], d1, rtol: differenceTolerance))
    }

    /// A 3 × 3 Jacobian in one pass of width 3, against the hand-written one.
    @Test func jacobianMatchesTheHandWrittenOne() throws {
        let output = try ChunkedForwardModeStrategy().derivative(of: VectorFunction(), at: [0.7, -0.4, 1.9], variant: .correct)
        #expect(output.figures.passes == 1)
        let expected = VectorFunction.jacobian(0.7, -0.4, 1.9)
        for i in 0..<3 {
            for j in 0..<3 { #expect(close(output.jacobian[i][j], expected[i][j], rtol: 1e-15)) }
        }
    }

    /// Every elementary rule, one input per function so that a chunk carries many rules at once: each
    /// partial against the closed-form derivative in extended precision.
    @Test func everyElementaryRuleMatchesItsClosedForm() throws {
        let cases = UnaryCase.allCases.filter { $0 != .abs }
        let function = ManyUnary(cases: cases)
        let point = cases.map { ExtendedReal($0.points[0]) }
        let jacobian = try ChunkedForwardModeStrategy().derivative(of: function, at: point, variant: .correct).jacobian
        for (i, unary) in cases.enumerated() {
            for j in cases.indices {
                let expected = i == j ? unary.closedForm(point[i]) : 0
                #expect(close(jacobian[i][j], expected, rtol: closedFormTolerance), "\(unary) ∂/∂x\(j)")
            }
        }
    }

    @Test(arguments: BinaryCase.allCases)
    func binaryRulesMatchCentralDifferences(_ binary: BinaryCase) throws {
        for (a, b) in binary.points {
            let x: [ExtendedReal] = [ExtendedReal(a), ExtendedReal(b)]
            let g = try ChunkedForwardModeStrategy().derivative(of: Binary(function: binary), at: x, variant: .correct)
                .jacobian[0]
            #expect(close(g[0], centralDifference({ binary.apply($0, x[1]) }, at: x[0]), rtol: differenceTolerance))
            #expect(close(g[1], centralDifference({ binary.apply(x[0], $0) }, at: x[1]), rtol: differenceTolerance))
        }
    }

    /// A constant exponent never forms ln of a negative base: pow(−2, 3) has derivative 12.
    @Test func powerWithConstantExponentOfNegativeBase() {
        let x = ChunkedDual<2, Double>.variable(-2, seeding: 0)
        let y = ChunkedDual<2, Double>.pow(x, ChunkedDual(3))
        #expect(y.value == -8 && y.partials[0] == 12 && y.partials[1] == 0)
    }

    /// xⁿ for n = Int.min, in both forward types: n − 1 is no Int, so the rule forms xⁿ⁻¹ as xⁿ / x
    /// (at x = −1: value 1, derivative n·(−1)ⁿ⁻¹ = 2⁶³).
    @Test func integerPowerOfIntMin() {
        let dual = Dual<Double>.pow(Dual(value: -1, tangent: 1), Int.min)
        #expect(dual.value == 1 && dual.tangent == 0x1p63)
        let chunked = ChunkedDual<2, Double>.pow(.variable(-1, seeding: 0), Int.min)
        #expect(chunked.value == 1 && chunked.partials[0] == 0x1p63 && chunked.partials[1] == 0)
    }

    /// Control flow follows the values: the loop's trip count depends on x.
    @Test(arguments: [0.5, 1.3, 2.2])
    func branchesFollowThePrimalValue(_ x: Double) throws {
        let g = try ChunkedForwardModeStrategy().derivative(of: Branchy(), at: [x], variant: .correct).jacobian[0][0]
        #expect(close(g, Branchy.derivative(x), rtol: 1e-14))
    }

    /// A chunked dual of a dual: second derivatives, ∂²(x²y)/∂x∂y = 2x.
    @Test func nestsOverDualNumbers() {
        typealias Inner = Dual<Double>
        let x = ChunkedDual<2, Inner>(value: Inner(value: 3, tangent: 1), partials: [Inner(1), Inner(0)])
        let y = ChunkedDual<2, Inner>(value: Inner(value: 5, tangent: 0), partials: [Inner(0), Inner(1)])
        let f = x * x * y
        #expect(f.partials[1].value == 9 && f.partials[1].tangent == 6)
    }

    @Test func noInputsGiveEmptyRows() throws {
        let output = try ChunkedForwardModeStrategy().derivative(of: Constant(), at: [Double](), variant: .correct)
        #expect(output.jacobian == [[]])
    }

    /// ⌈n/k⌉ passes instead of n. The partials' arithmetic is the same as scalar forward mode's (about 2
    /// operations per partial and operation, so ω still grows like 2n); what chunking saves is the value's
    /// own arithmetic, done n/k times instead of n times — and, in time, the partials vectorise.
    @Test func costsAboutNOverKPasses() throws {
        let f = Rosenbrock(n: 64)
        let chunked = try CostMeter.measure(ChunkedForwardModeStrategy(), variant: .correct, on: f, at: f.point())
        let scalar = try CostMeter.measure(ForwardModeStrategy(), variant: .correct, on: f, at: f.point())
        #expect(chunked.figures.passes == 4)
        #expect(chunked.derivative.total < scalar.derivative.total)
        #expect(chunked.ratio <= 2.5 * 64)
    }

    /// Structural zeros: a number that carries no partials (a constant, an input not seeded in this pass)
    /// costs what a plain operation costs, and an operation with one such operand reads only the other's
    /// partials. Counted per partial: a product of two constants is 1 operation, not 1 + 3·4.
    @Test func numbersWithoutPartialsSkipThePartialsArithmetic() {
        typealias Number = ChunkedDual<4, Counted<Double>>
        let u = Number(value: 3), w = Number(value: 5)
        let (constant, constantCost) = OperationTally.measure { u * w }
        #expect(!constant.carriesPartials && constant.value == 15)
        #expect(constantCost.total == 1)
        let x = Number.variable(3, seeding: 1)
        let (oneSided, oneSidedCost) = OperationTally.measure { x * w }
        #expect(oneSided.carriesPartials && oneSided.partials[1] == 5 && oneSided.partials[0] == 0)
        #expect(oneSidedCost.total == 1 + 4)  // the value, and one multiplication per partial
        let (bothSided, bothSidedCost) = OperationTally.measure { x * x }
        #expect(bothSided.partials[1] == 6)
        #expect(bothSidedCost.total == 1 + 3 * 4)  // u̇·w + u·ẇ per partial
    }

    /// Skipping is exact: a gradient whose passes are mostly structural zeros equals the one computed by
    /// scalar forward mode, direction by direction.
    @Test func skippingStructuralZerosChangesNoPartial() throws {
        let f = Rosenbrock(n: 40)
        let chunked = try ChunkedForwardModeStrategy().derivative(of: f, at: f.point(), variant: .correct).jacobian
        let scalar = try ForwardModeStrategy().derivative(of: f, at: f.point(), variant: .correct).jacobian
        #expect(chunked == scalar)
    }

    // MARK: Seeding in place

    func entries<let k: Int>(_ partials: InlineArray<k, Double>) -> [Double] { (0..<k).map { partials[$0] } }

    /// Unseeding leaves the stored partials as they were (O(1)) but they are no longer read: the number
    /// is a constant, and seeding it again in another direction brings none of the old partials back.
    @Test func seedingAgainAfterRemovingPartialsStartsFromZeros() {
        var x = ChunkedDual<4, Double>.variable(3, seeding: 2)
        #expect(x.carriesPartials && entries(x.partials) == [0, 0, 1, 0])
        x.removePartials()
        #expect(!x.carriesPartials && entries(x.partials) == [0, 0, 0, 0] && x.value == 3)
        x.seed(direction: 1)
        #expect(entries(x.partials) == [0, 1, 0, 0])
        x.seed(direction: 3)
        #expect(entries(x.partials) == [0, 1, 0, 1], "a second direction adds to the first")
        x.seed(direction: 7)
        #expect(entries(x.partials) == [0, 1, 0, 1], "a direction outside the chunk seeds nothing")
    }

    /// An input unseeded after a pass keeps its old partials in storage; no operation may read them.
    /// Each operation below has one operand that carries partials and one such former input, whose
    /// stale partial 1 sits in direction 3: every result must have partial 3 exactly zero.
    @Test func operationsNeverReadAnUnseededNumbersStalePartials() {
        typealias Number = ChunkedDual<4, Double>
        var stale = Number.variable(5, seeding: 3)
        stale.removePartials()
        let x = Number.variable(2, seeding: 0)
        let results: [(String, Number)] = [
            ("x + c", x + stale), ("c − x", stale - x), ("x · c", x * stale), ("x / c", x / stale),
            ("c / x", stale / x), ("hypot(x, c)", Number.hypot(x, stale)), ("pow(c, x)", Number.pow(stale, x)),
            ("pow(x, c)", Number.pow(x, stale)), ("c · c + x", stale * stale + x), ("sin(c) · x", Number.sin(stale) * x),
        ]
        for (name, result) in results {
            #expect(result.partials[3] == 0 && result.partials[1] == 0, "\(name): \(result)")
            #expect(result.partials[0] != 0, "\(name): \(result)")
        }
        // The values and the one carried direction are those of scalar dual numbers.
        let dual = Dual<Double>.variable(2) / Dual<Double>(value: 5)
        #expect((x / stale).partials[0] == dual.tangent && (x / stale).value == dual.value)
    }
}

/// f(x)ᵢ = cases[i](xᵢ): a diagonal Jacobian, one elementary function per input.
struct ManyUnary: ExampleFunction {
    let cases: [UnaryCase]
    var inputNames: [String] { cases.map(\.rawValue) }
    var outputCount: Int { cases.count }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        zip(cases, x).map { $0.apply($1) }
    }
}

/// A function of no inputs.
struct Constant: ExampleFunction {
    var inputNames: [String] { [] }
    var outputCount: Int { 1 }
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] { [S(2.5)] }
}
