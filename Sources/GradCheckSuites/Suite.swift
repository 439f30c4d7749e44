import GradCheckCore

/// One loaded `.grad` file: its name (the file's base name), its functions, and its warnings.
public struct Suite: Sendable {
    /// The suite's name, which qualifies its functions' ids: `seeds` for `seeds.grad`.
    public let name: String
    /// The path the suite was loaded from, as given (or the name given with source text).
    public let path: String
    /// The test functions, in declaration order, each function's `@dimensions` instances in the order of
    /// its values.
    public let functions: [SuiteFunction]
    /// Diagnostics that did not prevent loading (a function that has neither points nor a domain).
    public let warnings: [SuiteDiagnostic]

    let source: SourceFile
    let program: SuiteProgram
    let entries: [Checker.Entry]

    /// Compiles `source` into a suite, or returns every diagnostic when it has errors.
    static func compile(_ source: SourceFile, name: String, limits: RuntimeLimits) -> Result<Suite, SuiteLoadError> {
        let (tree, parsed) = Parser.parse(source)
        let (checked, sink) = Checker.check(tree, source: source, sink: parsed)
        guard !sink.hasErrors else { return .failure(SuiteLoadError(diagnostics: sink.sorted)) }
        let program = SuiteProgram(functions: checked.program, limits: limits)
        var builder = SuiteBuilder(source: source, sink: sink, suite: name, program: program)
        let functions = checked.entries.flatMap { builder.instances(of: $0) }
        guard !builder.sink.hasErrors else { return .failure(SuiteLoadError(diagnostics: builder.sink.sorted)) }
        return .success(
            Suite(
                name: name, path: source.path, functions: functions, warnings: builder.sink.sorted, source: source,
                program: program, entries: checked.entries))
    }

    /// The names of the functions declared in the suite (not instance names): what ``instance(of:dimensions:)``
    /// accepts.
    public var functionNames: [String] { entries.map(\.declaration.name) }

    /// An instance of function `name` with vector lengths of the caller's choosing, whether or not its
    /// `@dimensions` lists them: what `gradcheck bench --sizes` needs. Its explicit points are those whose
    /// vectors have these lengths; its domain is the function's.
    ///
    /// Throws when the suite has no such function, when `dimensions` does not give exactly its length
    /// names, a value is outside 1…``RuntimeLimits/maximumVectorLength``, or a derivative's statically
    /// known length does not fit.
    public func instance(of name: String, dimensions: [String: Int]) throws(SuiteLoadError) -> SuiteFunction {
        let at = { (message: String) in
            SuiteLoadError(diagnostics: [SuiteDiagnostic(path: self.path, line: 1, column: 1, message: message)])
        }
        guard let entry = entries.first(where: { $0.declaration.name == name }) else {
            let hint = NameSuggestion.hint(name, among: functionNames)
            throw at("suite '\(self.name)' has no test function '\(name)'\(hint)")
        }
        let lengthNames = AttributeChecker.lengthNames(entry.declaration.parameters)
        guard Set(lengthNames) == Set(dimensions.keys) else {
            let wanted = lengthNames.isEmpty ? "none" : lengthNames.joined(separator: ", ")
            throw at("'\(name)' takes the dimensions \(wanted), but was given \(dimensions.keys.sorted().joined(separator: ", "))")
        }
        if let bad = dimensions.first(where: { $0.value < 1 || $0.value > program.limits.maximumVectorLength }) {
            throw at("dimension \(bad.key) = \(bad.value) is outside 1...\(program.limits.maximumVectorLength)")
        }
        let (file, suite, compiled) = (source, self.name, program)
        let result = LargeStack.run { () -> Result<SuiteFunction, SuiteLoadError> in
            var builder = SuiteBuilder(source: file, sink: DiagnosticSink(source: file), suite: suite, program: compiled)
            let function = builder.instance(of: entry, lengths: dimensions)
            guard let function, !builder.sink.hasErrors else {
                return .failure(SuiteLoadError(diagnostics: builder.sink.sorted))
            }
            return .success(function)
        }
        return try result.get()
    }

    /// The vector length names of function `name`, in order (empty for a function of scalars); nil when
    /// the suite has no such test function. `gradcheck bench --sizes` sets the first of them.
    public func dimensionNames(of name: String) -> [String]? {
        entries.first { $0.declaration.name == name }.map { AttributeChecker.lengthNames($0.declaration.parameters) }
    }

    /// Finds function `name` — `suite/function` or just `function` (the first suite that has it) — among
    /// `suites` and instantiates it with `dimensions`: `gradcheck bench --function rosenbrock --sizes
    /// 1000,100000` makes `Suite.instance(of: "rosenbrock", in: suites, dimensions: ["n": 1000])`.
    public static func instance(
        of name: String, in suites: [Suite], dimensions: [String: Int]
    ) throws(SuiteLoadError) -> SuiteFunction {
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        let (suiteName, functionName) = parts.count == 2 ? (parts[0], parts[1]) : (nil, name)
        let candidates = suites.filter { suiteName == nil || $0.name == suiteName }
        guard let suite = candidates.first(where: { $0.functionNames.contains(functionName) }) else {
            let all = candidates.flatMap(\.functionNames)
            let hint = NameSuggestion.hint(functionName, among: all)
            throw SuiteLoadError(diagnostics: [
                SuiteDiagnostic(path: suiteName ?? "", line: 1, column: 1, message: "no test function '\(name)'\(hint)")
            ])
        }
        return try suite.instance(of: functionName, dimensions: dimensions)
    }
}

