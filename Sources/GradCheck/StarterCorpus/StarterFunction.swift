import GradCheckCore

/// Defaults shared by the compiled Swift functions of the starter corpus: suite `starter`, one output,
/// a hand-written derivative and no mutants unless a function says otherwise.
public protocol StarterFunction: TestFunction {
    /// The name within the suite `starter`.
    var name: String { get }
}

extension StarterFunction {
    public var id: FunctionID { FunctionID(suite: "starter", name: name) }
    public var outputCount: Int { 1 }
    public var hasHandCodedDerivative: Bool { true }

    /// Rejects a mutant index for a function that has none.
    func noSuchMutant(_ variant: DerivativeVariant) -> StrategyError {
        StrategyError.unsupported("\(id) has no derivative variant \(variant)")
    }
}

/// The compiled Swift corpus: the articles' examples, Rosenbrock, and one function for each kind of control
/// flow. Every function has a correct hand-written derivative.
public enum StarterCorpus {
    /// Every function of the starter corpus, in a fixed order. The negative control
    /// (``NuttyAsPrinted``) is included; it is tagged `negative-control` and left out of default runs.
    public static let functions: [any TestFunction] = [
        Nutty(), NuttyAsPrinted(), CubicPolynomial(), EuclideanNorm(), ExpSinSquare(), SharedNodes(),
        Rosenbrock(n: 2), Rosenbrock(n: 10), Rosenbrock(n: 100),
        TruncatedExpSeries(), NewtonSqrt(), PiecewiseBranch(), RecursiveSine(), PolarToCartesian(),
    ]
}
