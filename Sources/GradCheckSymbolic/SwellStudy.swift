import GradCheckCore

/// One measurement of the swell study: a function of a family at one depth (or size), and the sizes of
/// its closed forms and their derivatives.
public struct SwellRow: Sendable, Hashable, Codable {
    /// The family, e.g. `logistic-map`.
    public var family: String
    /// What ``parameter`` counts: `steps`, `n`, `depth` or `squarings`.
    public var parameterName: String
    public var parameter: Int
    /// The test function's id, e.g. `symbolic-study/logistic-l10`.
    public var function: String
    /// ops(f): arithmetic operations of one plain evaluation, counted over `Counted<Double>`.
    public var functionOperations: Int
    /// f written out as a tree, and as a DAG.
    public var functionTree: Double
    public var functionDAG: Int
    /// f′ by the textbook rules, unsimplified: as a tree (the swell) and as a DAG.
    public var derivativeTree: Double
    public var derivativeDAG: Int
    /// f′ simplified: as a tree and as a DAG (the form the `symbolic` strategy evaluates).
    public var derivativeSimplifiedTree: Double
    public var derivativeSimplifiedDAG: Int
    /// f′ by reverse accumulation over the DAG (the form `symbolic-adjoint` evaluates), if measured.
    public var adjointDAG: Int?
    /// Median nanoseconds to differentiate and to simplify (the trace excluded).
    public var differentiateNanoseconds: Double
    public var simplifyNanoseconds: Double
    /// Further figures a caller adds (e.g. reverse mode's ω for the same function): name → value.
    public var extra: [String: Double]

    /// Differentiation plus simplification, in nanoseconds.
    public var totalNanoseconds: Double { differentiateNanoseconds + simplifyNanoseconds }
    /// Raw tree of f′ over the DAG of f: how much the written-out derivative swells.
    public var swellFactor: Double { derivativeTree / Double(max(functionDAG, 1)) }
}

/// Expression swell, measured: how the closed forms of f and f′ grow with depth (or size) for four
/// families of functions, as trees, simplified trees and DAGs.
///
/// - `logistic-map`: ``LogisticMap``, steps k = 1…12 (l₂ … l₁₃): exponential trees.
/// - `product-of-squares`: ``ProductOfSquaresPlusOne``, n = 4, 8, 16, 32, 64: the forward (n² nodes) against
///   reverse (n nodes) cost of a gradient, as closed forms.
/// - `nested-sine`: ``NestedSine``, depth 1 … 64: quadratic trees.
/// - `repeated-squaring`: ``RepeatedSquaring``, k = 1…12: doubling trees that collect back to linear.
///
/// Each row traces the function at its first explicit sample point and measures the textbook derivative,
/// its simplification and (optionally) the adjoint form. Tree sizes are computed from the DAG without
/// writing anything out, so the raw trees may be astronomically large; DAG sizes are bounded by the node
/// limit, past which a row is skipped (its family reports fewer rows).
public enum SwellStudy {
    /// A family of the study.
    public enum Family: String, Sendable, Hashable, CaseIterable, Codable {
        case logisticMap = "logistic-map"
        case productOfSquares = "product-of-squares"
        case nestedSine = "nested-sine"
        case repeatedSquaring = "repeated-squaring"

        /// The depths (or sizes) measured by default.
        public var defaultParameters: [Int] {
            switch self {
            case .logisticMap, .repeatedSquaring: Array(1...12)
            case .productOfSquares: [4, 8, 16, 32, 64]
            case .nestedSine: [1, 2, 4, 8, 16, 32, 64]
            }
        }

        /// What the parameter counts.
        public var parameterName: String {
            switch self {
            case .logisticMap: "steps"
            case .productOfSquares: "n"
            case .nestedSine: "depth"
            case .repeatedSquaring: "squarings"
            }
        }

        /// The test function of this family at `parameter`.
        public func function(_ parameter: Int) -> any TestFunction {
            switch self {
            case .logisticMap: LogisticMap(steps: parameter)
            case .productOfSquares: ProductOfSquaresPlusOne(n: parameter)
            case .nestedSine: NestedSine(depth: parameter)
            case .repeatedSquaring: RepeatedSquaring(squarings: parameter)
            }
        }
    }

    /// The rows for `families` at their default parameters (or those given in `parameters`), in order.
    /// `repetitions` runs of differentiation and simplification are timed per row (the median is kept).
    public static func run(
        _ families: [Family] = Family.allCases, parameters: [Family: [Int]] = [:], repetitions: Int = 3,
        includeAdjoint: Bool = true, nodeLimit: Int = ExpressionGraph.defaultNodeLimit
    ) -> [SwellRow] {
        var rows: [SwellRow] = []
        for family in families {
            for parameter in parameters[family] ?? family.defaultParameters {
                let function = family.function(parameter)
                guard let point = function.sampling.explicitPoints.first,
                    let row = try? measure(
                        function, at: point, family: family.rawValue, parameterName: family.parameterName,
                        parameter: parameter, repetitions: repetitions, includeAdjoint: includeAdjoint,
                        nodeLimit: nodeLimit)
                else { continue }
                rows.append(row)
            }
        }
        return rows
    }

    /// One row for any test function; `family`, `parameterName` and `parameter` are the caller's labels.
    public static func measure(
        _ function: any TestFunction, at point: [Double], family: String, parameterName: String, parameter: Int,
        repetitions: Int = 3, includeAdjoint: Bool = true, nodeLimit: Int = ExpressionGraph.defaultNodeLimit
    ) throws -> SwellRow {
        let options = SymbolicOptions(method: .simplified, nodeLimit: nodeLimit)
        var runs: [SymbolicDerivative] = []
        for _ in 0..<max(1, repetitions) { runs.append(try SymbolicDerivative(of: function, at: point, options: options)) }
        runs.sort { $0.differentiateNanoseconds + $0.simplifyNanoseconds < $1.differentiateNanoseconds + $1.simplifyNanoseconds }
        let median = runs[runs.count / 2]
        let adjoint = includeAdjoint
            ? try SymbolicDerivative(of: function, at: point, options: SymbolicOptions(method: .adjoint, nodeLimit: nodeLimit))
            : nil
        let counted = point.map { Counted<Double>($0) }
        let (_, operations) = try OperationTally.measure { try function.evaluate(counted) }
        let sizes = median.sizes
        return SwellRow(
            family: family, parameterName: parameterName, parameter: parameter, function: function.id.description,
            functionOperations: operations.total, functionTree: sizes.functionTree, functionDAG: sizes.functionDAG,
            derivativeTree: sizes.derivativeTree ?? .nan, derivativeDAG: sizes.derivativeDAG ?? 0,
            derivativeSimplifiedTree: sizes.derivativeSimplifiedTree ?? .nan,
            derivativeSimplifiedDAG: sizes.derivativeSimplifiedDAG ?? 0,
            adjointDAG: adjoint?.sizes.derivativeSimplifiedDAG,
            differentiateNanoseconds: median.differentiateNanoseconds,
            simplifyNanoseconds: median.simplifyNanoseconds, extra: [:])
    }

    /// The rows as an aligned text table (one line per row), for a terminal or a log.
    public static func table(_ rows: [SwellRow]) -> String {
        let header = ["family", "param", "ops(f)", "f DAG", "f' tree", "f' simpl. tree", "f' DAG", "adjoint DAG", "µs"]
        var lines = [header]
        for row in rows {
            lines.append([
                row.family, "\(row.parameterName)=\(row.parameter)", "\(row.functionOperations)", "\(row.functionDAG)",
                format(row.derivativeTree), format(row.derivativeSimplifiedTree), "\(row.derivativeSimplifiedDAG)",
                row.adjointDAG.map(String.init) ?? "-", String(format: row.totalNanoseconds / 1000),
            ])
        }
        let widths = header.indices.map { c in lines.map { $0[c].count }.max() ?? 0 }
        return lines.map { line in
            line.enumerated().map { c, cell in
                c == 0 ? cell.padding(widths[c]) : cell.leftPadding(widths[c])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    private static func format(_ x: Double) -> String {
        x < 1e15 ? String(Int64(x)) : String(describing: x)
    }
}

extension String {
    fileprivate init(format value: Double) {
        let scaled = (value * 10).rounded() / 10
        self = "\(scaled)"
    }

    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    fileprivate func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
