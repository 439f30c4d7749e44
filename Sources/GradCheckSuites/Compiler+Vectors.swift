import GradCheckCore

/// Vector and matrix code. Every creation is charged to the allocation budget and `zeros` lengths are
/// bounded, so no suite can exhaust memory.
extension Compiler {
    func vector(_ expr: VectorIR) -> VectorCode<S> {
        switch expr {
        case .local(let slot):
            return { frame in frame.vectors[slot] }
        case .literal(let elements):
            let codes = elements.map(real)
            let location = self.location
            return { frame in
                try ExecutionState.chargeElements(frame.state, codes.count, at: location)
                var result: [S] = []
                result.reserveCapacity(codes.count)
                for code in codes { result.append(try code(frame)) }
                return result
            }
        case .zeros(let countIR, let location):
            let count = int(countIR)
            return { frame in
                let n = try count(frame)
                try Self.checkLength(n, frame: frame, what: "zeros(\(n))", at: location)
                try ExecutionState.chargeElements(frame.state, n, at: location)
                return [S](repeating: S(0), count: n)
            }
        case .row(let matrixIR, let rowIR, let location):
            let (matrix, row) = (self.matrix(matrixIR), int(rowIR))
            return { frame in
                let m = try matrix(frame)
                let i = try row(frame)
                guard i >= 0, i < m.count else { throw RuntimeErrors.index(i, count: m.count, at: location) }
                return m[i]
            }
        case .call(let call):
            let invoke = self.call(call)
            let slot = program.resultSlot(of: call.function)
            return { frame in
                let callee = try invoke(frame)
                defer { callee.release() }
                return callee.frame.vectors[slot]
            }
        }
    }

    func matrix(_ expr: MatrixIR) -> MatrixCode<S> {
        switch expr {
        case .local(let slot):
            return { frame in frame.matrices[slot] }
        case .literal(let rows):
            let codes = rows.map(vector)
            return { frame in
                var result: [[S]] = []
                result.reserveCapacity(codes.count)
                for code in codes { result.append(try code(frame)) }
                return result
            }
        case .zeros(let rowsIR, let columnsIR, let location):
            let (rows, columns) = (int(rowsIR), int(columnsIR))
            return { frame in
                let (m, n) = (try rows(frame), try columns(frame))
                let (entries, overflow) = m.multipliedReportingOverflow(by: n)
                guard m >= 0, n >= 0, !overflow else {
                    throw SuiteRuntimeError(.invalidLength, "zeros(\(m), \(n)): the sizes must not be negative or huge", at: location)
                }
                try Self.checkLength(entries, frame: frame, what: "zeros(\(m), \(n))", at: location)
                try ExecutionState.chargeElements(frame.state, entries, at: location)
                return [[S]](repeating: [S](repeating: S(0), count: n), count: m)
            }
        case .call(let call):
            let invoke = self.call(call)
            let slot = program.resultSlot(of: call.function)
            return { frame in
                let callee = try invoke(frame)
                defer { callee.release() }
                return callee.frame.matrices[slot]
            }
        }
    }

    /// A length `zeros` may create: from 0 to the configured maximum.
    static func checkLength(_ n: Int, frame: Frame<S>, what: String, at location: SuiteLocation) throws {
        let maximum = frame.state[ExecutionState.maximumVectorLength]
        guard n >= 0, n <= maximum else {
            throw SuiteRuntimeError(
                .invalidLength, "\(what): the number of entries must be from 0 to \(maximum)", at: location)
        }
    }
}
