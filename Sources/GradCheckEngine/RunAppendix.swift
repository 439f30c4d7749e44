import GradCheckCore

/// Studies attached to a run for its charts: step-size sweeps and the expression-swell study.
///
/// They are computed by the command line when a format that draws charts (HTML, JSON) is requested,
/// and saved in the JSON, so that `gradcheck report` can draw them again without the functions.
public struct RunAppendix: Sendable, Codable, Equatable {
    /// Error against step size, per function and difference method.
    public var sweeps: [SweepRecord]
    /// Expression sizes against depth, with reverse mode's ω.
    public var swell: [SwellRecord]

    public init(sweeps: [SweepRecord] = [], swell: [SwellRecord] = []) {
        self.sweeps = sweeps
        self.swell = swell
    }

    public var isEmpty: Bool { sweeps.isEmpty && swell.isEmpty }
}

/// One difference method's error against the step at one point of one function.
public struct SweepRecord: Sendable, Codable, Equatable {
    public var function: FunctionID
    public var point: [Double]
    /// The strategy id of the method: `forward-difference`, `central-difference` or `richardson`.
    public var method: String
    /// Relative steps h (the step is h·max(1, |xⱼ|)), from large to small.
    public var steps: [Double]
    /// The normwise relative error at each step.
    public var errors: [Double]
    /// The step with the smallest error.
    public var optimalStep: Double?
    /// The slope of the truncation arm on log-log axes (the convergence order); nil when too short.
    public var order: Double?
    /// The method's default relative tolerance, for the reading of the curve.
    public var tolerance: Double

    public init(
        function: FunctionID, point: [Double], method: String, steps: [Double], errors: [Double], optimalStep: Double?,
        order: Double?, tolerance: Double
    ) {
        self.function = function
        self.point = point
        self.method = method
        self.steps = steps
        self.errors = errors
        self.optimalStep = optimalStep
        self.order = order
        self.tolerance = tolerance
    }
}

/// One row of the expression-swell study: sizes (in nodes) of f and of its gradient at one depth.
public struct SwellRecord: Sendable, Codable, Equatable {
    /// The study family, e.g. `logistic-map`.
    public var family: String
    /// What the depth parameter is called, e.g. `steps` or `n`.
    public var parameterName: String
    public var parameter: Int
    /// Operations of one evaluation of f.
    public var functionOperations: Int
    /// f as a DAG of shared nodes.
    public var functionDAG: Int
    /// The gradient as a raw tree (counted without expanding it; may exceed any integer).
    public var treeNodes: Double
    /// The gradient as a simplified tree.
    public var simplifiedTreeNodes: Double
    /// The simplified gradient as a DAG.
    public var dagNodes: Int
    /// The gradient built as one DAG with shared adjoints, when computed.
    public var adjointDAG: Int?
    /// Reverse mode's measured ω on the same function, when measured.
    public var reverseOmega: Double?

    public init(
        family: String, parameterName: String, parameter: Int, functionOperations: Int, functionDAG: Int,
        treeNodes: Double, simplifiedTreeNodes: Double, dagNodes: Int, adjointDAG: Int?, reverseOmega: Double?
    ) {
        self.family = family
        self.parameterName = parameterName
        self.parameter = parameter
        self.functionOperations = functionOperations
        self.functionDAG = functionDAG
        self.treeNodes = treeNodes
        self.simplifiedTreeNodes = simplifiedTreeNodes
        self.dagNodes = dagNodes
        self.adjointDAG = adjointDAG
        self.reverseOmega = reverseOmega
    }
}
