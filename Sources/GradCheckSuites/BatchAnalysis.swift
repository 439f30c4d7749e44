import GradCheckCore

/// Decides whether a `for` loop can run as a ``BatchLoop`` and, if so, builds it (for `Double` only).
///
/// The body must consist of `setReal` and `setElement` statements only. A real slot is either an
/// accumulator (`s op= e`, never read in the body) or assigned once per iteration (`t = e`, read only by
/// later statements); a vector is either written (never read in the body) or read (never written).
/// Right-hand sides may use constants, invariant locals, the temporaries, `Double(i…)`, entries of read
/// vectors at indices affine in the loop variable, arithmetic, powers and the built-in functions; any
/// subexpression that does not depend on the iteration is computed once, before the loop, by the
/// ordinary compiled code. Calls, vector literals, `zeros`, matrices and long operator chains (more than
/// ``OperatorChain/nestedLimit`` operators, compiled as one looping node) disqualify a loop.
struct BatchAnalysis {
    let scalar: Compiler<Double>
    let variable: Int
    private(set) var affine: [(code: IntCode<Double>, vector: Int?)] = []
    private(set) var invariants: [RealCode<Double>] = []
    private(set) var nodeCount = 0
    private var accumulators: Set<Int> = []
    private var assigned: [Int: Int] = [:]
    private var writtenVectors: Set<Int> = []
    /// The statement being lowered: temporaries assigned by earlier statements are readable.
    private var current = 0

    init(scalar: Compiler<Double>, variable: Int) {
        self.scalar = scalar
        self.variable = variable
    }

    /// The batched form of `for variable in lower(..<|...)upper { body }`, or nil.
    static func loop(
        scalar: Compiler<Double>, variable: Int, lower: IntIR, upper: IntIR, inclusive: Bool, body: [StatementIR], cost: Int
    ) -> BatchLoop? {
        var analysis = BatchAnalysis(scalar: scalar, variable: variable)
        guard analysis.classify(body) else { return nil }
        var values: [BatchCode] = []
        var accumulations: [Int: [(op: ArithmeticOperator?, statement: Int)]] = [:]
        var elements: [Int: [(op: ArithmeticOperator?, line: Int, statement: Int)]] = [:]
        var order: [(isVector: Bool, slot: Int)] = []
        var finals: [(slot: Int, statement: Int)] = []
        for (index, statement) in body.enumerated() {
            analysis.current = index
            switch statement {
            case .setReal(let slot, .arithmetic(let op, .local(let source), let rhs)) where source == slot:
                guard let code = analysis.lower(rhs) else { return nil }
                values.append(code)
                if accumulations[slot] == nil { order.append((false, slot)) }
                accumulations[slot, default: []].append((op, index))
            case .setReal(let slot, let value):
                guard let code = analysis.lower(value) else { return nil }
                values.append(code)
                finals.append((slot, index))
            case .setElement(let vector, let indexIR, let op, let value, _):
                guard let line = analysis.line(indexIR, vector: vector), let code = analysis.lower(value) else { return nil }
                values.append(code)
                if elements[vector] == nil { order.append((true, vector)) }
                elements[vector, default: []].append((op, line, index))
            default:
                return nil
            }
        }
        let writes: [BatchWriteGroup] = order.map { target in
            target.isVector
                ? .element(vector: target.slot, elements[target.slot] ?? [])
                : .accumulate(slot: target.slot, accumulations[target.slot] ?? [])
        }
        return BatchLoop(
            variable: variable, lower: scalar.int(lower), upper: scalar.int(upper), inclusive: inclusive, cost: cost,
            affine: analysis.affine, invariants: analysis.invariants, values: values, writes: writes, finals: finals,
            nodeCount: analysis.nodeCount)
    }

    /// Sorts the body's targets into accumulators, per-iteration assignments and written vectors;
    /// false when the body has other statements or a slot is used both ways.
    mutating func classify(_ body: [StatementIR]) -> Bool {
        for (index, statement) in body.enumerated() {
            switch statement {
            case .setReal(let slot, .arithmetic(_, .local(let source), _)) where source == slot:
                accumulators.insert(slot)
            case .setReal(let slot, _):
                guard assigned[slot] == nil else { return false }
                assigned[slot] = index
            case .setElement(let vector, _, _, _, _):
                writtenVectors.insert(vector)
            default:
                return false
            }
        }
        return accumulators.isDisjoint(with: assigned.keys)
    }

    mutating func node() -> Int {
        nodeCount += 1
        return nodeCount - 1
    }

    /// Whether a real slot can be read as loop-invariant.
    func isInvariantSlot(_ slot: Int) -> Bool { !accumulators.contains(slot) && assigned[slot] == nil }

    /// Whether `expr` is pure (no calls, no allocation) and independent of the iteration.
    func isInvariant(_ expr: RealIR) -> Bool {
        switch expr {
        case .constant: true
        case .local(let slot): isInvariantSlot(slot)
        case .fromInt(let value): isPure(value) && !dependsOnLoop(value)
        case .negate(let value), .function1(_, let value, _): isInvariant(value)
        case .arithmetic(_, let a, let b), .powerReal(let a, let b), .function2(_, let a, let b, _):
            isInvariant(a) && isInvariant(b)
        case .powerInt(let base, let exponent): isInvariant(base) && isPure(exponent) && !dependsOnLoop(exponent)
        case .element(.local(let vector), let index, _):
            !writtenVectors.contains(vector) && isPure(index) && !dependsOnLoop(index)
        default: false
        }
    }

    /// Integer expressions without calls or allocations.
    func isPure(_ expr: IntIR) -> Bool {
        switch expr {
        case .constant, .local: true
        case .negate(let value, _), .abs(let value, _): isPure(value)
        case .arithmetic(_, let a, let b, _), .power(let a, let b, _), .max(let a, let b), .min(let a, let b):
            isPure(a) && isPure(b)
        case .length(.local): true
        default: false
        }
    }

    func dependsOnLoop(_ expr: IntIR) -> Bool {
        switch expr {
        case .local(let slot): slot == variable
        case .constant, .length, .rowCount, .call: false
        case .negate(let value, _), .abs(let value, _): dependsOnLoop(value)
        case .arithmetic(_, let a, let b, _), .power(let a, let b, _), .max(let a, let b), .min(let a, let b):
            dependsOnLoop(a) || dependsOnLoop(b)
        case .chain(let first, let links): dependsOnLoop(first) || links.contains { dependsOnLoop($0.operand) }
        }
    }

    /// Affine in the loop variable: i, invariants, sums and differences, products with an invariant.
    func isAffine(_ expr: IntIR) -> Bool {
        guard dependsOnLoop(expr) else { return isPure(expr) }
        switch expr {
        case .local: return true
        case .negate(let value, _): return isAffine(value)
        case .arithmetic(.add, let a, let b, _), .arithmetic(.subtract, let a, let b, _): return isAffine(a) && isAffine(b)
        case .arithmetic(.multiply, let a, let b, _):
            return (isAffine(a) && isPure(b) && !dependsOnLoop(b)) || (isAffine(b) && isPure(a) && !dependsOnLoop(a))
        default: return false
        }
    }

    /// Registers an affine index (of `vector`, checked against its length; nil for a plain value).
    mutating func line(_ expr: IntIR, vector: Int?) -> Int? {
        guard isAffine(expr) else { return nil }
        affine.append((scalar.int(expr), vector))
        return affine.count - 1
    }

    /// The batched computation of `expr`, or nil when it does not qualify.
    mutating func lower(_ expr: RealIR) -> BatchCode? {
        if isInvariant(expr) {
            if case .constant(let value) = expr { return { _ in .scalar(value) } }
            invariants.append(scalar.real(expr))
            let index = invariants.count - 1
            return { context in .scalar(context.invariants.unsafelyUnwrapped[index]) }
        }
        switch expr {
        case .local(let slot):
            guard let statement = assigned[slot], statement < current else { return nil }
            return { context in context.results[statement] }
        case .fromInt(let value):
            guard let line = line(value, vector: nil) else { return nil }
            let out = node()
            return { context in
                let buffer = context.buffer(out)
                for j in 0..<context.count { buffer[j] = Double(context.index(line, j)) }
                return .buffer(buffer)
            }
        case .element(.local(let vector), let index, _):
            guard !writtenVectors.contains(vector), let line = line(index, vector: vector) else { return nil }
            let out = node()
            return { context in
                let buffer = context.buffer(out)
                context.frame.vectors[vector].withUnsafeBufferPointer { entries in
                    for j in 0..<context.count { buffer[j] = entries[context.index(line, j)] }
                }
                return .buffer(buffer)
            }
        case .negate(let value):
            guard let operand = lower(value) else { return nil }
            return map(NegateOperation.self, operand)
        case .arithmetic(let op, let lhs, let rhs):
            guard let a = lower(lhs), let b = lower(rhs) else { return nil }
            switch op {
            case .add: return zip(AddOperation.self, a, b)
            case .subtract: return zip(SubtractOperation.self, a, b)
            case .multiply: return zip(MultiplyOperation.self, a, b)
            case .divide: return zip(DivideOperation.self, a, b)
            }
        case .powerInt(let base, .constant(2)):
            guard let operand = lower(base) else { return nil }
            return map(SquareOperation.self, operand)
        case .powerInt(let base, .constant(let n)):
            guard let operand = lower(base) else { return nil }
            return map(operand) { Double.pow($0, n) }
        case .powerReal(let lhs, let rhs):
            guard let a = lower(lhs), let b = lower(rhs) else { return nil }
            return zipFunction(a, b) { Double.pow($0, $1) }
        case .function1(let function, let value, _):
            guard let operand = lower(value) else { return nil }
            return map(operand) { function.apply($0) }
        case .function2(let function, let lhs, let rhs, _):
            guard let a = lower(lhs), let b = lower(rhs) else { return nil }
            return zipFunction(a, b) { function.apply($0, $1) }
        default:
            return nil
        }
    }
}
