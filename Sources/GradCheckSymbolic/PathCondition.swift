/// A comparison, as it held on the path a traced program took.
public enum Relation: String, Sendable, Hashable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// The relation that holds when this one does not: < ↔ >=, <= ↔ >, == ↔ !=.
    public var negated: Relation {
        switch self {
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        case .equal: .notEqual
        case .notEqual: .equal
        }
    }

    /// The same relation with the sides swapped: a < b ⇔ b > a.
    public var flipped: Relation {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: self
        }
    }
}

/// One data-dependent decision of a traced run: `lhs relation rhs` held (e.g. `x2 > 0.5`).
///
/// The closed form a trace produces is the function on the region where *every* path condition of the run
/// holds; outside it the program takes another branch and has another closed form. A comparison is a path
/// condition when at least one side depends on an input; comparisons of constants decide nothing about the
/// region and are not recorded. When the comparison was false, the negated relation is recorded (`a < b`
/// false becomes `a >= b`), and a constant side is put on the right (`0.5 < x2` becomes `x2 > 0.5`).
public struct PathCondition: Sendable, Hashable {
    public var lhs: SymbolicExpression
    public var relation: Relation
    public var rhs: SymbolicExpression

    public init(lhs: SymbolicExpression, relation: Relation, rhs: SymbolicExpression) {
        self.lhs = lhs
        self.relation = relation
        self.rhs = rhs
    }

    /// The condition as text, e.g. `x2 > 0.5`.
    public func string(inputNames: [String] = []) -> String {
        let printer = ExpressionPrinter(inputNames: inputNames, maximumLength: 400)
        return "\(printer.string(for: lhs)) \(relation.rawValue) \(printer.string(for: rhs))"
    }
}

/// A path condition recorded during tracing, by node ids of the trace's arena.
struct RecordedCondition: Sendable, Hashable {
    var lhs: NodeID
    var relation: Relation
    var rhs: NodeID
}

extension Array where Element == PathCondition {
    /// "valid where x2 > 0.5 and x1 >= 0", or "valid everywhere (no data-dependent branch)" when empty.
    public func regionDescription(inputNames: [String] = []) -> String {
        guard !isEmpty else { return "valid everywhere (no data-dependent branch)" }
        return "valid where " + map { $0.string(inputNames: inputNames) }.joined(separator: " and ")
    }
}
