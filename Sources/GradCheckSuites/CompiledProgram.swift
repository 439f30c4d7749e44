import GradCheckCore

/// A suite's functions compiled for one scalar type: immutable once built, shared by all threads.
final class CompiledProgram<S: DifferentiableScalar>: @unchecked Sendable {
    let functions: [FunctionIR]
    /// The compiled body of each function, by index (set once, in `init`, before any code can run).
    private let bodies: UnsafeMutablePointer<StatementCode<S>?>

    /// `recordsBranches`: compile the coverage form, which notes every branch decision (see
    /// ``BranchSiteLog``).
    init(functions: [FunctionIR], recordsBranches: Bool = false) {
        self.functions = functions
        bodies = UnsafeMutablePointer.allocate(capacity: max(1, functions.count))
        bodies.initialize(repeating: nil, count: max(1, functions.count))
        for (index, function) in functions.enumerated() {
            let compiler = Compiler<S>(
                program: self, resultType: function.resultType, resultSlot: function.resultSlot, location: function.location,
                recordsBranches: recordsBranches)
            bodies[index] = compiler.block(function.body)
        }
    }

    deinit {
        bodies.deinitialize(count: max(1, functions.count))
        bodies.deallocate()
    }

    func resultSlot(of function: Int) -> Int { functions[function].resultSlot }

    func body(of function: Int) -> StatementCode<S>? { bodies[function] }

    /// Runs function `index` on flat inputs (vector parameters take `lengths[name]` entries each) under
    /// `limits`, and returns its result.
    func run(_ index: Int, inputs: [S], lengths: [String: Int], limits: RuntimeLimits) throws -> ProgramValue<S> {
        let function = functions[index]
        var expected = 0
        for parameter in function.parameters {
            switch parameter {
            case .scalar: expected += 1
            case .vector(_, _, let lengthName, _): expected += lengths[lengthName] ?? 0
            }
        }
        guard inputs.count == expected else {
            throw SuiteRuntimeError(
                .invalidArguments, "'\(function.name)' takes \(expected) inputs but was given \(inputs.count)", at: nil)
        }
        guard let body = bodies[index] else {
            throw SuiteRuntimeError(.invalidResult, "'\(function.name)' is not compiled", at: function.location)
        }
        let state = ExecutionState.allocate(limits)
        defer { ExecutionState.deallocate(state) }
        let frame = Frame<S>.allocate(function.layout, filler: inputs.first ?? S(0), state: state)
        defer { frame.deallocateSlots(function.layout) }  // the evaluation's budget ends with it
        var offset = 0
        for parameter in function.parameters {
            switch parameter {
            case .scalar(_, let slot):
                frame.reals[slot] = inputs[offset]
                offset += 1
            case .vector(_, let slot, let lengthName, let lengthSlot):
                let n = lengths[lengthName] ?? 0
                frame.vectors[slot] = Array(inputs[offset..<offset + n])
                frame.ints[lengthSlot] = n
                offset += n
            }
        }
        let flow = try body(frame)
        guard flow == .returned else {
            throw SuiteRuntimeError(.invalidResult, "'\(function.name)' ended without returning", at: function.location)
        }
        return ProgramValue(frame: frame, type: function.resultType, slot: function.resultSlot)
    }
}

/// The result of running a function.
enum ProgramValue<S> {
    case real(S)
    case int(Int)
    case bool(Bool)
    case vector([S])
    case matrix([[S]])

    init(frame: Frame<S>, type: ValueType, slot: Int) {
        switch type {
        case .real, .unknown: self = .real(frame.reals[slot])
        case .int: self = .int(frame.ints[slot])
        case .bool: self = .bool(frame.ints[slot] != 0)
        case .vector: self = .vector(frame.vectors[slot])
        case .matrix: self = .matrix(frame.matrices[slot])
        }
    }
}

/// The compiled argument of a call: a scalar or a vector.
enum ArgumentCode<S>: Sendable {
    case real(RealCode<S>)
    case vector(VectorCode<S>)
}

/// The frame of a call that has returned, until its result is read.
struct CallFrame<S> {
    let frame: Frame<S>
    let layout: FrameLayout

}

extension CallFrame where S: DifferentiableScalar {
    func release() { frame.deallocate(layout) }
}

extension Compiler {
    /// A call node: evaluates the arguments in the caller's frame, checks the budgets, the recursion
    /// depth and the stack, binds the parameters (checking that vectors sharing a length name agree),
    /// runs the callee, and hands back its frame for the caller to read the result from.
    func call(_ call: CallIR) -> @Sendable (Frame<S>) throws -> CallFrame<S> {
        unowned(unsafe) let program = self.program
        let target = call.function
        let function = program.functions[target]
        let (layout, parameters, cost, name, location) = (
            function.layout, function.parameters, function.cost, function.name, call.location
        )
        let arguments: [ArgumentCode<S>] = call.arguments.map { argument in
            switch argument {
            case .vector(let ir): .vector(vector(ir))
            case .int(let ir): .real(real(.fromInt(ir)))
            case .real(let ir): .real(real(ir))
            case .bool, .matrix: .real({ _ in S(Double.nan) })
            }
        }
        return { frame in
            let state = frame.state
            let depth = state[ExecutionState.depth] + 1
            guard depth <= state[ExecutionState.maximumDepth] else {
                throw SuiteRuntimeError(
                    .recursionLimit, "exceeded the recursion limit (\(state[ExecutionState.maximumDepth]) nested calls) calling '\(name)'",
                    at: location)
            }
            guard StackGuard.hasRoom(state, depth: depth) else {
                throw SuiteRuntimeError(
                    .recursionLimit, "recursion too deep for the thread's stack (\(depth) nested calls) calling '\(name)'",
                    at: location)
            }
            try ExecutionState.chargeIteration(state, cost: cost, at: location)
            var scalars: [S] = []
            var vectors: [[S]] = []
            for argument in arguments {
                switch argument {
                case .real(let code): scalars.append(try code(frame))
                case .vector(let code): vectors.append(try code(frame))
                }
            }
            guard let body = program.body(of: target) else {
                throw SuiteRuntimeError(.invalidResult, "'\(name)' is not compiled", at: location)
            }
            let filler = scalars.first ?? vectors.first(where: { !$0.isEmpty })?.first
            let callee = Frame<S>.allocate(layout, filler: filler ?? S(0), state: state)
            var (nextScalar, nextVector) = (0, 0)
            var bound: [Int: (name: String, count: Int)] = [:]
            for parameter in parameters {
                switch parameter {
                case .scalar(_, let slot):
                    callee.reals[slot] = scalars[nextScalar]
                    nextScalar += 1
                case .vector(let parameterName, let slot, let lengthName, let lengthSlot):
                    let v = vectors[nextVector]
                    nextVector += 1
                    if let other = bound[lengthSlot], other.count != v.count {
                        callee.deallocate(layout)
                        throw SuiteRuntimeError(
                            .invalidArguments,
                            "'\(name)' needs '\(other.name)' and '\(parameterName)' of the same length '\(lengthName)', but they have \(other.count) and \(v.count) entries",
                            at: location)
                    }
                    bound[lengthSlot] = (parameterName, v.count)
                    callee.ints[lengthSlot] = v.count
                    callee.vectors[slot] = v
                }
            }
            state[ExecutionState.depth] = depth
            defer { state[ExecutionState.depth] = depth - 1 }
            let flow: Flow
            do {
                flow = try body(callee)
            } catch {
                callee.deallocate(layout)
                throw error
            }
            guard flow == .returned else {
                callee.deallocate(layout)
                throw SuiteRuntimeError(.invalidResult, "'\(name)' ended without returning", at: location)
            }
            return CallFrame(frame: callee, layout: layout)
        }
    }
}
