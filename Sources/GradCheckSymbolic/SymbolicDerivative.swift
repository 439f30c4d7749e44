import GradCheckCore

/// How a symbolic derivative is built.
public struct SymbolicOptions: Sendable, Hashable {
    /// The construction of the Jacobian's closed forms.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Textbook rules input by input, then simplification; the DAG of the result is evaluated.
        case simplified
        /// Textbook rules input by input, nothing else; the result is evaluated as a tree, as written out.
        case unsimplified
        /// Reverse accumulation over the simplified DAG of f, with simplifying constructors; the DAG of the
        /// result (all entries sharing their adjoints) is evaluated.
        case adjoint
    }

    public var method: Method
    /// The size cap: at most this many nodes in the arena, and (unsimplified) in the Jacobian's trees.
    public var nodeLimit: Int

    public init(method: Method = .simplified, nodeLimit: Int = ExpressionGraph.defaultNodeLimit) {
        self.method = method
        self.nodeLimit = nodeLimit
    }
}

/// Sizes of the closed forms of f and of its Jacobian f′ (sums over outputs and entries).
///
/// "Tree" counts an expression written out (shared subexpressions at every occurrence), "DAG" its distinct
/// subexpressions (the Jacobian's entries counted jointly, with the nodes of f they use).
public struct SymbolicSizes: Sendable, Hashable, Codable {
    /// f as traced.
    public var functionTree: Double
    public var functionDAG: Int
    /// f simplified (nil when not simplified).
    public var functionSimplifiedTree: Double?
    public var functionSimplifiedDAG: Int?
    /// f′ by the textbook rules before any simplification (nil for the adjoint method, which never
    /// builds it).
    public var derivativeTree: Double?
    public var derivativeDAG: Int?
    /// f′ simplified (nil for the unsimplified method).
    public var derivativeSimplifiedTree: Double?
    public var derivativeSimplifiedDAG: Int?
    /// The nodes evaluated per derivative: the tree size for the unsimplified method, the DAG otherwise.
    public var evaluatedNodes: Double
}

/// The closed-form derivative of a test function at a point: traced, differentiated, (simplified), ready
/// to evaluate in any precision and to print.
///
/// The closed form is that of the path the program took at `point`: it is the function's derivative on
/// the region where every path condition holds (``pathConditions``, ``region``).
public struct SymbolicDerivative: Sendable {
    public let functionID: FunctionID
    public let inputNames: [String]
    public let point: [Double]
    public let method: SymbolicOptions.Method
    /// The arena holding every closed form below.
    public let graph: ExpressionGraph
    /// f's outputs as traced.
    public let function: [NodeID]
    /// f's outputs simplified (nil for the unsimplified method).
    public let simplifiedFunction: [NodeID]?
    /// The Jacobian's closed forms that ``evaluate(at:)`` computes: `jacobian[i][j]` = ∂fᵢ/∂xⱼ.
    public let jacobian: [[NodeID]]
    /// f's values at `point`, in `Double`.
    public let values: [Double]
    public let pathConditions: [PathCondition]
    public let sizes: SymbolicSizes
    /// Time spent applying derivative rules (the raw derivative, or the adjoint construction), in ns.
    public let differentiateNanoseconds: Double
    /// Time spent simplifying (f′, and f), in ns; 0 for the unsimplified method.
    public let simplifyNanoseconds: Double
    let program: EvaluationProgram?

    /// Traces `function` at `point`, differentiates with respect to every input and (per `options`)
    /// simplifies. Throws ``ExpressionSwell`` past the node limit, and what tracing throws.
    public init(of function: any TestFunction, at point: [Double], options: SymbolicOptions = SymbolicOptions()) throws {
        guard point.count == function.inputCount else {
            throw StrategyError.failed("the point has \(point.count) values, the function \(function.inputCount) inputs")
        }
        let trace = try Tracer.trace(function, at: point, nodeLimit: options.nodeLimit)
        var graph = trace.graph
        let f = trace.outputs
        let n = point.count
        var sizes = SymbolicSizes(
            functionTree: graph.treeSize(of: f), functionDAG: graph.dagSize(of: f), evaluatedNodes: 0)
        var simplifiedFunction: [NodeID]?
        var rows: [[NodeID]]
        var differentiate = 0.0, simplify = 0.0
        let clock = ContinuousClock()

        switch options.method {
        case .simplified, .unsimplified:
            let limit = Double(options.nodeLimit)
            var raw = RawBuilder(graph: graph, treeLimit: options.method == .unsimplified ? limit : nil)
            graph = ExpressionGraph(nodeLimit: 0)
            var start = clock.now
            rows = Array(repeating: [], count: f.count)
            var evaluatedTree = 0.0
            for j in 0..<n {
                let column = try Differentiator.derivatives(of: f, withRespectTo: j, using: &raw)
                for (i, entry) in column.enumerated() { rows[i].append(entry) }
                evaluatedTree += raw.graph.treeSize(of: column)
                if options.method == .unsimplified && evaluatedTree > limit {
                    throw ExpressionSwell(limit: options.nodeLimit, measure: .treeNodes)
                }
            }
            differentiate = Self.nanoseconds(clock.now - start)
            graph = raw.graph
            raw = RawBuilder(graph: ExpressionGraph(nodeLimit: 0))
            let entries = Array(rows.joined())
            sizes.derivativeTree = graph.treeSize(of: entries)
            sizes.derivativeDAG = graph.dagSize(of: entries)
            if options.method == .simplified {
                var builder = SimplifyingBuilder(graph: graph)
                graph = ExpressionGraph(nodeLimit: 0)
                start = clock.now
                builder.assumeDefined(try Simplifier.simplify(f, using: &builder))
                let simplified = try Simplifier.simplify(f + entries, using: &builder)
                simplify = Self.nanoseconds(clock.now - start)
                graph = builder.graph
                simplifiedFunction = Array(simplified.prefix(f.count))
                let columns = n
                rows = (0..<f.count).map { i in Array(simplified[(f.count + i * columns)..<(f.count + (i + 1) * columns)]) }
            }
        case .adjoint:
            var builder = SimplifyingBuilder(graph: graph)
            graph = ExpressionGraph(nodeLimit: 0)
            var start = clock.now
            let simplified = try Simplifier.simplify(f, using: &builder)
            builder.assumeDefined(simplified)
            simplify = Self.nanoseconds(clock.now - start)
            start = clock.now
            rows = try AdjointDifferentiator.gradients(of: simplified, inputCount: n, using: &builder)
            differentiate = Self.nanoseconds(clock.now - start)
            graph = builder.graph
            simplifiedFunction = simplified
        }

        if let simplifiedFunction {
            sizes.functionSimplifiedTree = graph.treeSize(of: simplifiedFunction)
            sizes.functionSimplifiedDAG = graph.dagSize(of: simplifiedFunction)
        }
        let entries = Array(rows.joined())
        if options.method != .unsimplified {
            sizes.derivativeSimplifiedTree = graph.treeSize(of: entries)
            sizes.derivativeSimplifiedDAG = graph.dagSize(of: entries)
            program = EvaluationProgram(graph: graph, roots: entries)
            sizes.evaluatedNodes = Double(program!.nodeCount)
        } else {
            program = nil
            sizes.evaluatedNodes = sizes.derivativeTree ?? 0
        }

        self.functionID = function.id
        self.inputNames = function.inputNames
        self.point = point
        self.method = options.method
        self.graph = graph
        self.function = f
        self.simplifiedFunction = simplifiedFunction
        self.jacobian = rows
        self.values = trace.values
        self.pathConditions = trace.conditions
        self.sizes = sizes
        self.differentiateNanoseconds = differentiate
        self.simplifyNanoseconds = simplify
    }

    /// The Jacobian's closed forms evaluated at `point` in R (rows: outputs, columns: inputs). The point
    /// should lie in the region of ``pathConditions``; elsewhere this is the derivative of another branch.
    public func evaluate<R: RealNumber>(at point: [R]) -> [[R]] {
        let columns = jacobian.first?.count ?? 0
        let flat: [R]
        if let program {
            flat = program.evaluate(at: point)
        } else {
            flat = jacobian.joined().map { TreeEvaluation.evaluate($0, in: graph, at: point) }
        }
        return jacobian.indices.map { i in Array(flat[(i * columns)..<((i + 1) * columns)]) }
    }

    // MARK: Text

    /// The printer used for this function's input names.
    public var printer: ExpressionPrinter { ExpressionPrinter(inputNames: inputNames) }

    /// f's outputs as text (simplified when available).
    public var printedFunction: [String] {
        (simplifiedFunction ?? function).map { printer.string(for: $0, in: graph) }
    }

    /// The Jacobian entries as text: `printedJacobian[i][j]` is ∂fᵢ/∂xⱼ.
    public var printedJacobian: [[String]] {
        jacobian.map { row in row.map { printer.string(for: $0, in: graph) } }
    }

    /// The gradient entries as text (the first row of the Jacobian).
    public var printedGradient: [String] { printedJacobian.first ?? [] }

    /// "valid where x2 > 0.5", or "valid everywhere (no data-dependent branch)".
    public var region: String { pathConditions.regionDescription(inputNames: inputNames) }

    /// A few lines a person can read: f, each partial derivative, and the region.
    public var report: String {
        let names = (0..<point.count).map { printer.name(ofInput: $0) }
        var lines: [String] = []
        for (i, text) in printedFunction.enumerated() {
            let name = function.count == 1 ? "f" : "f[\(i)]"
            lines.append("\(name)(\(names.joined(separator: ", "))) = \(text)")
            for (j, entry) in printedJacobian[i].enumerated() {
                lines.append("  d\(name)/d\(names[j]) = \(entry)")
            }
        }
        lines.append(region)
        return lines.joined(separator: "\n")
    }

    static func nanoseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) * 1e-9
    }
}
