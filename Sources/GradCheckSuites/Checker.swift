/// Checks a whole suite: declarations, result types, bodies, derivatives and attributes.
///
/// Result types are inferred, not declared: a function's result type is the type of its `return`
/// statements (Int and Real together make Real). Since functions may call each other in any order and
/// recursively, bodies are first checked a few times without reporting, each time with the result types
/// known so far (a call of a function whose type is not known yet has an unknown type that silences
/// errors); then once more, reporting every error and producing the ``FunctionIR``.
struct Checker {
    /// Inference passes without reporting before the final one run until no result type changes, at most
    /// twice this many (once more after the types that only recursion decides are taken as Real): enough
    /// for call chains declared in any order in practice; a result type still unknown afterwards is
    /// reported at the calls that need it.
    static let inferencePasses = 4

    let source: SourceFile
    var sink: DiagnosticSink
    var declarations: [FunctionDecl] = []
    var context = CheckContext(signatures: [], functionIndex: [:])
    var derivatives: [(declaration: DerivativeDecl, target: Int)] = []

    /// The suite checked: the program (functions, then derivative bodies) and the corpus entries.
    struct Result {
        var program: [FunctionIR]
        var entries: [Entry]
    }

    /// A test function (not a helper) of the suite, with what its attributes say.
    struct Entry {
        var function: Int
        var declaration: FunctionDecl
        var metadata: FunctionMetadata
        /// The program index of the plain gradient or Jacobian.
        var derivative: Int?
        /// The mutants' descriptions and program indices, in order.
        var mutants: [(description: String, function: Int)]
    }

    static func check(_ tree: SyntaxTree, source: SourceFile, sink: DiagnosticSink) -> (Result, DiagnosticSink) {
        var checker = Checker(source: source, sink: sink)
        let result = checker.run(tree)
        return (result, checker.sink)
    }

    mutating func run(_ tree: SyntaxTree) -> Result {
        collectFunctions(tree)
        collectDerivatives(tree)
        var conflicted: Set<Int> = []
        var defaulted = false
        for _ in 0..<Self.inferencePasses * 2 {
            let (changed, conflicts) = inferencePass()
            conflicted = conflicts
            if changed { continue }
            let unknown = declarations.indices.filter { context.signatures[$0].resultType == .unknown }
            if defaulted || unknown.isEmpty { break }
            // What is still unknown only returns calls of itself (or of functions in the same case), like
            // `return 1 + g(a + 1)`: such a function never returns, so any type fits; take Real.
            for index in unknown { context.signatures[index].resultType = .real }
            defaulted = true
        }
        for index in declarations.indices where !context.signatures[index].isHelper {
            if context.signatures[index].resultType == .int { context.signatures[index].resultType = .real }
        }
        context.isFinalPass = true
        var program: [FunctionIR] = []
        for index in declarations.indices {
            var finalSink = declarations[index].hadSyntaxErrors ? DiagnosticSink(source: source, silent: true) : sink
            // Returns of disagreeing types are reported once, below, rather than at each return.
            let (function, returns) = checkFunction(index, sink: &finalSink, convertReturns: !conflicted.contains(index))
            if !declarations[index].hadSyntaxErrors {
                sink = finalSink
                reportResultProblems(index, returns: returns)
            }
            program.append(function)
        }
        var entries: [Entry] = []
        for (index, declaration) in declarations.enumerated() where context.signatures[index].isHelper {
            var attributes = AttributeChecker(sink: sink)
            attributes.helperAttributes(declaration)
            sink = attributes.sink
        }
        for (index, declaration) in declarations.enumerated() where !context.signatures[index].isHelper {
            var attributes = AttributeChecker(sink: sink)
            let metadata = attributes.functionMetadata(declaration, signature: context.signatures[index])
            sink = attributes.sink
            entries.append(Entry(function: index, declaration: declaration, metadata: metadata, derivative: nil, mutants: []))
        }
        for (declaration, target) in derivatives {
            var attributes = AttributeChecker(sink: sink)
            let mutant = attributes.mutantDescription(declaration)
            sink = attributes.sink
            let programIndex = program.count
            let (function, fits) = checkDerivative(declaration, target: target)
            program.append(function)
            guard fits, let entry = entries.firstIndex(where: { $0.function == target }) else { continue }
            if let mutant {
                entries[entry].mutants.append((mutant, programIndex))
            } else if let existing = entries[entry].derivative {
                let (line, _) = source.lineAndColumn(of: derivativeOffset(existing))
                sink.error(
                    "'\(declaration.target)' already has a \(declaration.kind.rawValue) (on line \(line)); mark deliberately wrong ones with @mutant(\"…\")",
                    at: declaration.offset)
            } else {
                entries[entry].derivative = programIndex
            }
        }
        return Result(program: program, entries: entries)
    }

    /// Checks every body without reporting, with the result types known so far, and updates them;
    /// returns whether any changed, and the functions whose returns disagree.
    mutating func inferencePass() -> (changed: Bool, conflicted: Set<Int>) {
        var changed = false
        var conflicted: Set<Int> = []
        for index in declarations.indices {
            var scratch = DiagnosticSink(source: source, silent: true)
            let (_, returns) = checkFunction(index, sink: &scratch)
            let known = returns.map(\.type).filter { $0 != .unknown }
            if let first = known.first, known.contains(where: { !Self.compatible($0, first) }) {
                conflicted.insert(index)
            }
            let inferred = Self.merge(returns.map(\.type))
            if inferred != context.signatures[index].resultType, inferred != .unknown {
                context.signatures[index].resultType = inferred
                changed = true
            }
        }
        return (changed, conflicted)
    }

    /// The offset of the derivative declaration whose body is `programIndex`.
    private func derivativeOffset(_ programIndex: Int) -> Int {
        derivatives[programIndex - declarations.count].declaration.offset
    }

    /// Int and Real make Real; otherwise all known types must agree (the first wins here; the final pass
    /// reports the disagreement).
    static func merge(_ types: [ValueType]) -> ValueType {
        let known = types.filter { $0 != .unknown }
        guard let first = known.first else { return .unknown }
        if known.allSatisfy({ $0 == .int || $0 == .real }) { return known.contains(.real) ? .real : .int }
        return first == .int ? .real : first
    }

    mutating func collectFunctions(_ tree: SyntaxTree) {
        for case .function(let declaration) in tree.declarations {
            if Builtin(declaration.name) != nil {
                sink.error("'\(declaration.name)' is a built-in function and cannot be redefined", at: declaration.nameOffset)
                continue
            }
            if let reason = CheckContext.reservedReason(declaration.name) {
                sink.error("'\(declaration.name)' \(reason) and cannot name a function", at: declaration.nameOffset)
                continue
            }
            if let existing = context.functionIndex[declaration.name] {
                let (line, _) = source.lineAndColumn(of: declarations[existing].offset)
                sink.error("function '\(declaration.name)' is already defined (on line \(line))", at: declaration.nameOffset)
                continue
            }
            context.functionIndex[declaration.name] = declarations.count
            declarations.append(declaration)
            let isHelper = declaration.attributes.contains { $0.name == "helper" }
            context.signatures.append(
                FunctionSignature(name: declaration.name, parameters: declaration.parameters, resultType: .unknown, isHelper: isHelper))
        }
    }

    mutating func collectDerivatives(_ tree: SyntaxTree) {
        for case .derivative(let declaration) in tree.declarations {
            guard let target = context.functionIndex[declaration.target] else {
                let names = { [context] in context.signatures.filter { !$0.isHelper }.map(\.name) }
                sink.error(
                    "\(declaration.kind.rawValue) of unknown function '\(declaration.target)'"
                        + NameSuggestion.hint(declaration.target, among: names()),
                    at: declaration.targetOffset)
                continue
            }
            if context.signatures[target].isHelper {
                sink.error(
                    "'\(declaration.target)' is a @helper; only test functions have a \(declaration.kind.rawValue)",
                    at: declaration.targetOffset)
                continue
            }
            derivatives.append((declaration, target))
        }
    }

    /// Checks function `index` with the result types known so far.
    mutating func checkFunction(
        _ index: Int, sink: inout DiagnosticSink, convertReturns: Bool = true
    ) -> (FunctionIR, [(type: ValueType, offset: Int)]) {
        let declaration = declarations[index]
        let signature = context.signatures[index]
        var checker = FunctionChecker(
            source: source, sink: sink, context: context, resultType: convertReturns ? signature.resultType : .unknown,
            subject: "'\(declaration.name)'")
        let parameters = checker.declareParameters(of: signature)
        let body = checker.checkBlock(declaration.body)
        let resultSlot = checker.allocate(signature.resultType)
        sink = checker.sink
        let function = FunctionIR(
            name: declaration.name, parameters: parameters, layout: checker.layout, body: body,
            resultType: signature.resultType, resultSlot: resultSlot,
            cost: 1 &+ FunctionChecker.cost(of: declaration.body.statements), location: source.location(of: declaration.nameOffset),
            definitions: checker.staticDefinitions)
        return (function, checker.returns)
    }

    /// Reports, for function `index`: disagreeing returns, a missing return, a result a test function may
    /// not have.
    mutating func reportResultProblems(_ index: Int, returns: [(type: ValueType, offset: Int)]) {
        let declaration = declarations[index]
        let signature = context.signatures[index]
        if !FunctionChecker.alwaysReturns(declaration.body.statements) {
            sink.error(
                "missing return in '\(declaration.name)': control can reach the end of the body", at: declaration.body.closeOffset)
        }
        let known = returns.filter { $0.type != .unknown }
        if let first = known.first, let other = known.first(where: { !Self.compatible($0.type, first.type) }) {
            let (line, _) = source.lineAndColumn(of: first.offset)
            sink.error(
                "'\(declaration.name)' returns \(other.type.rawValue) here but \(first.type.rawValue) on line \(line)",
                at: other.offset)
        } else if !signature.isHelper, [.bool, .matrix].contains(signature.resultType) {
            sink.error(
                "a test function returns a Real or a Vector, but '\(declaration.name)' returns \(signature.resultType.rawValue)",
                at: declaration.nameOffset)
        }
    }

    static func compatible(_ a: ValueType, _ b: ValueType) -> Bool {
        a == b || ([a, b].allSatisfy { $0 == .int || $0 == .real })
    }

    /// Checks a gradient or Jacobian body against its function.
    /// Checks a gradient or Jacobian body against its function; also says whether its kind fits the
    /// function's result.
    mutating func checkDerivative(_ declaration: DerivativeDecl, target: Int) -> (FunctionIR, fits: Bool) {
        let signature = context.signatures[target]
        let expected: ValueType = declaration.kind == .gradient ? .vector : .matrix
        var fits = true
        switch (declaration.kind, signature.resultType) {
        case (.gradient, .vector):
            sink.error(
                "'\(declaration.target)' returns a Vector: its derivative is a 'jacobian', not a 'gradient'", at: declaration.offset)
            fits = false
        case (.jacobian, .real):
            sink.error(
                "'\(declaration.target)' returns a Real: its derivative is a 'gradient', not a 'jacobian'", at: declaration.offset)
            fits = false
        default: break
        }
        var checker = FunctionChecker(
            source: source, sink: declaration.hadSyntaxErrors ? DiagnosticSink(source: source, silent: true) : sink, context: context,
            resultType: expected, subject: "the \(declaration.kind.rawValue) of '\(declaration.target)'")
        let parameters = checker.declareParameters(of: signature)
        let body = checker.checkBlock(declaration.body)
        let resultSlot = checker.allocate(expected)
        if !declaration.hadSyntaxErrors { sink = checker.sink }
        if !declaration.hadSyntaxErrors && !FunctionChecker.alwaysReturns(declaration.body.statements) {
            sink.error(
                "missing return in the \(declaration.kind.rawValue) of '\(declaration.target)': control can reach the end of the body",
                at: declaration.body.closeOffset)
        }
        let function = FunctionIR(
            name: "\(declaration.kind.rawValue) \(declaration.target)", parameters: parameters, layout: checker.layout,
            body: body, resultType: expected, resultSlot: resultSlot,
            cost: 1 &+ FunctionChecker.cost(of: declaration.body.statements),
            location: source.location(of: declaration.offset), definitions: checker.staticDefinitions)
        return (function, fits)
    }
}
