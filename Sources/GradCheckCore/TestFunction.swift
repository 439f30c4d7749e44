/// A function of the corpus, written once, generically, and run by every strategy with its own scalar.
///
/// A test function maps n real inputs to m real outputs (m = 1 for a scalar function, whose derivative is
/// the gradient; otherwise the m × n Jacobian). Vector parameters are flattened into the input list in
/// parameter order. It may provide a hand-written derivative, and any number of deliberately wrong ones
/// (*mutants*, negative controls that the harness must catch).
public protocol TestFunction: Sendable {
    /// Where the function comes from and its name, e.g. `starter/rosenbrock-10` or `seeds/nutty`.
    var id: FunctionID { get }
    /// One or two sentences: what the function is and why it is in the corpus.
    var summary: String { get }
    /// Labels for filters and report grouping.
    var tags: [String] { get }
    /// Names of the scalar inputs in order (vector entries as `x[0]`, `x[1]`, …).
    var inputNames: [String] { get }
    /// The number of outputs m.
    var outputCount: Int { get }
    /// Where seeded random sample points are drawn, and the explicit points that are always checked.
    var sampling: Sampling { get }
    /// Whether ``handCodedDerivative(_:at:)`` gives a derivative for `.correct`.
    var hasHandCodedDerivative: Bool { get }
    /// The descriptions of the deliberately wrong derivatives, in order; empty when there are none.
    var mutants: [String] { get }
    /// Expected failures of single strategies on this function: strategy id → the reason.
    var expectedFailures: [String: String] { get }
    /// Per-function tolerance settings that replace the strategy family's defaults where they are set.
    var toleranceOverride: ToleranceOverride? { get }

    /// Evaluates the function over any scalar type: the program every strategy runs.
    func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S]

    /// The hand-written derivative (or one of the mutants) as rows of the Jacobian (one row for a scalar
    /// function). Throws ``StrategyError/unsupported(_:)`` when there is none.
    func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]]
}

extension TestFunction {
    /// The number of scalar inputs n.
    public var inputCount: Int { inputNames.count }
    public var tags: [String] { [] }
    public var mutants: [String] { [] }
    public var expectedFailures: [String: String] { [:] }
    public var toleranceOverride: ToleranceOverride? { nil }
}

/// Which hand-written derivative of a function: the correct one, or the mutant at an index.
public enum DerivativeVariant: Hashable, Sendable, Codable {
    case correct
    case mutant(Int)
}

/// A function's identity: the suite (or module) it belongs to and its name within it.
public struct FunctionID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var suite: String
    public var name: String

    public init(suite: String, name: String) {
        self.suite = suite
        self.name = name
    }

    /// `suite/name`.
    public var description: String { "\(suite)/\(name)" }

    public static func < (lhs: FunctionID, rhs: FunctionID) -> Bool {
        (lhs.suite, lhs.name) < (rhs.suite, rhs.name)
    }
}
