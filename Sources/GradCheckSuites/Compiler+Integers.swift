import GradCheckCore

/// Int and Bool code. Integer arithmetic is checked: an overflow or a division by zero is a located
/// run-time error, never a trap.
extension Compiler {
    func int(_ expr: IntIR) -> IntCode<S> {
        switch expr {
        case .constant(let value):
            return { _ in value }
        case .local(let slot):
            return { frame in frame.ints[slot] }
        case .negate(let operand, let location):
            let code = int(operand)
            return { frame in
                let (value, overflow) = 0.subtractingReportingOverflow(try code(frame))
                if overflow { throw RuntimeErrors.overflow("'-'", at: location) }
                return value
            }
        case .arithmetic(let op, .local(let slot), .constant(let k), let location)
        where op == .add || (op == .subtract && k != .min):
            let offset = op == .add ? k : -k
            return { frame in
                let (value, overflow) = frame.ints[slot].addingReportingOverflow(offset)
                if overflow { throw RuntimeErrors.overflow("'\(op == .add ? "+" : "-")'", at: location) }
                return value
            }
        case .arithmetic(let op, let lhs, let rhs, let location):
            return integerArithmetic(op, int(lhs), int(rhs), at: location)
        case .power(let base, let exponent, let location):
            let (a, b) = (int(base), int(exponent))
            return { frame in try Self.power(try a(frame), try b(frame), at: location) }
        case .abs(let operand, let location):
            let code = int(operand)
            return { frame in
                let value = try code(frame)
                if value == .min { throw RuntimeErrors.overflow("'abs'", at: location) }
                return Swift.abs(value)
            }
        case .max(let lhs, let rhs):
            let (a, b) = (int(lhs), int(rhs))
            return { frame in Swift.max(try a(frame), try b(frame)) }
        case .min(let lhs, let rhs):
            let (a, b) = (int(lhs), int(rhs))
            return { frame in Swift.min(try a(frame), try b(frame)) }
        case .length(.local(let slot)):
            return { frame in frame.vectors[slot].count }
        case .length(let vectorIR):
            let code = vector(vectorIR)
            return { frame in try code(frame).count }
        case .rowCount(let matrixIR):
            let code = matrix(matrixIR)
            return { frame in try code(frame).count }
        case .call(let call):
            let invoke = self.call(call)
            let slot = program.resultSlot(of: call.function)
            return { frame in
                let callee = try invoke(frame)
                defer { callee.release() }
                return callee.frame.ints[slot]
            }
        case .chain(let first, let links):
            return chain(first, links)
        }
    }

    func integerArithmetic(
        _ op: IntegerOperator, _ a: @escaping IntCode<S>, _ b: @escaping IntCode<S>, at location: SuiteLocation
    ) -> IntCode<S> {
        switch op {
        case .add:
            return { frame in
                let (value, overflow) = try a(frame).addingReportingOverflow(try b(frame))
                if overflow { throw RuntimeErrors.overflow("'+'", at: location) }
                return value
            }
        case .subtract:
            return { frame in
                let (value, overflow) = try a(frame).subtractingReportingOverflow(try b(frame))
                if overflow { throw RuntimeErrors.overflow("'-'", at: location) }
                return value
            }
        case .multiply:
            return { frame in
                let (value, overflow) = try a(frame).multipliedReportingOverflow(by: try b(frame))
                if overflow { throw RuntimeErrors.overflow("'*'", at: location) }
                return value
            }
        case .divide, .remainder:
            let isDivision = op == .divide
            return { frame in
                let (x, y) = (try a(frame), try b(frame))
                if y == 0 { throw RuntimeErrors.divisionByZero(at: location) }
                let (value, overflow) = isDivision ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
                if overflow { throw RuntimeErrors.overflow(isDivision ? "'/'" : "'%'", at: location) }
                return value
            }
        }
    }

    /// bⁿ for integers, checked; a negative exponent is an error (the result would not be an integer).
    static func power(_ base: Int, _ exponent: Int, at location: SuiteLocation) throws -> Int {
        guard exponent >= 0 else {
            throw SuiteRuntimeError(.integerOverflow, "negative exponent \(exponent) in an integer power", at: location)
        }
        var result = 1, factor = base, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: factor)
                if overflow { throw RuntimeErrors.overflow("'^'", at: location) }
                result = product
            }
            remaining >>= 1
            if remaining > 0 {
                let (square, overflow) = factor.multipliedReportingOverflow(by: factor)
                if overflow { throw RuntimeErrors.overflow("'^'", at: location) }
                factor = square
            }
        }
        return result
    }

    func bool(_ expr: BoolIR) -> BoolCode<S> {
        switch expr {
        case .constant(let value):
            return { _ in value }
        case .local(let slot):
            return { frame in frame.ints[slot] != 0 }
        case .not(let operand):
            let code = bool(operand)
            return { frame in !(try code(frame)) }
        case .and(let lhs, let rhs):
            let (a, b) = (bool(lhs), bool(rhs))
            return { frame in try a(frame) && b(frame) }
        case .or(let lhs, let rhs):
            let (a, b) = (bool(lhs), bool(rhs))
            return { frame in try a(frame) || b(frame) }
        case .compareReal(let op, let lhs, let rhs):
            return compare(op, real(lhs), real(rhs))
        case .compareInt(let op, let lhs, let rhs):
            return compare(op, int(lhs), int(rhs))
        case .compareBool(let equal, let lhs, let rhs):
            let (a, b) = (bool(lhs), bool(rhs))
            return { frame in (try a(frame) == b(frame)) == equal }
        case .call(let call):
            let invoke = self.call(call)
            let slot = program.resultSlot(of: call.function)
            return { frame in
                let callee = try invoke(frame)
                defer { callee.release() }
                return callee.frame.ints[slot] != 0
            }
        case .all(let operands):
            return all(operands)
        case .any(let operands):
            return any(operands)
        }
    }

    /// A comparison with the operand type's own operators (for S: on the primal value).
    func compare<T: Comparable & Sendable>(
        _ op: ComparisonOperator, _ a: @escaping @Sendable (Frame<S>) throws -> T,
        _ b: @escaping @Sendable (Frame<S>) throws -> T
    ) -> BoolCode<S> {
        switch op {
        case .less: { frame in try a(frame) < b(frame) }
        case .lessEqual: { frame in try a(frame) <= b(frame) }
        case .greater: { frame in try a(frame) > b(frame) }
        case .greaterEqual: { frame in try a(frame) >= b(frame) }
        case .equal: { frame in try a(frame) == b(frame) }
        case .notEqual: { frame in try a(frame) != b(frame) }
        }
    }
}
