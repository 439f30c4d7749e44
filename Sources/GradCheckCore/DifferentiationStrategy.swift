/// A way of computing derivatives: the unit the registry holds and the runner checks.
///
/// A strategy is generic over the real type it computes in, so one implementation runs in `Float`,
/// `Double`, extended precision and over ``Counted`` (which is how its operation count is measured).
/// It must implement its own derivative rules; it may call ``TestFunction/evaluate(_:)`` with any scalar
/// type it likes, as often as it needs.
public protocol DifferentiationStrategy: Sendable {
    /// The registry id, e.g. `reverse`. Lower-case words joined by hyphens.
    var id: String { get }
    /// What kind of method this is; decides the default tolerance.
    var family: StrategyFamily { get }
    /// One line for `gradcheck list strategies`.
    var summary: String { get }

    /// The derivative of `function` at `point`: the m × n Jacobian as rows (one row for a scalar
    /// function). Throws ``StrategyError/unsupported(_:)`` for a function it cannot handle.
    func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R>

    /// This strategy with the run's `settings` that concern it (see ``StrategySettings``); a default
    /// implementation returns the strategy unchanged.
    func adopting(_ settings: StrategySettings) -> any DifferentiationStrategy
}

/// A family of strategies, which share an error model and so a default tolerance.
public enum StrategyFamily: String, Sendable, Codable, CaseIterable {
    /// Written by a person: exact up to rounding, if right.
    case handCoded = "hand-coded"
    /// Automatic differentiation (forward or reverse): exact up to rounding.
    case automatic
    /// Closed forms differentiated symbolically: exact up to rounding.
    case symbolic
    /// Finite differences of first order in the step (truncation error O(h)).
    case firstOrderDifference = "first-order-difference"
    /// Finite differences of second or higher order in the step.
    case higherOrderDifference = "higher-order-difference"

    /// True for the families whose result is exact up to rounding.
    public var isExact: Bool {
        switch self {
        case .handCoded, .automatic, .symbolic: true
        case .firstOrderDifference, .higherOrderDifference: false
        }
    }
}

/// What a strategy returns: the derivative and the strategy's own cost figures.
public struct StrategyOutput<R: RealNumber>: Sendable {
    /// The Jacobian as rows: `jacobian[i][j]` = ∂fᵢ/∂xⱼ.
    public var jacobian: [[R]]
    /// Function evaluations, passes, tape entries and so on, as the strategy measured them.
    public var figures: StrategyFigures
    /// The strategy's own estimate of the absolute error of each entry, when it makes one.
    public var errorEstimate: [[R]]?
    /// Why the result may not be a derivative at this point even if the method is right (a difference
    /// stencil that crosses a branch, say). A result that misses the tolerance is then `inconclusive`
    /// with this reason instead of `fail`.
    public var caveat: String?

    public init(
        jacobian: [[R]], figures: StrategyFigures = StrategyFigures(), errorEstimate: [[R]]? = nil,
        caveat: String? = nil
    ) {
        self.jacobian = jacobian
        self.figures = figures
        self.errorEstimate = errorEstimate
        self.caveat = caveat
    }
}

/// A strategy that can estimate the error of a result it gave, on demand (the runner asks only when a
/// result misses its tolerance, so the estimate's extra evaluations are not part of the strategy's cost).
public protocol ErrorEstimatingStrategy: DifferentiationStrategy {
    /// An estimate of the absolute error of each entry of `output`, computed at `point`.
    func errorEstimate<R: RealNumber>(
        of function: any TestFunction, at point: [R], output: StrategyOutput<R>
    ) throws -> [[R]]
}

/// A strategy's own account of the work it did for one derivative.
public struct StrategyFigures: Sendable, Hashable, Codable {
    /// Evaluations of the function (differences; forward mode counts one per pass).
    public var functionEvaluations: Int?
    /// Sweeps over the program (forward passes, or one forward plus reverse sweeps).
    public var passes: Int?
    /// Records on a reverse-mode tape.
    public var tapeEntries: Int?
    /// Bytes of tape storage those records occupy.
    public var tapeBytes: Int?
    /// Any other named figure (expression sizes and the like). A name ending in `Ns` is a duration in
    /// nanoseconds: a timing, dropped from runs made without timings so that their reports are
    /// reproducible byte for byte.
    public var extra: [String: Double]
    /// Facts a reader needs to interpret the result, e.g. "valid where x1 > x2" for a closed form traced
    /// through a data-dependent branch.
    public var notes: [String]

    public init(
        functionEvaluations: Int? = nil, passes: Int? = nil, tapeEntries: Int? = nil, tapeBytes: Int? = nil,
        extra: [String: Double] = [:], notes: [String] = []
    ) {
        self.notes = notes
        self.functionEvaluations = functionEvaluations
        self.passes = passes
        self.tapeEntries = tapeEntries
        self.tapeBytes = tapeBytes
        self.extra = extra
    }
}

/// Why a strategy gave no derivative.
public enum StrategyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The strategy cannot handle this function (not analytic, no hand-written derivative, too large).
    case unsupported(String)
    /// The strategy failed while computing.
    case failed(String)

    public var description: String {
        switch self {
        case .unsupported(let reason): "unsupported: \(reason)"
        case .failed(let reason): reason
        }
    }
}

extension StrategyFigures {
    /// Whether the `extra` figure `name` is a timing (its name ends in `Ns`).
    public static func isTiming(_ name: String) -> Bool { name.hasSuffix("Ns") }

    /// The figures without their timings.
    public var withoutTimings: StrategyFigures {
        var copy = self
        copy.extra = extra.filter { !Self.isTiming($0.key) }
        return copy
    }
}
