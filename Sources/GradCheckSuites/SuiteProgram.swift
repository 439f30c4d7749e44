import GradCheckCore
import Synchronization

/// A checked suite's program and its compiled forms, one per scalar type that has run it.
///
/// The `Double` form is compiled when the suite is loaded, from a concrete `Compiler<Double>` (so that
/// its closures are specialised); any other type is compiled on first use and cached, keyed by the
/// type's identity, behind a lock. Compiling is linear in the size of the program and happens once per
/// type per suite.
final class SuiteProgram: Sendable {
    let functions: [FunctionIR]
    let limits: RuntimeLimits
    private let double: CompiledProgram<Double>
    private let cache = Mutex<[ObjectIdentifier: AnyObject]>([:])

    init(functions: [FunctionIR], limits: RuntimeLimits) {
        self.functions = functions
        self.limits = limits
        double = CompiledProgram<Double>(functions: functions)
    }

    private let coverageForm = Mutex<CompiledProgram<Double>?>(nil)

    /// Runs function `index` in `Double` through the coverage form of the program (compiled on first
    /// use), and returns the sides taken at every branch site reached, in it and in what it calls. An
    /// evaluation that fails keeps the sides taken before the failure.
    func branchOutcomes(_ index: Int, inputs: [Double], lengths: [String: Int]) -> [BranchSite: (sawTrue: Bool, sawFalse: Bool)] {
        let functions = self.functions
        let program = coverageForm.withLock { form in
            if let form { return form }
            let compiled = CompiledProgram<Double>(functions: functions, recordsBranches: true)
            form = compiled
            return compiled
        }
        let limits = self.limits
        return BranchSiteLog.recording { _ = try program.run(index, inputs: inputs, lengths: lengths, limits: limits) }
    }

    /// The program compiled for `S`.
    func compiled<S: DifferentiableScalar>(for _: S.Type) -> CompiledProgram<S> {
        if S.self == Double.self { return unsafeBitCast(double, to: CompiledProgram<S>.self) }
        let functions = self.functions
        return cache.withLock { cache in
            if let existing = cache[ObjectIdentifier(S.self)] as? CompiledProgram<S> { return existing }
            let compiled = CompiledProgram<S>(functions: functions)
            cache[ObjectIdentifier(S.self)] = compiled
            return compiled
        }
    }

    /// Runs function `index` over `S`.
    func run<S: DifferentiableScalar>(_ index: Int, inputs: [S], lengths: [String: Int]) throws -> ProgramValue<S> {
        if S.self == Double.self {
            // A call with concrete types, so that the entry code is specialised too.
            let result = try double.run(
                index, inputs: unsafeBitCast(inputs, to: [Double].self), lengths: lengths, limits: limits)
            return unsafeBitCast(result, to: ProgramValue<S>.self)
        }
        return try compiled(for: S.self).run(index, inputs: inputs, lengths: lengths, limits: limits)
    }
}
