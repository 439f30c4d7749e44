import GradCheckCore

/// A test function of a `.grad` suite: one function, or one `@dimensions` instance of a function with
/// vector parameters.
///
/// Naming: a function without vector parameters keeps its name (`nutty`); an instance is named after the
/// function with its lengths in brackets, in the order the length names first appear among the
/// parameters: `rosenbrock[n=10]`, `f[n=2,m=3]`. Its id is `suite/name`, the suite being the file's base
/// name: `seeds/rosenbrock[n=10]`. Inputs are named after the parameters, vector entries as `x[0]`,
/// `x[1]`, …
///
/// ``evaluate(_:)`` runs the compiled program over the caller's own scalar type, so every strategy runs
/// the real program, control flow included; ``handCodedDerivative(_:at:)`` runs the suite's `gradient`
/// or `jacobian` (or a `@mutant`) the same way.
public struct SuiteFunction: TestFunction {
    public let id: FunctionID
    public let summary: String
    public let tags: [String]
    public let inputNames: [String]
    public let outputCount: Int
    public let sampling: Sampling
    public let mutants: [String]
    public let expectedFailures: [String: String]
    public let toleranceOverride: ToleranceOverride?
    /// The vector lengths of this instance (empty for a function without vector parameters).
    public let dimensions: [String: Int]
    /// Where the function is declared.
    public let location: SuiteLocation
    /// Whether the function returns a vector (its derivative is a Jacobian) rather than a Real.
    public let isVectorValued: Bool

    let program: SuiteProgram
    let function: Int
    let derivative: Int?
    let mutantFunctions: [Int]

    public var hasHandCodedDerivative: Bool { derivative != nil }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        switch try program.run(function, inputs: x, lengths: dimensions) {
        case .real(let value):
            return [value]
        case .int(let value):
            return [S(Double(value))]
        case .vector(let values):
            guard values.count == outputCount else {
                throw SuiteRuntimeError(
                    .invalidResult, "'\(id.name)' returned \(values.count) values, but it has \(outputCount) outputs",
                    at: location)
            }
            return values
        case .bool, .matrix:
            throw SuiteRuntimeError(.invalidResult, "'\(id.name)' did not return a number or a vector", at: location)
        }
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        let kind = isVectorValued ? "Jacobian" : "gradient"
        let index: Int
        switch variant {
        case .correct:
            guard let derivative else { throw StrategyError.unsupported("'\(id.name)' has no hand-written \(kind)") }
            index = derivative
        case .mutant(let number):
            guard mutantFunctions.indices.contains(number) else {
                throw StrategyError.unsupported("'\(id.name)' has no mutant number \(number)")
            }
            index = mutantFunctions[number]
        }
        let location = program.functions[index].location
        switch try program.run(index, inputs: x, lengths: dimensions) {
        case .vector(let gradient) where !isVectorValued:
            guard gradient.count == inputCount else {
                throw SuiteRuntimeError(
                    .invalidResult,
                    "the gradient of '\(id.name)' returned \(gradient.count) entries, but the function has \(inputCount) inputs",
                    at: location)
            }
            return [gradient]
        case .matrix(let rows) where isVectorValued:
            guard rows.count == outputCount else {
                throw SuiteRuntimeError(
                    .invalidResult,
                    "the Jacobian of '\(id.name)' returned \(rows.count) rows, but the function has \(outputCount) outputs",
                    at: location)
            }
            if let bad = rows.firstIndex(where: { $0.count != inputCount }) {
                throw SuiteRuntimeError(
                    .invalidResult,
                    "row \(bad) of the Jacobian of '\(id.name)' has \(rows[bad].count) entries, but the function has \(inputCount) inputs",
                    at: location)
            }
            return rows
        default:
            throw SuiteRuntimeError(.invalidResult, "the \(kind) of '\(id.name)' returned a value of the wrong kind", at: location)
        }
    }
}
