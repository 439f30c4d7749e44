import GradCheckCore

/// Compiled code: closures over a frame, one per node of the checked program (fewer where leaves are
/// fused, see ``Operand``).
typealias RealCode<S> = @Sendable (Frame<S>) throws -> S
typealias IntCode<S> = @Sendable (Frame<S>) throws -> Int
typealias BoolCode<S> = @Sendable (Frame<S>) throws -> Bool
typealias VectorCode<S> = @Sendable (Frame<S>) throws -> [S]
typealias MatrixCode<S> = @Sendable (Frame<S>) throws -> [[S]]
typealias StatementCode<S> = @Sendable (Frame<S>) throws -> Flow

/// Turns the checked program into closures for one scalar type `S`, once; the closures then run the
/// program as many times as strategies ask, with no further look at the syntax.
///
/// Swift closures cannot be generic, so the compiler is: `Compiler<S>` builds closures whose every
/// operation is `S`'s own (`+`, `S.sin`, `S.pow(x, n)`, comparisons on the primal value), which is how
/// every strategy runs the real program with its own number type. For `Double`, ``SuiteProgram`` builds
/// the closures from a concrete `Compiler<Double>`, which the optimiser specialises: no witness tables,
/// no boxing.
struct Compiler<S: DifferentiableScalar> {
    /// Where call nodes find the functions they call (filled before any code runs). Held unowned: the
    /// program owns the closures that hold it.
    unowned(unsafe) let program: CompiledProgram<S>
    /// The function being compiled: where `return` stores its result.
    let resultType: ValueType
    let resultSlot: Int
    /// The function's location, for errors that have no better place (budgets of vector literals).
    let location: SuiteLocation
    /// Whether the code notes the side taken at every branch site in the current ``BranchSiteLog``
    /// (only the coverage form of a program; the forms the strategies run do not).
    var recordsBranches = false

    func real(_ expr: RealIR) -> RealCode<S> {
        switch expr {
        case .constant(let constant):
            let value = S(constant)
            return { _ in value }
        case .local(let slot):
            return { frame in frame.reals[slot] }
        case .fromInt(.constant(let n)):
            let value = S(Double(n))
            return { _ in value }
        case .fromInt(let operand):
            let code = int(operand)
            return { frame in S(Double(try code(frame))) }
        case .negate(let value):
            return unary(operand(value), .negate)
        case .arithmetic(let op, let lhs, let rhs):
            return arithmetic(op, lhs, rhs)
        case .powerInt(let base, .constant(2)):
            return unary(operand(base), .square)
        case .powerInt(let base, .constant(let n)):
            let x = real(base)
            return { frame in S.pow(try x(frame), n) }
        case .powerInt(let base, let exponent):
            let (x, n) = (real(base), int(exponent))
            return { frame in S.pow(try x(frame), try n(frame)) }
        case .powerReal(let base, let exponent):
            let (x, y) = (real(base), real(exponent))
            return { frame in S.pow(try x(frame), try y(frame)) }
        case .function1(let function, let argument, let location):
            let code = function1(function, real(argument))
            guard recordsBranches, function == .abs || function == .relu else { return code }
            let site = BranchSite(location: location, kind: function.rawValue)
            let x = real(argument)
            return { frame in
                let value = try x(frame)
                BranchSiteLog.record(site, function == .abs ? value >= S(0) : value > S(0))
                return try code(frame)
            }
        case .function2(let function, let lhs, let rhs, let location):
            let code = function2(function, real(lhs), real(rhs))
            guard recordsBranches, function == .max || function == .min else { return code }
            let site = BranchSite(location: location, kind: function.rawValue)
            let (a, b) = (real(lhs), real(rhs))
            return { frame in
                let (x, y) = (try a(frame), try b(frame))
                BranchSiteLog.record(site, function == .max ? x >= y : x <= y)
                return try code(frame)
            }
        case .element(let vectorIR, let indexIR, let location):
            if let leaf = elementLeaf(vectorIR, indexIR) {
                let load = ElementLoad<S>(vector: leaf.vector, index: leaf.index, offset: leaf.offset, location: location)
                return { frame in try load.load(frame) }
            }
            let (vector, index) = (self.vector(vectorIR), int(indexIR))
            return { frame in
                let v = try vector(frame)
                let i = try index(frame)
                guard i >= 0, i < v.count else { throw RuntimeErrors.index(i, count: v.count, at: location) }
                return v[i]
            }
        case .matrixElement(let matrixIR, let rowIR, let columnIR, let location):
            let (matrix, row, column) = (self.matrix(matrixIR), int(rowIR), int(columnIR))
            return { frame in
                let m = try matrix(frame)
                let (i, j) = (try row(frame), try column(frame))
                guard i >= 0, i < m.count else { throw RuntimeErrors.index(i, count: m.count, at: location) }
                guard j >= 0, j < m[i].count else { throw RuntimeErrors.index(j, count: m[i].count, at: location) }
                return m[i][j]
            }
        case .call(let call):
            let invoke = self.call(call)
            let slot = program.resultSlot(of: call.function)
            return { frame in
                let callee = try invoke(frame)
                defer { callee.release() }
                return callee.frame.reals[slot]
            }
        case .chain(let first, let links):
            return chain(first, links)
        }
    }

    func function1(_ function: RealFunction1, _ x: @escaping RealCode<S>) -> RealCode<S> {
        switch function {
        case .sin: { frame in S.sin(try x(frame)) }
        case .cos: { frame in S.cos(try x(frame)) }
        case .tan: { frame in S.tan(try x(frame)) }
        case .cot: { frame in S.cot(try x(frame)) }
        case .asin: { frame in S.asin(try x(frame)) }
        case .acos: { frame in S.acos(try x(frame)) }
        case .atan: { frame in S.atan(try x(frame)) }
        case .sinh: { frame in S.sinh(try x(frame)) }
        case .cosh: { frame in S.cosh(try x(frame)) }
        case .tanh: { frame in S.tanh(try x(frame)) }
        case .exp: { frame in S.exp(try x(frame)) }
        case .expm1: { frame in S.expm1(try x(frame)) }
        case .log: { frame in S.log(try x(frame)) }
        case .log1p: { frame in S.log1p(try x(frame)) }
        case .log2: { frame in S.log2(try x(frame)) }
        case .log10: { frame in S.log10(try x(frame)) }
        case .sqrt: { frame in S.sqrt(try x(frame)) }
        case .cbrt: { frame in S.cbrt(try x(frame)) }
        case .abs: { frame in S.abs(try x(frame)) }
        case .sigmoid: { frame in S.sigmoid(try x(frame)) }
        case .softplus: { frame in S.softplus(try x(frame)) }
        case .relu: { frame in S.relu(try x(frame)) }
        case .erf: { frame in S.erf(try x(frame)) }
        }
    }

    func function2(_ function: RealFunction2, _ x: @escaping RealCode<S>, _ y: @escaping RealCode<S>) -> RealCode<S> {
        switch function {
        case .atan2: { frame in S.atan2(y: try x(frame), x: try y(frame)) }
        case .pow: { frame in S.pow(try x(frame), try y(frame)) }
        case .hypot: { frame in S.hypot(try x(frame), try y(frame)) }
        case .max: { frame in S.max(try x(frame), try y(frame)) }
        case .min: { frame in S.min(try x(frame), try y(frame)) }
        }
    }
}
