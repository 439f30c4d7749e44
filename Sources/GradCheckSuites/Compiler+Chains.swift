import GradCheckCore

/// Code for long operator chains (``RealIR/chain(_:_:)``, ``IntIR/chain(_:_:)``, ``BoolIR/all(_:)``,
/// ``BoolIR/any(_:)``): one closure that runs a loop over its operands, so that a sum of 20,000 terms
/// costs one call level at run time, not 20,000 nested calls.
///
/// The loop computes what the nested binary closures would: the first operand, then each link's operand
/// combined into the running value in the written order (`((a + b) + c) + …`, rounded step by step, never
/// re-associated); integer steps are checked for overflow and division by zero at their operator;
/// `&&` and `||` stop at the first operand that decides them. Each real step fuses its operand's load
/// (constant, local, vector entry) with the operator, as ``Compiler/arithmetic(_:_:_:)`` does.
typealias RealStep<S> = @Sendable (S, Frame<S>) throws -> S

extension Compiler {
    func chain(_ first: RealIR, _ links: [RealLink]) -> RealCode<S> {
        let start = real(first)
        let steps = links.map { step($0.op, operand($0.operand)) }
        return { frame in
            var value = try start(frame)
            for step in steps { value = try step(value, frame) }
            return value
        }
    }

    func chain(_ first: IntIR, _ links: [IntLink]) -> IntCode<S> {
        let start = int(first)
        let steps = links.map { (op: $0.op, code: int($0.operand), location: $0.location) }
        return { frame in
            var value = try start(frame)
            for step in steps { value = try Self.checked(step.op, value, try step.code(frame), at: step.location) }
            return value
        }
    }

    func all(_ operands: [BoolIR]) -> BoolCode<S> {
        let codes = operands.map { bool($0) }
        return { frame in
            for code in codes where !(try code(frame)) { return false }
            return true
        }
    }

    func any(_ operands: [BoolIR]) -> BoolCode<S> {
        let codes = operands.map { bool($0) }
        return { frame in
            for code in codes where try code(frame) { return true }
            return false
        }
    }

    /// `value op operand` as a step of a chain, with the operand's load fused.
    func step(_ op: ArithmeticOperator, _ operand: Operand<S>) -> RealStep<S> {
        switch op {
        case .add: step(AddOperation.self, operand)
        case .subtract: step(SubtractOperation.self, operand)
        case .multiply: step(MultiplyOperation.self, operand)
        case .divide: step(DivideOperation.self, operand)
        }
    }

    func step<Op: ArithmeticOperation>(_ op: Op.Type, _ operand: Operand<S>) -> RealStep<S> {
        switch operand {
        case .constant(let value): Self.makeStep(op, ConstantLoad(value: value))
        case .local(let slot): Self.makeStep(op, LocalLoad<S>(slot: slot))
        case .element(let vector, let index, let offset, let location):
            Self.makeStep(op, ElementLoad<S>(vector: vector, index: index, offset: offset, location: location))
        case .code(let code): Self.makeStep(op, CodeLoad(code: code))
        }
    }

    static func makeStep<Op: ArithmeticOperation, B: RealLoad<S>>(_: Op.Type, _ b: B) -> RealStep<S> {
        { value, frame in Op.apply(value, try b.load(frame)) }
    }

    /// `x op y` for Ints, checked: an overflow or a division by zero throws, located at the operator.
    static func checked(_ op: IntegerOperator, _ x: Int, _ y: Int, at location: SuiteLocation) throws -> Int {
        let (value, overflow): (Int, Bool)
        switch op {
        case .add: (value, overflow) = x.addingReportingOverflow(y)
        case .subtract: (value, overflow) = x.subtractingReportingOverflow(y)
        case .multiply: (value, overflow) = x.multipliedReportingOverflow(by: y)
        case .divide, .remainder:
            if y == 0 { throw RuntimeErrors.divisionByZero(at: location) }
            (value, overflow) = op == .divide ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
        }
        if overflow { throw RuntimeErrors.overflow(Self.symbol(op), at: location) }
        return value
    }

    /// The quoted operator in an overflow message: `'+'`.
    static func symbol(_ op: IntegerOperator) -> String {
        switch op {
        case .add: "'+'"
        case .subtract: "'-'"
        case .multiply: "'*'"
        case .divide: "'/'"
        case .remainder: "'%'"
        }
    }
}
