/// Statements: declarations, assignments, control flow, `return`.
extension FunctionChecker {
    mutating func checkStatement(_ statement: Statement) -> StatementIR? {
        switch statement.kind {
        case .declaration(let isConstant, let name, let nameOffset, let annotation, let value):
            return checkDeclaration(isConstant: isConstant, name: name, nameOffset: nameOffset, annotation: annotation, value: value)
        case .assignment(let target, let op, let operatorOffset, let value):
            return checkAssignment(target: target, op: op, operatorOffset: operatorOffset, value: value)
        case .conditional(let branches, let otherwise):
            var lowered: [(BoolIR, [StatementIR], SuiteLocation)] = []
            for branch in branches {
                let condition = condition(branch.condition, what: "an 'if' condition")
                let body = checkBlock(branch.body)
                if let condition { lowered.append((condition, body, location(branch.condition.offset))) }
            }
            let elseBody = otherwise.map { checkBlock($0) } ?? []
            return .conditional(lowered, otherwise: elseBody)
        case .forLoop(let variable, let variableOffset, let lower, let upper, let inclusive, let body):
            let lowerIR = integer(lower, what: "a range bound")
            let upperIR = integer(upper, what: "a range bound")
            return withScope { checker in
                let slot = checker.declare(variable, type: .int, role: .loopVariable, at: variableOffset)
                checker.loopDepth += 1
                let bodyIR = checker.checkBlock(body)
                checker.loopDepth -= 1
                guard let lowerIR, let upperIR else { return nil }
                let cost = 1 &+ Self.size(of: lower) &+ Self.size(of: upper) &+ Self.cost(of: body.statements)
                return .forRange(
                    variable: slot, lower: lowerIR, upper: upperIR, inclusive: inclusive, body: bodyIR, cost: cost,
                    checker.location(statement.offset))
            }
        case .whileLoop(let conditionExpr, let body):
            let conditionIR = condition(conditionExpr, what: "a 'while' condition")
            loopDepth += 1
            let bodyIR = checkBlock(body)
            loopDepth -= 1
            guard let conditionIR else { return nil }
            let cost = 1 &+ Self.size(of: conditionExpr) &+ Self.cost(of: body.statements)
            return .whileLoop(conditionIR, body: bodyIR, cost: cost, location(statement.offset))
        case .breakLoop, .continueLoop:
            let isBreak: Bool
            if case .breakLoop = statement.kind { isBreak = true } else { isBreak = false }
            guard loopDepth > 0 else {
                sink.error("'\(isBreak ? "break" : "continue")' outside a loop", at: statement.offset)
                return nil
            }
            return isBreak ? .breakLoop : .continueLoop
        case .returnValue(let value):
            return checkReturn(value, at: statement.offset)
        }
    }

    /// A Bool expression (conditions of `if` and `while`).
    mutating func condition(_ expr: Expr, what: String) -> BoolIR? {
        let checked = check(expr, intContext: false)
        switch checked {
        case .bool(let ir): return ir
        case .unknown: return nil
        default:
            sink.error("\(what) must be a Bool, but this is \(checked.type.rawValue)", at: expr.offset)
            return nil
        }
    }

    /// An Int expression (indices, range bounds, lengths).
    mutating func integer(_ expr: Expr, what: String) -> IntIR? {
        let checked = check(expr, intContext: true)
        switch checked {
        case .int(let ir): return ir
        case .unknown: return nil
        default:
            let hint: String
            if case .name(let name) = expr.kind, checked.type == .real,
                let role = lookup(name)?.role, role == .constant || role == .variable
            {
                hint = " (declare it with 'let \(name): Int = …' to make it an integer)"
            } else {
                hint = ""
            }
            sink.error("\(what) must be an Int expression, but this is \(checked.type.rawValue)\(hint)", at: expr.offset)
            return nil
        }
    }

    /// Converts `checked` to `type` (only Int → Real is implicit); reports a mismatch.
    mutating func convert(_ checked: Checked, to type: ValueType, at offset: Int, what: String) -> TypedIR? {
        switch (checked, type) {
        case (.unknown, _): return nil
        case (.int(let ir), .real): return .real(.fromInt(ir))
        default:
            if let typed = checked.typed, typed.type == type { return typed }
            sink.error("\(what) must be \(type.rawValue), but this is \(checked.type.rawValue)", at: offset)
            return nil
        }
    }

    mutating func checkDeclaration(
        isConstant: Bool, name: String, nameOffset: Int, annotation: TypeAnnotation?, value: Expr
    ) -> StatementIR? {
        let checked = check(value, intContext: annotation == .int)
        var type = checked.type
        var typed = checked.typed
        if let annotation {
            let wanted: ValueType = switch annotation {
            case .int: .int
            case .real: .real
            case .bool: .bool
            case .vector: .vector
            }
            type = wanted
            typed = convert(checked, to: wanted, at: value.offset, what: "the initial value of '\(name)'")
        }
        let role: Variable.Role = isConstant ? .constant : .variable
        let slot = declare(name, type: type, role: role, at: nameOffset)
        guard let typed else { return nil }
        return store(typed, into: slot, name: name, isDeclaration: true, at: location(nameOffset))
    }

    /// The statement that stores `typed` into a slot; records single assignments for static analysis.
    mutating func store(
        _ typed: TypedIR, into slot: Int, name: String, isDeclaration: Bool, at location: SuiteLocation
    ) -> StatementIR {
        let key = "\(typed.type.rawValue)\(slot)"
        if !isDeclaration { reassigned.insert(key) }
        switch typed {
        case .real(let ir): return .setReal(slot, ir)
        case .int(let ir):
            if isDeclaration { declarations.ints[slot] = ir }
            return .setInt(slot, ir)
        case .bool(let ir): return .setBool(slot, ir)
        case .vector(let ir):
            if isDeclaration { declarations.vectors[slot] = ir }
            return .setVector(slot, ir, location)
        case .matrix(let ir):
            if isDeclaration { declarations.matrices[slot] = ir }
            return .setMatrix(slot, ir, location)
        }
    }

    /// The definitions of the slots that are never assigned after their declaration.
    var staticDefinitions: StaticDefinitions {
        var result = StaticDefinitions()
        result.ints = declarations.ints.filter { !reassigned.contains("Int\($0.key)") }
        result.vectors = declarations.vectors.filter { !reassigned.contains("Vector\($0.key)") }
        result.matrices = declarations.matrices.filter { !reassigned.contains("Matrix\($0.key)") }
        return result
    }

    mutating func checkAssignment(
        target: AssignmentTarget, op: AssignmentOperator, operatorOffset: Int, value: Expr
    ) -> StatementIR? {
        guard let variable = lookup(target.name) else {
            let scopes = self.scopes
            sink.error(
                "unknown name '\(target.name)'" + NameSuggestion.hint(target.name, among: Self.names(in: scopes)),
                at: target.nameOffset)
            return nil
        }
        let reason: String? = switch variable.role {
        case .parameter: "it is a parameter"
        case .length: "it is the length of a vector parameter"
        case .constant: "it is a 'let' constant"
        case .loopVariable: "it is the loop variable"
        case .variable: nil
        }
        if let reason {
            sink.error("cannot assign to '\(target.name)': \(reason)", at: target.nameOffset)
            return nil
        }
        let at = location(target.nameOffset)
        switch (variable.type, target.indices.count) {
        case (.unknown, _):
            _ = check(value, intContext: false)
            return nil
        case (_, 0):
            if op != .assign, ![.int, .real].contains(variable.type) {
                sink.error("'\(op.rawValue)' needs a number, but '\(target.name)' is \(variable.type.rawValue)", at: operatorOffset)
                return nil
            }
            let checked = check(value, intContext: variable.type == .int)
            guard var typed = convert(checked, to: variable.type, at: value.offset, what: "the value assigned to '\(target.name)'")
            else { return nil }
            if let arithmetic = op.binary {
                typed = combine(variable, arithmetic, typed, at: at)
            }
            return store(typed, into: variable.slot, name: target.name, isDeclaration: false, at: at)
        case (.vector, 1):
            guard let index = integer(target.indices[0], what: "an index") else { return nil }
            guard case .real(let ir)? = convert(check(value, intContext: false), to: .real, at: value.offset, what: "a vector entry")
            else { return nil }
            return .setElement(vector: variable.slot, index: index, op: op.arithmetic, value: ir, at)
        case (.matrix, 1):
            guard op == .assign else {
                sink.error("'\(op.rawValue)' cannot update a whole row; update its entries", at: operatorOffset)
                return nil
            }
            guard let row = integer(target.indices[0], what: "an index"),
                case .vector(let ir)? = convert(check(value, intContext: false), to: .vector, at: value.offset, what: "a matrix row")
            else { return nil }
            return .setRow(matrix: variable.slot, row: row, value: ir, at)
        case (.matrix, 2):
            guard let row = integer(target.indices[0], what: "an index"),
                let column = integer(target.indices[1], what: "an index"),
                case .real(let ir)? = convert(check(value, intContext: false), to: .real, at: value.offset, what: "a matrix entry")
            else { return nil }
            return .setMatrixElement(matrix: variable.slot, row: row, column: column, op: op.arithmetic, value: ir, at)
        default:
            sink.error("'\(target.name)' is \(variable.type.rawValue) and cannot be indexed \(target.indices.count == 1 ? "" : "twice")", at: target.nameOffset)
            return nil
        }
    }

    /// `variable op value` for a compound assignment to a whole variable.
    func combine(_ variable: Variable, _ op: BinaryOperator, _ value: TypedIR, at location: SuiteLocation) -> TypedIR {
        switch value {
        case .int(let rhs):
            let integerOperator: IntegerOperator = switch op {
            case .add: .add
            case .subtract: .subtract
            case .multiply: .multiply
            default: .divide
            }
            return .int(.arithmetic(integerOperator, .local(variable.slot), rhs, location))
        case .real(let rhs):
            return .real(.arithmetic(op.arithmetic ?? .add, .local(variable.slot), rhs))
        default:
            return value
        }
    }

    mutating func checkReturn(_ value: Expr, at offset: Int) -> StatementIR? {
        let checked = check(value, intContext: false)
        returns.append((checked.type, offset))
        guard let resultType, resultType != .unknown else { return nil }
        guard let typed = convert(checked, to: resultType, at: value.offset, what: "the result of \(subject)") else {
            return nil
        }
        return .returnValue(typed, offset: offset)
    }
}

extension AssignmentOperator {
    var arithmetic: ArithmeticOperator? { binary?.arithmetic }
}

extension BinaryOperator {
    var arithmetic: ArithmeticOperator? {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        default: nil
        }
    }
}
