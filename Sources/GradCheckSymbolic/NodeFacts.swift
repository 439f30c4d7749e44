/// What is known about a node's value for every value of the inputs, derived from its operation and its
/// arguments' facts when the node is interned (O(1) per node).
///
/// The sign facts are *provable* and conservative: `isNonzero` means "this value is neither 0 nor ±∞ nor
/// NaN wherever all its arguments are finite and in their domains", which is what a rewrite that cancels a
/// divisor (x/x → 1, x²/x → x, 0/x → 0) needs. Rules:
/// - a constant c: positive if c > 0, nonnegative if c ≥ 0, nonzero if c ≠ 0 and finite; π positive;
/// - exp u, cosh u: positive; sqrt u: nonnegative (positive if u is); hypot(u, v): nonnegative (positive if
///   u or v is nonzero);
/// - u·u, u^(2k): nonnegative (positive if u is nonzero); u^(2k+1): the sign of u; u^(−k): nonzero if u is;
/// - u + v: positive if one is positive and the other nonnegative; u·v, u/v: positive if both are,
///   nonzero if both are; −u: nonzero if u is;
/// - sinh, tanh, atan, cbrt, erf (odd, increasing, zero only at 0): positive / nonzero if u is.
/// Nothing is claimed for anything else (log, sin, a difference, …).
public struct NodeFacts: Sendable, Hashable {
    /// The value depends on at least one input (otherwise it is a constant expression).
    public var dependsOnInput: Bool
    /// Provably > 0.
    public var isPositive: Bool
    /// Provably ≥ 0.
    public var isNonnegative: Bool
    /// Provably ≠ 0 (and finite where the arguments are).
    public var isNonzero: Bool

    init(dependsOnInput: Bool, isPositive: Bool = false, isNonnegative: Bool = false, isNonzero: Bool = false) {
        self.dependsOnInput = dependsOnInput
        self.isPositive = isPositive
        self.isNonnegative = isNonnegative || isPositive
        self.isNonzero = isNonzero || isPositive
    }

    /// The facts of `operation` applied to arguments with facts `first` and `second`; `sameArguments` is
    /// true when both arguments are the same node (u·u is a square).
    init(operation: Operation, first: NodeFacts?, second: NodeFacts?, sameArguments: Bool) {
        let depends = (first?.dependsOnInput ?? false) || (second?.dependsOnInput ?? false)
        let a = first ?? NodeFacts(dependsOnInput: false)
        let b = second ?? NodeFacts(dependsOnInput: false)
        switch operation {
        case .constant(let c):
            self.init(dependsOnInput: false, isPositive: c > 0 && c.isFinite, isNonnegative: c >= 0,
                isNonzero: c != 0 && c.isFinite)
        case .pi:
            self.init(dependsOnInput: false, isPositive: true)
        case .input:
            self.init(dependsOnInput: true)
        case .add:
            self.init(
                dependsOnInput: depends,
                isPositive: (a.isPositive && b.isNonnegative) || (a.isNonnegative && b.isPositive),
                isNonnegative: a.isNonnegative && b.isNonnegative)
        case .subtract:
            self.init(dependsOnInput: depends)
        case .multiply:
            self.init(
                dependsOnInput: depends, isPositive: a.isPositive && b.isPositive,
                isNonnegative: (a.isNonnegative && b.isNonnegative) || sameArguments,
                isNonzero: a.isNonzero && b.isNonzero)
        case .divide:
            self.init(
                dependsOnInput: depends, isPositive: a.isPositive && b.isPositive,
                isNonnegative: a.isNonnegative && b.isPositive, isNonzero: a.isNonzero && b.isNonzero)
        case .negate:
            self.init(dependsOnInput: depends, isNonzero: a.isNonzero)
        case .power(let n):
            if n == 0 {
                self.init(dependsOnInput: depends, isPositive: true)
            } else if n % 2 == 0 {
                self.init(dependsOnInput: depends, isPositive: a.isNonzero, isNonnegative: true, isNonzero: a.isNonzero)
            } else {
                self.init(
                    dependsOnInput: depends, isPositive: a.isPositive, isNonnegative: a.isNonnegative,
                    isNonzero: a.isNonzero)
            }
        case .function(let f):
            switch f {
            case .exp, .cosh:
                self.init(dependsOnInput: depends, isPositive: true)
            case .sqrt:
                self.init(dependsOnInput: depends, isPositive: a.isPositive, isNonnegative: true)
            case .sinh, .tanh, .atan, .cbrt, .erf:
                self.init(
                    dependsOnInput: depends, isPositive: a.isPositive, isNonnegative: a.isNonnegative,
                    isNonzero: a.isNonzero)
            default:
                self.init(dependsOnInput: depends)
            }
        case .binary(let f):
            switch f {
            case .hypot:
                self.init(dependsOnInput: depends, isPositive: a.isNonzero || b.isNonzero, isNonnegative: true)
            case .pow, .atan2:
                self.init(dependsOnInput: depends)
            }
        }
    }
}
