/// Long operator chains (more than ``OperatorChain/nestedLimit`` operators), checked by a loop.
///
/// The result is what checking the nested binary operations `((a op₁ b) op₂ c) …` gives — the same types,
/// the same diagnostics in the same order, the same values — but flat: Int and Real runs become
/// ``IntIR/chain(_:_:)`` and ``RealIR/chain(_:_:)``, `&&` and `||` runs ``BoolIR/all(_:)`` and
/// ``BoolIR/any(_:)``, each one level deep however long. In detail, as the nested form does:
/// - operands are checked from left to right;
/// - an arithmetic operand is checked in an Int context when the chain is, or when a `%` stands at its
///   link or any later one (the nested form checks both sides of `%`, the whole prefix included, as Int);
/// - while the prefix and the operand are both Int (and `/` is in an Int context), the step is Int
///   arithmetic; the first step that is not turns the prefix into a Real (`fromInt` of the Int run) and
///   every later step is Real arithmetic;
/// - a step whose operands have the wrong types is reported once at its operator, and the chain is then
///   in error: later steps report nothing more about the prefix, though their operands are still checked.
extension FunctionChecker {
    mutating func checkLongChain(_ first: Expr, _ links: [ChainLink], intContext: Bool) -> Checked {
        let logical = links.contains { $0.op == .and || $0.op == .or }
        // contexts[i]: the Int context of link i's operand and step (and, for i = 0, of the first operand).
        var contexts = [Bool](repeating: false, count: links.count)
        if !logical {
            var remainderFollows = false
            for i in links.indices.reversed() {
                remainderFollows = remainderFollows || links[i].op == .remainder
                contexts[i] = intContext || remainderFollows
            }
        }
        var prefix = ChainPrefix(check(first, intContext: contexts[0]))
        for (i, link) in links.enumerated() {
            let right = check(link.operand, intContext: contexts[i])
            if logical {
                appendLogical(link, right, to: &prefix)
            } else {
                appendArithmetic(link, right, intContext: contexts[i], to: &prefix)
            }
        }
        return prefix.value
    }

    /// `prefix && right` or `prefix || right`.
    private mutating func appendLogical(_ link: ChainLink, _ right: Checked, to prefix: inout ChainPrefix) {
        if case .bools = prefix.kind, case .bool(let operand) = right {
            prefix.bools.append(operand)
            prefix.logicalOperator = link.op
            return
        }
        prefix.fail(mismatch(link.op, prefix.type, right.type, at: link.operatorOffset, needs: "Bool operands"))
    }

    /// `prefix op right` for `+ - * / %`, by the rules of ``checkBinary(_:_:_:at:intContext:)``.
    private mutating func appendArithmetic(_ link: ChainLink, _ right: Checked, intContext: Bool, to prefix: inout ChainPrefix) {
        let op = link.op
        if case .ints = prefix.kind, case .int(let operand) = right, op != .divide || intContext {
            prefix.intLinks.append(IntLink(op: op.integer, operand: operand, location: location(link.operatorOffset)))
            return
        }
        if op == .remainder {
            prefix.fail(mismatch(op, prefix.type, right.type, at: link.operatorOffset, needs: "Int operands"))
            return
        }
        if prefix.isNumber, let operand = right.real, let arithmetic = op.arithmetic {
            prefix.promoteToReal()
            prefix.realLinks.append(RealLink(op: arithmetic, operand: operand))
            return
        }
        prefix.fail(mismatch(op, prefix.type, right.type, at: link.operatorOffset, needs: "numbers"))
    }
}

/// The checked value of a chain's prefix, kept flat so that each step appends in constant time.
struct ChainPrefix {
    enum Kind { case ints, reals, bools, single }
    var kind: Kind
    /// The prefix when it is a single operand that is not Int, Real or Bool, or when the chain is in error.
    var single: Checked = .unknown
    var intFirst: IntIR = .constant(0)
    var intLinks: [IntLink] = []
    var realFirst: RealIR = .constant(0)
    var realLinks: [RealLink] = []
    var bools: [BoolIR] = []
    /// `&&` or `||`, once a logical step was taken.
    var logicalOperator: BinaryOperator = .and

    init(_ first: Checked) {
        switch first {
        case .int(let ir):
            kind = .ints
            intFirst = ir
        case .real(let ir):
            kind = .reals
            realFirst = ir
        case .bool(let ir):
            kind = .bools
            bools = [ir]
        default:
            kind = .single
            single = first
        }
    }

    var type: ValueType {
        switch kind {
        case .ints: .int
        case .reals: .real
        case .bools: .bool
        case .single: single.type
        }
    }

    var isNumber: Bool { kind == .ints || kind == .reals }

    /// The Int run so far: its first operand alone, one `arithmetic` node, or a chain.
    var intValue: IntIR {
        switch intLinks.count {
        case 0: intFirst
        case 1: .arithmetic(intLinks[0].op, intFirst, intLinks[0].operand, intLinks[0].location)
        default: .chain(intFirst, intLinks)
        }
    }

    /// Turns an Int prefix into a Real one (`fromInt` of the Int run); a Real prefix stays as it is.
    mutating func promoteToReal() {
        guard kind == .ints else { return }
        realFirst = .fromInt(intValue)
        realLinks = []
        intLinks = []
        kind = .reals
    }

    /// Puts the chain in error (`result` is the `unknown` a mismatch returns).
    mutating func fail(_ result: Checked) {
        kind = .single
        single = result
        intLinks = []
        realLinks = []
        bools = []
    }

    /// The checked chain.
    var value: Checked {
        switch kind {
        case .ints:
            return .int(intValue)
        case .reals:
            switch realLinks.count {
            case 0: return .real(realFirst)
            case 1: return .real(.arithmetic(realLinks[0].op, realFirst, realLinks[0].operand))
            default: return .real(.chain(realFirst, realLinks))
            }
        case .bools:
            let isAnd = logicalOperator == .and
            switch bools.count {
            case 1: return .bool(bools[0])
            case 2: return .bool(isAnd ? .and(bools[0], bools[1]) : .or(bools[0], bools[1]))
            default: return .bool(isAnd ? .all(bools) : .any(bools))
            }
        case .single:
            return single
        }
    }
}
