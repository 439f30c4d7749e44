import GradCheckCore

/// The keys of the figures the symbolic strategies put in `StrategyFigures.extra`.
///
/// Sizes are node counts: "tree" counts an expression written out, "DAG" its distinct subexpressions; f is
/// summed over outputs, f′ over the Jacobian's entries (its DAG counted jointly).
public enum SymbolicFigure {
    /// f as traced, as a tree.
    public static let functionTree = "f.treeNodes"
    /// f as traced, as a DAG.
    public static let functionDAG = "f.dagNodes"
    /// f simplified, as a tree (simplified and adjoint strategies).
    public static let functionSimplifiedTree = "f.simplifiedTreeNodes"
    /// f simplified, as a DAG (simplified and adjoint strategies).
    public static let functionSimplifiedDAG = "f.simplifiedDagNodes"
    /// f′ by the textbook rules, unsimplified, as a tree (simplified and unsimplified strategies).
    public static let derivativeTree = "df.treeNodes"
    /// f′ by the textbook rules, unsimplified, as a DAG (simplified and unsimplified strategies).
    public static let derivativeDAG = "df.dagNodes"
    /// f′ simplified, as a tree (simplified and adjoint strategies).
    public static let derivativeSimplifiedTree = "df.simplifiedTreeNodes"
    /// f′ simplified, as a DAG (simplified and adjoint strategies).
    public static let derivativeSimplifiedDAG = "df.simplifiedDagNodes"
    /// Nodes evaluated per derivative: the tree size (unsimplified) or the DAG size (others).
    public static let evaluatedNodes = "evaluatedNodes"
    /// Nanoseconds spent applying derivative rules.
    public static let differentiateNanoseconds = "differentiateNs"
    /// Nanoseconds spent simplifying.
    public static let simplifyNanoseconds = "simplifyNs"
    /// The number of path conditions of the traced run (0: the closed form holds everywhere).
    public static let pathConditions = "pathConditions"
}

/// Symbolic differentiation as a registry strategy: trace the function at the point (values in `Double`,
/// which decide the branches), differentiate the closed form of that path with respect to every input,
/// simplify (or not), and evaluate the Jacobian's closed forms in the requested precision R with R's own
/// arithmetic and elementary functions (so `Float`, `Float80` and ``Counted`` runs measure what they say).
///
/// Three ids, family `.symbolic`:
/// - `symbolic`: textbook rules, then simplification (``SimplifyingBuilder``); evaluates the DAG.
/// - `symbolic-unsimplified`: textbook rules only; evaluates the result as a tree, as written out, so its
///   cost is the expression swell (its operation count *is* the tree size of f′).
/// - `symbolic-adjoint`: the gradient as one DAG with shared adjoints (``AdjointDifferentiator``).
///
/// The size cap (``nodeLimit``, default 1,000,000) is checked while the expressions are built: past it
/// the strategy throws `unsupported("expression swell beyond N nodes …")` promptly, never running out of
/// memory or time. For the unsimplified strategy it also caps the tree that would be evaluated.
///
/// Figures: ``SymbolicFigure`` keys in `extra`; `passes` is 1 (one trace), `functionEvaluations` 1.
///
/// Cost: over ``Counted`` the operations counted are those of evaluating the closed forms in R (one per
/// non-leaf node evaluated): what the derivative costs once it has been derived. Tracing, differentiating
/// and simplifying manipulate expressions rather than numbers in R; they are reported as times
/// (`differentiateNs`, `simplifyNs`) and are included in the strategy's measured wall time.
public struct SymbolicStrategy: DifferentiationStrategy {
    public var method: SymbolicOptions.Method
    public var nodeLimit: Int

    public init(method: SymbolicOptions.Method = .simplified, nodeLimit: Int = ExpressionGraph.defaultNodeLimit) {
        self.method = method
        self.nodeLimit = nodeLimit
    }

    /// This strategy with the run's expression size cap (`--max-nodes`), when it sets one.
    public func adopting(_ settings: StrategySettings) -> any DifferentiationStrategy {
        var adopted = self
        if let limit = settings.expressionNodeLimit { adopted.nodeLimit = limit }
        return adopted
    }

    /// The three symbolic strategies with the default cap.
    public static var all: [SymbolicStrategy] {
        [SymbolicStrategy(method: .simplified), SymbolicStrategy(method: .unsimplified), SymbolicStrategy(method: .adjoint)]
    }

    public var id: String {
        switch method {
        case .simplified: "symbolic"
        case .unsimplified: "symbolic-unsimplified"
        case .adjoint: "symbolic-adjoint"
        }
    }

    public var family: StrategyFamily { .symbolic }

    public var summary: String {
        switch method {
        case .simplified: "traces the executed path into a closed form, differentiates it symbolically, simplifies"
        case .unsimplified: "the same without simplification, evaluated as a tree: shows expression swell"
        case .adjoint: "closed-form gradient by reverse accumulation over the expression DAG (shared adjoints)"
        }
    }

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        guard variant == .correct else {
            throw StrategyError.unsupported("symbolic differentiation has no deliberately wrong variants")
        }
        let result: SymbolicDerivative
        do {
            result = try SymbolicDerivative(
                of: function, at: point.map(\.doubleValue), options: SymbolicOptions(method: method, nodeLimit: nodeLimit))
        } catch let swell as ExpressionSwell {
            throw StrategyError.unsupported(swell.description)
        }
        return StrategyOutput(
            jacobian: result.evaluate(at: point),
            figures: StrategyFigures(
                functionEvaluations: 1, passes: 1, extra: result.figures,
                notes: result.pathConditions.isEmpty ? [] : [result.region]))
    }
}

extension SymbolicDerivative {
    /// The figures of this derivative under ``SymbolicFigure`` keys (a key is absent when the method does
    /// not build that form).
    public var figures: [String: Double] {
        var extra: [String: Double] = [
            SymbolicFigure.functionTree: sizes.functionTree,
            SymbolicFigure.functionDAG: Double(sizes.functionDAG),
            SymbolicFigure.evaluatedNodes: sizes.evaluatedNodes,
            SymbolicFigure.differentiateNanoseconds: differentiateNanoseconds,
            SymbolicFigure.pathConditions: Double(pathConditions.count),
        ]
        extra[SymbolicFigure.functionSimplifiedTree] = sizes.functionSimplifiedTree
        extra[SymbolicFigure.functionSimplifiedDAG] = sizes.functionSimplifiedDAG.map(Double.init)
        extra[SymbolicFigure.derivativeTree] = sizes.derivativeTree
        extra[SymbolicFigure.derivativeDAG] = sizes.derivativeDAG.map(Double.init)
        extra[SymbolicFigure.derivativeSimplifiedTree] = sizes.derivativeSimplifiedTree
        extra[SymbolicFigure.derivativeSimplifiedDAG] = sizes.derivativeSimplifiedDAG.map(Double.init)
        if method != .unsimplified { extra[SymbolicFigure.simplifyNanoseconds] = simplifyNanoseconds }
        return extra
    }
}
