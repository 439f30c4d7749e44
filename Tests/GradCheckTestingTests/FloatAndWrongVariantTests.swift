import GradCheckTesting
import Testing

/// The models of ProbeFunctions.swift in both shapes (a closure against differences, the generic function
/// against exact AD) and in both precisions: every correct gradient passes at the defaults, every wrong
/// one (sign flip, missing factor 2, an index one off in backpropagation, the wrong Huber branch) fails.
@Suite("Float and Double gradients of small models, both shapes")
struct FloatAndWrongVariantTests {
    /// A model with its gradient, for the parameterised tests.
    struct Model: Sendable, CustomStringConvertible {
        var description: String
        var points: SamplePoints
        var value: @Sendable ([Double]) throws -> Double
        var valueInFloat: @Sendable ([Float]) throws -> Float
        var gradient: @Sendable ([Double], GradientVariant) -> [Double]
        var gradientInFloat: @Sendable ([Float], GradientVariant) -> [Float]
        var checkGeneric: @Sendable (GradientVariant) -> GradientCheckReport
        var checkGenericInFloat: @Sendable (GradientVariant) -> GradientCheckReport

        init<M: GenericScalarFunction>(
            _ model: M, points: SamplePoints,
            gradient: @escaping @Sendable ([Double], GradientVariant) -> [Double],
            gradientInFloat: @escaping @Sendable ([Float], GradientVariant) -> [Float]
        ) {
            description = "\(M.self)"
            self.points = points
            value = { try model($0) }
            valueInFloat = { try model($0) }
            self.gradient = gradient
            self.gradientInFloat = gradientInFloat
            checkGeneric = { variant in checkGradient(of: model, gradient: { gradient($0, variant) }, at: points) }
            checkGenericInFloat = { variant in checkGradient(of: model, gradient: { gradientInFloat($0, variant) }, at: points) }
        }
    }

    static let models: [Model] = [
        Model(
            HuberLoss(), points: .points([[1.5, 0.75, 3], [-1.0, 2.0, -0.5]], plus: 4, in: [-3...3, -3...3, -3...3], seed: 4),
            gradient: { HuberLoss.gradient($0, $1) }, gradientInFloat: { HuberLoss.gradient($0, $1) }),
        Model(
            SoftmaxCrossEntropy(), points: .random(6, in: Array(repeating: -3...3, count: 4), seed: 5),
            gradient: { SoftmaxCrossEntropy.gradient($0, $1) }, gradientInFloat: { SoftmaxCrossEntropy.gradient($0, $1) }),
        Model(
            LogisticLoss(), points: .random(6, in: Array(repeating: -2...2, count: 4), seed: 6),
            gradient: { LogisticLoss.gradient($0, $1) }, gradientInFloat: { LogisticLoss.gradient($0, $1) }),
        Model(
            TwoLayerPerceptron(), points: .random(6, in: Array(repeating: -1...1, count: 12), seed: 8),
            gradient: { TwoLayerPerceptron.gradient($0, $1) }, gradientInFloat: { TwoLayerPerceptron.gradient($0, $1) }),
    ]

    @Test(arguments: models)
    func correctGradientsPassInDoubleInBothShapes(model: Model) {
        let closure = expectGradient(of: model.value, gradient: { model.gradient($0, .correct) }, at: model.points)
        #expect(closure.passed)
        #expect(model.checkGeneric(.correct).passed, "\(model.checkGeneric(.correct))")
    }

    @Test(arguments: models)
    func wrongGradientsFailInDoubleInBothShapes(model: Model) {
        let closure = checkGradient(of: model.value, gradient: { model.gradient($0, .wrong) }, at: model.points)
        #expect(closure.outcome == .failed)
        #expect(model.checkGeneric(.wrong).outcome == .failed)
    }

    @Test(arguments: models)
    func correctGradientsPassInFloatAtTheDefaultsInBothShapes(model: Model) {
        let closure = expectGradient(of: model.valueInFloat, gradient: { model.gradientInFloat($0, .correct) }, at: model.points)
        #expect(closure.passed)
        #expect(closure.tolerance.rtol == CheckDefaults.differenceRelativeTolerance(for: Float.self))
        let generic = model.checkGenericInFloat(.correct)
        #expect(generic.passed, "\(generic)")
        #expect(generic.tolerance == CheckDefaults.exactTolerance(for: Float.self))
    }

    @Test(arguments: models)
    func wrongGradientsFailInFloatInBothShapes(model: Model) {
        let closure = checkGradient(of: model.valueInFloat, gradient: { model.gradientInFloat($0, .wrong) }, at: model.points)
        #expect(closure.outcome == .failed, "\(closure)")
        #expect(model.checkGenericInFloat(.wrong).outcome == .failed)
    }

    @Test func floatToleranceDefaultsComeFromTheUnitRoundoff() {
        #expect(CheckDefaults.differenceRelativeTolerance(for: Double.self) == CheckDefaults.differenceRelativeTolerance)
        #expect(CheckDefaults.differenceRelativeTolerance(for: Float.self) == 1e3 * Double(Float.ulpOfOne))
        #expect(CheckDefaults.exactTolerance(for: Double.self).rtol == CheckDefaults.exactRelativeTolerance)
        #expect(CheckDefaults.exactTolerance(for: Float.self).rtol == 1e3 * Double(Float.ulpOfOne))
    }

    @Test func aFloatJacobianIsCheckedInBothShapes() {
        let polar = { (x: [Float]) -> [Float] in [x[0] * Float.cos(x[1]), x[0] * Float.sin(x[1])] }
        let jacobian = { (x: [Float]) -> [[Float]] in [[Float.cos(x[1]), -x[0] * Float.sin(x[1])], [Float.sin(x[1]), x[0] * Float.cos(x[1])]] }
        let transposed = { (x: [Float]) -> [[Float]] in [[Float.cos(x[1]), Float.sin(x[1])], [-x[0] * Float.sin(x[1]), x[0] * Float.cos(x[1])]] }
        let points = SamplePoints.random(5, in: [0.5...2, -3...3], seed: 9)
        #expect(expectJacobian(of: polar, jacobian: jacobian, at: points).passed)
        #expect(checkJacobian(of: polar, jacobian: transposed, at: points).outcome == .failed)
        #expect(expectJacobian(of: Polar(), jacobian: jacobian, at: points).passed)
        #expect(checkJacobian(of: Polar(), jacobian: transposed, at: points).outcome == .failed)
    }

    @Test func aFloatPointIsRoundedToFloatBeforeTheCheck() {
        let report = checkGradient(of: { (x: [Float]) in x[0] * x[0] }, gradient: { (x: [Float]) in [2 * x[0]] }, at: [0.1])
        #expect(report.passed)
        #expect(report.points[0].point.coordinates == [Double(Float(0.1))])
    }
}
