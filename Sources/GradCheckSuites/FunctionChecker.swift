/// Checks the body of one function (or gradient, or Jacobian) and lowers it to ``FunctionIR``.
///
/// Scoping: parameters and vector lengths form the outermost scope; each block opens a new one. A name
/// may not be declared again while an earlier declaration of it is visible (no shadowing), so a nested
/// loop cannot silently reuse its outer loop's variable.
///
/// Typing is that of `Docs/suite-language.md`: a variable takes its initializer's type (a bare literal is Real);
/// integer literals are Int only in an Int context — an index, a range bound, `zeros(…)`, the value of
/// an Int variable — and in such a context `/` divides integers (elsewhere `/` is real division, `i / n`
/// included). Comparisons whose two sides are both integer-valued (Int names, integer literals,
/// `+ - * % ^`, `len`, `abs`/`max`/`min` of those) compare as Int; the exponent of `^` is Int when it is
/// integer-valued in the same sense, so `x^2` and `x^(n-1)` use `S.pow(x, n)` and `x^0.5`, `x^(1/3)` use
/// `S.pow(x, y)`.
struct FunctionChecker {
    /// What a name in scope stands for.
    struct Variable {
        enum Role { case parameter, length, constant, variable, loopVariable }
        var type: ValueType
        var slot: Int
        var role: Role
        var offset: Int
    }

    let source: SourceFile
    var sink: DiagnosticSink
    let context: CheckContext
    /// The result type when known (final pass): returns are converted to it.
    let resultType: ValueType?
    /// What kind of body this is, for messages: "'f'", "the gradient of 'f'".
    let subject: String

    var scopes: [[String: Variable]] = [[:]]
    var layout = FrameLayout()
    var loopDepth = 0
    /// The types of the `return` statements met, with their offsets.
    var returns: [(type: ValueType, offset: Int)] = []
    var declarations = StaticDefinitions()
    var reassigned: Set<String> = []

    init(source: SourceFile, sink: DiagnosticSink, context: CheckContext, resultType: ValueType?, subject: String) {
        self.source = source
        self.sink = sink
        self.context = context
        self.resultType = resultType
        self.subject = subject
    }

    func location(_ offset: Int) -> SuiteLocation { source.location(of: offset) }

    // MARK: Scopes and slots

    mutating func allocate(_ type: ValueType) -> Int {
        switch type {
        case .real, .unknown:
            layout.reals += 1
            return layout.reals - 1
        case .int, .bool:
            layout.ints += 1
            return layout.ints - 1
        case .vector:
            layout.vectors += 1
            return layout.vectors - 1
        case .matrix:
            layout.matrices += 1
            return layout.matrices - 1
        }
    }

    func lookup(_ name: String) -> Variable? {
        for scope in scopes.reversed() {
            if let variable = scope[name] { return variable }
        }
        return nil
    }

    /// Every visible variable name, innermost first, for suggestions.
    var visibleNames: [String] { Self.names(in: scopes) }

    /// The names declared in `scopes`, innermost first.
    static func names(in scopes: [[String: Variable]]) -> [String] {
        scopes.reversed().flatMap { $0.keys.sorted() }
    }

    /// Declares `name`, reporting a clash with a visible declaration or a reserved name; returns the slot.
    @discardableResult
    mutating func declare(_ name: String, type: ValueType, role: Variable.Role, at offset: Int) -> Int {
        if let reason = CheckContext.reservedReason(name) {
            sink.error("'\(name)' \(reason) and cannot be declared", at: offset)
        } else if let existing = lookup(name) {
            let (line, _) = source.lineAndColumn(of: existing.offset)
            sink.error("'\(name)' is already defined (on line \(line))", at: offset)
        }
        let slot = allocate(type)
        scopes[scopes.count - 1][name] = Variable(type: type, slot: slot, role: role, offset: offset)
        return slot
    }

    /// Declares the parameters (and the vector lengths they bind) of `function`.
    mutating func declareParameters(of function: FunctionSignature) -> [ParameterIR] {
        var result: [ParameterIR] = []
        for parameter in function.parameters {
            if let lengthName = parameter.lengthName {
                let lengthSlot: Int
                if let existing = scopes[0][lengthName], existing.role == .length {
                    lengthSlot = existing.slot
                } else {
                    lengthSlot = declare(lengthName, type: .int, role: .length, at: parameter.lengthOffset)
                }
                let slot = declare(parameter.name, type: .vector, role: .parameter, at: parameter.offset)
                result.append(.vector(name: parameter.name, slot: slot, lengthName: lengthName, lengthSlot: lengthSlot))
            } else {
                let slot = declare(parameter.name, type: .real, role: .parameter, at: parameter.offset)
                result.append(.scalar(name: parameter.name, slot: slot))
            }
        }
        return result
    }

    mutating func withScope<T>(_ body: (inout FunctionChecker) -> T) -> T {
        scopes.append([:])
        defer { scopes.removeLast() }
        return body(&self)
    }

    // MARK: Blocks

    mutating func checkBlock(_ block: Block) -> [StatementIR] {
        withScope { checker in
            var result: [StatementIR] = []
            for statement in block.statements {
                if let lowered = checker.checkStatement(statement) { result.append(lowered) }
            }
            return result
        }
    }

    /// Whether control cannot fall off the end of `statements`.
    static func alwaysReturns(_ statements: [Statement]) -> Bool {
        statements.contains { statement in
            switch statement.kind {
            case .returnValue: return true
            case .conditional(let branches, let otherwise):
                guard let otherwise else { return false }
                return branches.allSatisfy { alwaysReturns($0.body.statements) } && alwaysReturns(otherwise.statements)
            case .whileLoop(let condition, let body):
                if case .boolean(true) = condition.kind { return !containsBreak(body.statements) }
                return false
            default: return false
            }
        }
    }

    /// Whether a `break` in `statements` leaves the loop they are the body of.
    static func containsBreak(_ statements: [Statement]) -> Bool {
        statements.contains { statement in
            switch statement.kind {
            case .breakLoop: true
            case .conditional(let branches, let otherwise):
                branches.contains { containsBreak($0.body.statements) } || containsBreak(otherwise?.statements ?? [])
            default: false
            }
        }
    }

    /// The static size of `statements` for the work budget: every expression node and statement, except
    /// the bodies of nested loops, which charge their own iterations.
    static func cost(of statements: [Statement]) -> Int {
        statements.reduce(0) { total, statement in
            let own: Int
            switch statement.kind {
            case .declaration(_, _, _, _, let value): own = size(of: value)
            case .assignment(let target, _, _, let value): own = size(of: value) + target.indices.reduce(0) { $0 + size(of: $1) }
            case .conditional(let branches, let otherwise):
                own = branches.reduce(0) { $0 + size(of: $1.condition) + cost(of: $1.body.statements) }
                    + cost(of: otherwise?.statements ?? [])
            case .forLoop(_, _, let lower, let upper, _, _): own = size(of: lower) + size(of: upper)
            case .whileLoop(let condition, _): own = size(of: condition)
            case .returnValue(let value): own = size(of: value)
            case .breakLoop, .continueLoop: own = 0
            }
            return total &+ own &+ 1
        }
    }

    /// The operations of `expr`: one per node, and one per operator of a chain (as many as the nested
    /// binary operations it stands for).
    static func size(of expr: Expr) -> Int {
        let own = if case .chain(_, let links) = expr.kind { links.count } else { 1 }
        return expr.kind.children.reduce(own) { $0 &+ size(of: $1) }
    }
}
