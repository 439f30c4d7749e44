import GradCheckCore
import GradCheckEngine
import GradCheckReports
import GradCheckSymbolic

/// The expression-swell study as a table: for each family and depth, the size of f and of its
/// derivative as a raw tree, a simplified tree and a DAG, the adjoint DAG, and reverse mode's ω beside
/// them — the articles' point that swell is a matter of representation, not of differentiation.
public struct SwellReport {
    public var rows: [SwellRow]

    /// The key under which a row's `extra` holds reverse mode's measured ω.
    public static let reverseOmegaKey = "reverse.omega"

    public init(rows: [SwellRow]) { self.rows = rows }

    public func render() -> String {
        var table = TextTable(
            headers: ["family", "size", "ops(f)", "f DAG", "f′ tree", "f′ simplified tree", "f′ DAG", "adjoint DAG", "reverse ω", "µs"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right])
        for row in rows {
            table.append([
                row.family, "\(row.parameterName)=\(row.parameter)", String(row.functionOperations), String(row.functionDAG),
                Self.count(row.derivativeTree), Self.count(row.derivativeSimplifiedTree), String(row.derivativeSimplifiedDAG),
                row.adjointDAG.map(String.init) ?? "-", CellDescription.ratio(row.extra[Self.reverseOmegaKey]),
                NumberText.fixed(row.totalNanoseconds / 1000, decimals: 1),
            ])
        }
        return "expression swell: sizes in nodes; f′ is the whole gradient; µs = differentiate + simplify\n\n" + table.render()
    }

    /// A node count: exact below 10¹⁵, else in exponent form.
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return value.magnitude < 1e15 ? String(Int64(value)) : NumberText.short(value)
    }
}
