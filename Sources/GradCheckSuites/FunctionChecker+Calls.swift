/// Calls of built-in functions and of the suite's own functions.
extension FunctionChecker {
    mutating func checkCall(_ name: String, _ arguments: [Expr], at offset: Int, intContext: Bool) -> Checked {
        if let builtin = Builtin(name) {
            guard builtin.arity.contains(arguments.count) else {
                let expected = builtin.arity.count == 1
                    ? "\(builtin.arity.lowerBound) argument\(builtin.arity.lowerBound == 1 ? "" : "s")"
                    : "\(builtin.arity.lowerBound) or \(builtin.arity.upperBound) arguments"
                reportArity(name, expected: expected, given: arguments.count, at: offset, arguments: arguments)
                return .unknown
            }
            return checkBuiltin(builtin, name: name, arguments, at: offset, intContext: intContext)
        }
        guard let index = context.functionIndex[name] else {
            for argument in arguments { _ = check(argument, intContext: false) }
            if lookup(name) != nil {
                sink.error("'\(name)' is a variable, not a function", at: offset)
            } else {
                sink.error(
                    "unknown function '\(name)'" + NameSuggestion.hint(name, among: Builtin.names + context.signatures.map(\.name)),
                    at: offset)
            }
            return .unknown
        }
        let signature = context.signatures[index]
        guard signature.parameters.count == arguments.count else {
            let count = signature.parameters.count
            reportArity(name, expected: "\(count) argument\(count == 1 ? "" : "s")", given: arguments.count, at: offset, arguments: arguments)
            return .unknown
        }
        var lowered: [TypedIR] = []
        for (parameter, argument) in zip(signature.parameters, arguments) {
            let checked = check(argument, intContext: false)
            if parameter.lengthName == nil {
                if let real = checked.real {
                    lowered.append(.real(real))
                } else if checked.type != .unknown {
                    sink.error(
                        "argument '\(parameter.name)' of '\(name)' must be a number, but this is \(checked.type.rawValue)",
                        at: argument.offset)
                }
            } else if case .vector(let vector) = checked {
                lowered.append(.vector(vector))
            } else if checked.type != .unknown {
                sink.error(
                    "argument '\(parameter.name)' of '\(name)' must be a Vector, but this is \(checked.type.rawValue)",
                    at: argument.offset)
            }
        }
        if signature.resultType == .unknown && context.isFinalPass {
            sink.error("the result type of '\(name)' cannot be inferred: each of its returns depends on itself", at: offset)
        }
        guard lowered.count == arguments.count else { return .unknown }
        let call = CallIR(function: index, arguments: lowered, location: location(offset))
        switch signature.resultType {
        case .real: return .real(.call(call))
        case .int: return .int(.call(call))
        case .bool: return .bool(.call(call))
        case .vector: return .vector(.call(call))
        case .matrix: return .matrix(.call(call))
        case .unknown: return .unknown
        }
    }

    mutating func reportArity(_ name: String, expected: String, given: Int, at offset: Int, arguments: [Expr]) {
        for argument in arguments { _ = check(argument, intContext: false) }
        sink.error("'\(name)' takes \(expected) but \(given) \(given == 1 ? "was" : "were") given", at: offset)
    }

    mutating func checkBuiltin(_ builtin: Builtin, name: String, _ arguments: [Expr], at offset: Int, intContext: Bool) -> Checked {
        switch builtin {
        case .len:
            let checked = check(arguments[0], intContext: false)
            switch checked {
            case .vector(let vector): return .int(.length(vector))
            case .matrix(let matrix): return .int(.rowCount(matrix))
            case .unknown: return .unknown
            default:
                sink.error("'len' needs a vector, but this is \(checked.type.rawValue)", at: arguments[0].offset)
                return .unknown
            }
        case .zeros:
            let lengths = arguments.map { integer($0, what: "the length in 'zeros'") }
            guard let first = lengths[0] else { return .unknown }
            if lengths.count == 1 { return .vector(.zeros(first, location(offset))) }
            guard let second = lengths[1] else { return .unknown }
            return .matrix(.zeros(first, second, location(offset)))
        case .real1(let function):
            let checked = check(arguments[0], intContext: intContext && function == .abs)
            if function == .abs, case .int(let ir) = checked { return .int(.abs(ir, location(offset))) }
            guard let real = checked.real else { return needsNumbers(name, [checked], arguments) }
            return .real(.function1(function, real, location(offset)))
        case .real2(let function):
            let integers = (function == .max || function == .min) && (intContext || arguments.allSatisfy(isIntegerValued))
            let a = check(arguments[0], intContext: integers)
            let b = check(arguments[1], intContext: integers)
            if function == .max || function == .min, case .int(let x) = a, case .int(let y) = b {
                return .int(function == .max ? .max(x, y) : .min(x, y))
            }
            guard let x = a.real, let y = b.real else { return needsNumbers(name, [a, b], arguments) }
            return .real(.function2(function, x, y, location(offset)))
        }
    }

    mutating func needsNumbers(_ name: String, _ checked: [Checked], _ arguments: [Expr]) -> Checked {
        if let bad = checked.indices.first(where: { !checked[$0].isNumber && checked[$0].type != .unknown }) {
            sink.error("'\(name)' needs a number, but this is \(checked[bad].type.rawValue)", at: arguments[bad].offset)
        }
        return .unknown
    }
}

/// What every function checker needs to know about the whole suite.
struct CheckContext {
    var signatures: [FunctionSignature]
    var functionIndex: [String: Int]
    /// In the last pass, results still unknown are errors; before, they are "not inferred yet".
    var isFinalPass = false

    /// Why `name` cannot be declared, or nil when it can.
    static func reservedReason(_ name: String) -> String? {
        switch name {
        case "pi": "is the constant π"
        case "true", "false": "is a Bool literal"
        default: nil
        }
    }
}

/// A function's interface: its parameters and (once inferred) its result type.
struct FunctionSignature {
    var name: String
    var parameters: [Parameter]
    var resultType: ValueType
    var isHelper: Bool
}
