import GradCheckCore

/// Statement code: each returns what control does next (``Flow``).
extension Compiler {
    /// A sequence of statements. Short blocks are chained closure to closure (no array of closures to
    /// iterate, and no reabstraction thunk, which a closure read back from an array needs); long ones
    /// iterate an array, so that the depth of nested calls never grows with the length of a block.
    func block(_ statements: [StatementIR]) -> StatementCode<S> {
        if statements.count > 8 {
            let codes = statements.map(statement)
            return { frame in
                for code in codes {
                    let flow = try code(frame)
                    if flow != .normal { return flow }
                }
                return .normal
            }
        }
        guard var code = statements.last.map(statement) else { return { _ in .normal } }
        for index in statements.indices.dropLast().reversed() {
            let (first, rest) = (statement(statements[index]), code)
            code = { frame in
                let flow = try first(frame)
                if flow != .normal { return flow }
                return try rest(frame)
            }
        }
        return code
    }

    func statement(_ statement: StatementIR) -> StatementCode<S> {
        switch statement {
        case .setReal(let slot, .arithmetic(let op, .local(let source), let rhs)) where source == slot:
            // `s op= e`: update in place, with the right-hand side fused.
            return update(slot, op, operand(rhs))
        case .setReal(let slot, let value):
            let code = real(value)
            return { frame in
                frame.reals[slot] = try code(frame)
                return .normal
            }
        case .setInt(let slot, let value):
            let code = int(value)
            return { frame in
                frame.ints[slot] = try code(frame)
                return .normal
            }
        case .setBool(let slot, let value):
            let code = bool(value)
            return { frame in
                frame.ints[slot] = try code(frame) ? 1 : 0
                return .normal
            }
        case .setVector(let slot, let value, let location):
            let code = vector(value)
            return { frame in
                let v = try code(frame)
                try ExecutionState.chargeElements(frame.state, v.count, at: location)
                try ExecutionState.chargeBytes(
                    frame.state, ExecutionState.footprint(v) &- ExecutionState.footprint(frame.vectors[slot]), at: location)
                frame.vectors[slot] = v
                return .normal
            }
        case .setMatrix(let slot, let value, let location):
            let code = matrix(value)
            return { frame in
                let m = try code(frame)
                try ExecutionState.chargeElements(frame.state, m.reduce(0) { $0 &+ $1.count }, at: location)
                try ExecutionState.chargeBytes(
                    frame.state, ExecutionState.footprint(m) &- ExecutionState.footprint(frame.matrices[slot]), at: location)
                frame.matrices[slot] = m
                return .normal
            }
        case .setElement(let vector, let indexIR, let op, let valueIR, let location):
            return setElement(vector, indexIR, op, valueIR, at: location)
        case .setMatrixElement(let matrix, let rowIR, let columnIR, let op, let valueIR, let location):
            let (row, column, value) = (int(rowIR), int(columnIR), real(valueIR))
            return { frame in
                let (i, j) = (try row(frame), try column(frame))
                let x = try value(frame)
                let rows = frame.matrices[matrix].count
                guard i >= 0, i < rows else { throw RuntimeErrors.index(i, count: rows, at: location) }
                let columns = frame.matrices[matrix][i].count
                guard j >= 0, j < columns else { throw RuntimeErrors.index(j, count: columns, at: location) }
                let entry = Self.apply(op, frame.matrices[matrix][i][j], x)
                if S.holdsHeapStorage {
                    try ExecutionState.chargeBytes(
                        frame.state, entry.heapBytes &- frame.matrices[matrix][i][j].heapBytes, at: location)
                }
                frame.matrices[matrix][i][j] = entry
                return .normal
            }
        case .setRow(let matrix, let rowIR, let valueIR, let location):
            let (row, value) = (int(rowIR), vector(valueIR))
            return { frame in
                let i = try row(frame)
                let v = try value(frame)
                let rows = frame.matrices[matrix].count
                guard i >= 0, i < rows else { throw RuntimeErrors.index(i, count: rows, at: location) }
                try ExecutionState.chargeElements(frame.state, v.count, at: location)
                try ExecutionState.chargeBytes(
                    frame.state, ExecutionState.footprint(v) &- ExecutionState.footprint(frame.matrices[matrix][i]), at: location)
                frame.matrices[matrix][i] = v
                return .normal
            }
        case .conditional(let branches, let otherwise):
            return conditional(branches, otherwise)
        case .forRange(let variable, let lowerIR, let upperIR, let inclusive, let bodyIR, let cost, let location):
            return forRange(variable, lowerIR, upperIR, inclusive, bodyIR, cost: cost, at: location)
        case .whileLoop(let conditionIR, let bodyIR, let cost, let location):
            let (condition, body) = (recorded(bool(conditionIR), BranchSite(location: location, kind: "while")), block(bodyIR))
            return { frame in
                while try condition(frame) {
                    try ExecutionState.chargeIteration(frame.state, cost: cost, at: location)
                    let flow = try body(frame)
                    if flow == .breakLoop { break }
                    if flow == .returned { return .returned }
                }
                return .normal
            }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        case .returnValue(let value, _):
            return returnValue(value)
        }
    }

    static func apply(_ op: ArithmeticOperator?, _ old: S, _ value: S) -> S {
        switch op {
        case nil: value
        case .add?: old + value
        case .subtract?: old - value
        case .multiply?: old * value
        case .divide?: old / value
        }
    }

    /// `s op= e` on a real slot.
    func update(_ slot: Int, _ op: ArithmeticOperator, _ rhs: Operand<S>) -> StatementCode<S> {
        func make<B: RealLoad<S>>(_ b: B) -> StatementCode<S> {
            switch op {
            case .add: return { frame in frame.reals[slot] = frame.reals[slot] + (try b.load(frame)); return .normal }
            case .subtract: return { frame in frame.reals[slot] = frame.reals[slot] - (try b.load(frame)); return .normal }
            case .multiply: return { frame in frame.reals[slot] = frame.reals[slot] * (try b.load(frame)); return .normal }
            case .divide: return { frame in frame.reals[slot] = frame.reals[slot] / (try b.load(frame)); return .normal }
            }
        }
        switch rhs {
        case .constant(let value): return make(ConstantLoad(value: value))
        case .local(let other): return make(LocalLoad<S>(slot: other))
        case .element(let vector, let index, let offset, let location):
            return make(ElementLoad<S>(vector: vector, index: index, offset: offset, location: location))
        case .code(let code): return make(CodeLoad(code: code))
        }
    }

    /// `v[i] = e` and `v[i] op= e`.
    func setElement(
        _ vector: Int, _ indexIR: IntIR, _ op: ArithmeticOperator?, _ valueIR: RealIR, at location: SuiteLocation
    ) -> StatementCode<S> {
        let index = int(indexIR)
        let value = real(valueIR)
        return { frame in
            let i = try index(frame)
            let x = try value(frame)
            let count = frame.vectors[vector].count
            guard i >= 0, i < count else { throw RuntimeErrors.index(i, count: count, at: location) }
            guard S.holdsHeapStorage else {
                switch op {
                case nil: frame.vectors[vector][i] = x
                case .add?: frame.vectors[vector][i] = frame.vectors[vector][i] + x
                case .subtract?: frame.vectors[vector][i] = frame.vectors[vector][i] - x
                case .multiply?: frame.vectors[vector][i] = frame.vectors[vector][i] * x
                case .divide?: frame.vectors[vector][i] = frame.vectors[vector][i] / x
                }
                return .normal
            }
            // A number with heap storage (the reference's) is charged what it holds beyond the entry it replaces.
            let entry = Self.apply(op, frame.vectors[vector][i], x)
            try ExecutionState.chargeBytes(frame.state, entry.heapBytes &- frame.vectors[vector][i].heapBytes, at: location)
            frame.vectors[vector][i] = entry
            return .normal
        }
    }

    /// `condition`, noting its outcome at `site` when the code records branches.
    func recorded(_ condition: @escaping BoolCode<S>, _ site: BranchSite) -> BoolCode<S> {
        guard recordsBranches else { return condition }
        return { frame in BranchSiteLog.record(site, try condition(frame)) }
    }

    func conditional(_ branches: [(BoolIR, [StatementIR], SuiteLocation)], _ otherwise: [StatementIR]) -> StatementCode<S> {
        let elseCode = block(otherwise)
        if branches.count == 1 {
            let (condition, body) = (
                recorded(bool(branches[0].0), BranchSite(location: branches[0].2, kind: "if")), block(branches[0].1)
            )
            return { frame in try condition(frame) ? body(frame) : elseCode(frame) }
        }
        let compiled = branches.map { (recorded(bool($0.0), BranchSite(location: $0.2, kind: "if")), block($0.1)) }
        return { frame in
            for (condition, body) in compiled {
                if try condition(frame) { return try body(frame) }
            }
            return try elseCode(frame)
        }
    }

    /// `for i in a..<b` and `for i in a...b`: bounds evaluated once; an empty range runs nothing; the
    /// loop variable never overflows (the last value of `a...Int.max` ends the loop).
    func forRange(
        _ variable: Int, _ lowerIR: IntIR, _ upperIR: IntIR, _ inclusive: Bool, _ bodyIR: [StatementIR], cost: Int,
        at location: SuiteLocation
    ) -> StatementCode<S> {
        let (lower, upper, body) = (int(lowerIR), int(upperIR), block(bodyIR))
        let sequential: StatementCode<S> = { frame in
            var i = try lower(frame)
            let bound = try upper(frame)
            if inclusive ? i > bound : i >= bound { return .normal }
            let last = inclusive ? bound : bound - 1
            while true {
                try ExecutionState.chargeIteration(frame.state, cost: cost, at: location)
                frame.ints[variable] = i
                let flow = try body(frame)
                if flow == .breakLoop { break }
                if flow == .returned { return .returned }
                if i == last { break }
                i += 1
            }
            return .normal
        }
        // In Double, a loop of simple arithmetic runs batched when it can (same results, bit for bit).
        guard S.self == Double.self, !recordsBranches,
            let batch = BatchAnalysis.loop(
                scalar: unsafeBitCast(self, to: Compiler<Double>.self), variable: variable, lower: lowerIR, upper: upperIR,
                inclusive: inclusive, body: bodyIR, cost: cost)
        else { return sequential }
        return { frame in
            if let flow = try batch.run(unsafeBitCast(frame, to: Frame<Double>.self)) { return flow }
            return try sequential(frame)
        }
    }

    func returnValue(_ value: TypedIR) -> StatementCode<S> {
        let slot = resultSlot
        switch value {
        case .real(let ir):
            let code = real(ir)
            return { frame in
                frame.reals[slot] = try code(frame)
                return .returned
            }
        case .int(let ir):
            let code = int(ir)
            return { frame in
                frame.ints[slot] = try code(frame)
                return .returned
            }
        case .bool(let ir):
            let code = bool(ir)
            return { frame in
                frame.ints[slot] = try code(frame) ? 1 : 0
                return .returned
            }
        case .vector(let ir):
            let code = vector(ir)
            return { frame in
                frame.vectors[slot] = try code(frame)
                return .returned
            }
        case .matrix(let ir):
            let code = matrix(ir)
            return { frame in
                frame.matrices[slot] = try code(frame)
                return .returned
            }
        }
    }
}
