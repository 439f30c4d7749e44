/// The lengths of vectors that can be known before running: what lets the loader reject a gradient with
/// the wrong number of entries, and know how many outputs a vector-valued function has, for each
/// `@dimensions` instance.
///
/// Known: integer constants, the vector lengths bound by the instance (`n`), `len` of a known vector,
/// arithmetic of known integers; the lengths of vector literals, of `zeros(k)` with k known, of vector
/// parameters, and of variables assigned only where they are declared. Anything else (a call, a variable
/// assigned in a loop) is unknown, and then the check happens at run time instead.
struct StaticShapes {
    let function: FunctionIR
    /// The values of the function's length slots (int slot → length) for one instance.
    let lengths: [Int: Int]
    /// How many single-assignment definitions may be followed in a chain.
    static let maximumDepth = 64

    init(function: FunctionIR, lengths: [String: Int]) {
        self.function = function
        var bySlot: [Int: Int] = [:]
        for case .vector(_, _, let lengthName, let lengthSlot) in function.parameters {
            if let value = lengths[lengthName] { bySlot[lengthSlot] = value }
        }
        self.lengths = bySlot
    }

    func int(_ expr: IntIR, depth: Int = 0) -> Int? {
        guard depth < Self.maximumDepth else { return nil }
        switch expr {
        case .constant(let value): return value
        case .local(let slot):
            if let value = lengths[slot] { return value }
            return function.definitions.ints[slot].flatMap { int($0, depth: depth + 1) }
        case .negate(let operand, _):
            guard let value = int(operand, depth: depth) else { return nil }
            return value == .min ? nil : -value
        case .arithmetic(let op, let lhs, let rhs, _):
            guard let a = int(lhs, depth: depth), let b = int(rhs, depth: depth) else { return nil }
            return Self.fold(op, a, b)
        case .chain(let first, let links):
            guard var value = int(first, depth: depth) else { return nil }
            for link in links {
                guard let b = int(link.operand, depth: depth), let next = Self.fold(link.op, value, b) else { return nil }
                value = next
            }
            return value
        case .power(let base, let exponent, _):
            guard let a = int(base, depth: depth), let b = int(exponent, depth: depth), b >= 0, b < 64 else { return nil }
            var result = 1
            for _ in 0..<b {
                let (product, overflow) = result.multipliedReportingOverflow(by: a)
                if overflow { return nil }
                result = product
            }
            return result
        case .abs(let operand, _):
            guard let value = int(operand, depth: depth), value != .min else { return nil }
            return Swift.abs(value)
        case .max(let lhs, let rhs):
            guard let a = int(lhs, depth: depth), let b = int(rhs, depth: depth) else { return nil }
            return Swift.max(a, b)
        case .min(let lhs, let rhs):
            guard let a = int(lhs, depth: depth), let b = int(rhs, depth: depth) else { return nil }
            return Swift.min(a, b)
        case .length(let vector): return length(vector, depth: depth)
        case .rowCount(let matrix): return shape(matrix, depth: depth).rows
        case .call: return nil
        }
    }

    /// `a op b`, or nil when it overflows or divides by zero (the run would fail there; nothing is known).
    static func fold(_ op: IntegerOperator, _ a: Int, _ b: Int) -> Int? {
        let (value, overflow): (Int, Bool) = switch op {
        case .add: a.addingReportingOverflow(b)
        case .subtract: a.subtractingReportingOverflow(b)
        case .multiply: a.multipliedReportingOverflow(by: b)
        case .divide: b == 0 ? (0, true) : a.dividedReportingOverflow(by: b)
        case .remainder: b == 0 ? (0, true) : a.remainderReportingOverflow(dividingBy: b)
        }
        return overflow ? nil : value
    }

    func length(_ vector: VectorIR, depth: Int = 0) -> Int? {
        guard depth < Self.maximumDepth else { return nil }
        switch vector {
        case .local(let slot):
            for case .vector(_, slot, _, let lengthSlot) in function.parameters { return lengths[lengthSlot] }
            return function.definitions.vectors[slot].flatMap { length($0, depth: depth + 1) }
        case .literal(let elements): return elements.count
        case .zeros(let count, _): return int(count, depth: depth)
        case .row(let matrix, _, _): return shape(matrix, depth: depth).columns
        case .call: return nil
        }
    }

    func shape(_ matrix: MatrixIR, depth: Int = 0) -> (rows: Int?, columns: Int?) {
        guard depth < Self.maximumDepth else { return (nil, nil) }
        switch matrix {
        case .local(let slot):
            return function.definitions.matrices[slot].map { shape($0, depth: depth + 1) } ?? (nil, nil)
        case .literal(let rows):
            let lengths = rows.map { length($0, depth: depth) }
            let first = lengths.first ?? nil
            return (rows.count, lengths.allSatisfy { $0 != nil && $0 == first } ? first : nil)
        case .zeros(let rows, let columns, _):
            return (int(rows, depth: depth), int(columns, depth: depth))
        case .call: return (nil, nil)
        }
    }

    /// Every `return` of `statements`, with its offset.
    static func returns(in statements: [StatementIR]) -> [(value: TypedIR, offset: Int)] {
        var result: [(value: TypedIR, offset: Int)] = []
        for statement in statements {
            switch statement {
            case .returnValue(let value, let offset): result.append((value, offset))
            case .conditional(let branches, let otherwise):
                for (_, body, _) in branches { result += returns(in: body) }
                result += returns(in: otherwise)
            case .forRange(_, _, _, _, let body, _, _), .whileLoop(_, let body, _, _):
                result += returns(in: body)
            default: break
            }
        }
        return result
    }
}
