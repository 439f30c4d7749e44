/// A checked expression: its type and lowered form, or `unknown` when an error was reported (or, during
/// result-type inference, when it depends on a result type not inferred yet).
enum Checked {
    case real(RealIR)
    case int(IntIR)
    case bool(BoolIR)
    case vector(VectorIR)
    case matrix(MatrixIR)
    case unknown

    init(_ typed: TypedIR) {
        switch typed {
        case .real(let ir): self = .real(ir)
        case .int(let ir): self = .int(ir)
        case .bool(let ir): self = .bool(ir)
        case .vector(let ir): self = .vector(ir)
        case .matrix(let ir): self = .matrix(ir)
        }
    }

    var type: ValueType {
        switch self {
        case .real: .real
        case .int: .int
        case .bool: .bool
        case .vector: .vector
        case .matrix: .matrix
        case .unknown: .unknown
        }
    }

    var typed: TypedIR? {
        switch self {
        case .real(let ir): .real(ir)
        case .int(let ir): .int(ir)
        case .bool(let ir): .bool(ir)
        case .vector(let ir): .vector(ir)
        case .matrix(let ir): .matrix(ir)
        case .unknown: nil
        }
    }

    /// The value as a Real (an Int promoted), if it is a number.
    var real: RealIR? {
        switch self {
        case .real(let ir): ir
        case .int(let ir): .fromInt(ir)
        default: nil
        }
    }

    var isNumber: Bool { type == .int || type == .real }
}

extension FunctionChecker {
    /// Checks `expr`. In an Int context (`intContext`), integer literals are Int and `/` divides integers.
    mutating func check(_ expr: Expr, intContext: Bool) -> Checked {
        switch expr.kind {
        case .integer(let value, let real):
            guard intContext else { return .real(.constant(real)) }
            guard let value else {
                sink.error("integer literal is too large for an Int", at: expr.offset)
                return .unknown
            }
            return .int(.constant(value))
        case .real(let value):
            return .real(.constant(value))
        case .boolean(let value):
            return .bool(.constant(value))
        case .name(let name):
            return checkName(name, at: expr.offset)
        case .call(let name, let arguments):
            return checkCall(name, arguments, at: expr.offset, intContext: intContext)
        case .index(let base, let index, let bracketOffset):
            return checkIndex(base, index, at: bracketOffset)
        case .vector(let elements):
            return checkVectorLiteral(elements, at: expr.offset)
        case .unary(let op, let operand):
            let checked = check(operand, intContext: intContext && op == .negate)
            switch (op, checked) {
            case (_, .unknown): return .unknown
            case (.negate, .int(let ir)): return .int(.negate(ir, location(expr.offset)))
            case (.negate, .real(let ir)): return .real(.negate(ir))
            case (.not, .bool(let ir)): return .bool(.not(ir))
            default:
                let needed = op == .negate ? "a number" : "a Bool"
                sink.error("prefix '\(op.rawValue)' needs \(needed), but this is \(checked.type.rawValue)", at: expr.offset)
                return .unknown
            }
        case .binary(let op, let lhs, let rhs, let operatorOffset):
            return checkBinary(op, lhs, rhs, at: operatorOffset, intContext: intContext)
        case .chain(let first, let links):
            // A short chain is the nested binary operations it stands for; a long one is checked by a loop.
            guard links.count > OperatorChain.nestedLimit else {
                return check(OperatorChain.nested(first, links), intContext: intContext)
            }
            return checkLongChain(first, links, intContext: intContext)
        case .string, .tuple, .range:
            sink.error("this form is only allowed in attributes", at: expr.offset)
            return .unknown
        }
    }

    mutating func checkName(_ name: String, at offset: Int) -> Checked {
        if name == "pi" { return .real(.constant(.pi)) }
        guard let variable = lookup(name) else {
            if context.functionIndex[name] != nil || Builtin(name) != nil {
                sink.error("'\(name)' is a function; call it with arguments: \(name)(…)", at: offset)
            } else {
                let scopes = self.scopes
                sink.error(
                    "unknown name '\(name)'" + NameSuggestion.hint(name, among: Self.names(in: scopes) + ["pi"]), at: offset)
            }
            return .unknown
        }
        switch variable.type {
        case .real: return .real(.local(variable.slot))
        case .int: return .int(.local(variable.slot))
        case .bool: return .bool(.local(variable.slot))
        case .vector: return .vector(.local(variable.slot))
        case .matrix: return .matrix(.local(variable.slot))
        case .unknown: return .unknown
        }
    }

    mutating func checkIndex(_ base: Expr, _ index: Expr, at offset: Int) -> Checked {
        let checkedBase = check(base, intContext: false)
        let indexIR = integer(index, what: "an index")
        switch checkedBase {
        case .unknown: return .unknown
        case .vector(let vector):
            guard let indexIR else { return .unknown }
            return .real(.element(vector, indexIR, location(offset)))
        case .matrix(let matrix):
            guard let indexIR else { return .unknown }
            return .vector(.row(matrix, indexIR, location(offset)))
        default:
            sink.error("only a vector can be indexed, but this is \(checkedBase.type.rawValue)", at: base.offset)
            return .unknown
        }
    }

    mutating func checkVectorLiteral(_ elements: [Expr], at offset: Int) -> Checked {
        let checked = elements.map { check($0, intContext: false) }
        if checked.contains(where: { $0.type == .unknown }) { return .unknown }
        if checked.allSatisfy(\.isNumber) { return .vector(.literal(checked.compactMap(\.real))) }
        let rows = checked.compactMap { element -> VectorIR? in
            if case .vector(let row) = element { return row }
            return nil
        }
        if rows.count == checked.count { return .matrix(.literal(rows)) }
        let firstIsVector = checked[0].type == .vector
        let bad = checked.indices.first { firstIsVector ? checked[$0].type != .vector : !checked[$0].isNumber } ?? 0
        let message = checked[bad].isNumber || checked[bad].type == .vector
            ? "a vector literal cannot mix numbers and vectors"
            : "a vector literal holds numbers (or vectors, for a matrix), not \(checked[bad].type.rawValue)"
        sink.error(message, at: elements[bad].offset)
        return .unknown
    }

    /// Whether `expr` denotes an integer: integer literals, Int variables, and `+ - * % ^`, prefix `-`,
    /// `len`, `abs`, `max`, `min` of those. Such operands make a comparison or an exponent Int.
    func isIntegerValued(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .integer(let value, _): return value != nil
        case .name(let name): return lookup(name)?.type == .int
        case .unary(.negate, let operand): return isIntegerValued(operand)
        case .binary(let op, let lhs, let rhs, _):
            return [.add, .subtract, .multiply, .remainder, .power].contains(op) && isIntegerValued(lhs) && isIntegerValued(rhs)
        case .chain(let first, let links):
            return links.allSatisfy { [.add, .subtract, .multiply, .remainder].contains($0.op) }
                && isIntegerValued(first) && links.allSatisfy { isIntegerValued($0.operand) }
        case .call("len", _): return true
        case .call(let name, let arguments):
            return ["abs", "max", "min"].contains(name) && !arguments.isEmpty && arguments.allSatisfy(isIntegerValued)
        default: return false
        }
    }

    mutating func checkBinary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at offset: Int, intContext: Bool) -> Checked {
        switch op {
        case .or, .and:
            let (left, right) = (check(lhs, intContext: false), check(rhs, intContext: false))
            if case .bool(let a) = left, case .bool(let b) = right { return .bool(op == .or ? .or(a, b) : .and(a, b)) }
            return mismatch(op, left, right, at: offset, needs: "Bool operands")
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            let integers = isIntegerValued(lhs) && isIntegerValued(rhs)
            let (left, right) = (check(lhs, intContext: integers), check(rhs, intContext: integers))
            let comparison = op.comparison
            switch (left, right) {
            case (.int(let a), .int(let b)): return .bool(.compareInt(comparison, a, b))
            case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual:
                return .bool(.compareBool(equal: op == .equal, a, b))
            default:
                if let a = left.real, let b = right.real { return .bool(.compareReal(comparison, a, b)) }
                return mismatch(op, left, right, at: offset, needs: "two numbers")
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            // `%` is defined on Ints only, so its operands are an Int context.
            let context = intContext || op == .remainder
            let (left, right) = (check(lhs, intContext: context), check(rhs, intContext: context))
            if case .int(let a) = left, case .int(let b) = right, op != .divide || context {
                return .int(.arithmetic(op.integer, a, b, location(offset)))
            }
            if op == .remainder {
                return mismatch(op, left, right, at: offset, needs: "Int operands")
            }
            if let a = left.real, let b = right.real, let arithmetic = op.arithmetic {
                return .real(.arithmetic(arithmetic, a, b))
            }
            return mismatch(op, left, right, at: offset, needs: "numbers")
        case .power:
            let base = check(lhs, intContext: intContext)
            let exponent = check(rhs, intContext: isIntegerValued(rhs))
            switch (base, exponent) {
            case (.int(let a), .int(let b)): return .int(.power(a, b, location(offset)))
            case (_, .int(let n)):
                if let x = base.real { return .real(.powerInt(x, n)) }
            default:
                if let x = base.real, let y = exponent.real { return .real(.powerReal(x, y)) }
            }
            return mismatch(op, base, exponent, at: offset, needs: "numbers")
        }
    }

    /// Reports operands of the wrong types (unless one is already in error).
    mutating func mismatch(_ op: BinaryOperator, _ left: Checked, _ right: Checked, at offset: Int, needs: String) -> Checked {
        mismatch(op, left.type, right.type, at: offset, needs: needs)
    }

    /// Reports operands of types `left` and `right` (unless one is already in error).
    mutating func mismatch(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType, at offset: Int, needs: String) -> Checked {
        if left != .unknown && right != .unknown {
            sink.error("'\(op.rawValue)' needs \(needs), but has \(left.rawValue) and \(right.rawValue)", at: offset)
        }
        return .unknown
    }
}

extension BinaryOperator {
    var comparison: ComparisonOperator {
        switch self {
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equal: .equal
        default: .notEqual
        }
    }

    var integer: IntegerOperator {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        default: .remainder
        }
    }
}
