import GradCheck
import GradCheckReports

/// `gradcheck sweep FUNCTION --at X,Y,…`: the error of forward, central and Richardson differences
/// against the step size, with the measured convergence order, the optimal step and what the curve says.
struct SweepCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck sweep",
        abstract: "Show the error of difference methods against the step size h (1e-1 to 1e-14).",
        discussion: """
            Errors are normwise relative errors against the reference, or against the derivative of the
            strategy given with --against (absolute where that derivative is 0). A flat curve means the
            quotients settle elsewhere: that derivative is wrong, or the function has a kink or a jump here.
            """,
        arguments: [PositionalDefinition(name: "function", help: "The function: suite/name or name.")],
        options: FunctionAtPoint.options + [
            .value("--strategy", "id", help: "Only this method: forward-difference, central-difference or richardson (repeatable).", repeatable: true),
            .value("--against", "id", help: "Compare with this strategy's derivative instead of the reference."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let (function, point) = try FunctionAtPoint.resolve(parsed, tool: tool)
        let methods = try parsed.all("--strategy").map { id in
            guard let method = StepSweep.Method(rawValue: id) else {
                throw UsageError.invalidValue(
                    option: "--strategy", value: id, expected: StepSweep.Method.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return method
        }
        let (target, targetName) = try comparisonTarget(parsed.value("--against"), function: function, point: point)
        let sweep = StepSweep()
        let curves = try (methods.isEmpty ? StepSweep.Method.allCases : methods).map {
            try sweep.run($0, on: function, at: point, reference: target)
        }
        let text = SweepReport(function: function.id, point: point, against: targetName, curves: curves, target: target).render()
        return CommandResult(exitCode: .success, standardOutput: text)
    }

    private func comparisonTarget(
        _ id: String?, function: any TestFunction, point: [Double]
    ) throws -> ([[ExtendedReal]], String) {
        guard let id else {
            let reference = ExtendedForwardReference()
            return (try reference.evaluate(function, at: point.map { ExtendedReal($0) }).jacobian, "the reference")
        }
        guard let strategy = tool.registry[id] else {
            throw UsageError.invalidValue(option: "--against", value: id, expected: "a registered strategy id")
        }
        let output = try strategy.derivative(of: function, at: point.map { ExtendedReal($0) }, variant: .correct)
        return (output.jacobian, id)
    }
}

/// The `<function> [--at x,y,…] [--suite path]…` that `trace` and `sweep` share.
enum FunctionAtPoint {
    static let options: [OptionDefinition] = [
        .value("--at", "x,y,...", help: "The point, one value per input (default: its first sample point)."),
        .value("--suite", "path", help: "Look the function up in this suite file or folder (repeatable; default: the standard corpus).", repeatable: true),
    ]

    /// The function named by the first positional argument and the point of `--at`. A suite that does not
    /// load ends the command with exit status 65 (``CommandExit``).
    static func resolve(_ parsed: ParsedArguments, tool: GradCheckTool) throws -> (any TestFunction, [Double]) {
        let corpus: [any TestFunction]
        do {
            corpus = try CorpusSource(tool: tool).functions(paths: parsed.all("--suite"))
        } catch {
            throw CommandExit(result: CorpusSource.failure(error))
        }
        let function = try FunctionLookup.find(parsed.positionals[0], in: corpus)
        return (function, try PointParsing.point(parsed.value("--at"), for: function))
    }
}

/// Ends a command early with a finished result (its output and exit status).
struct CommandExit: Error {
    var result: CommandResult
}

/// Finding a function by `suite/name` or by a name that is unique.
enum FunctionLookup {
    static func find(_ name: String, in functions: [any TestFunction]) throws -> any TestFunction {
        if let exact = functions.first(where: { $0.id.description == name }) { return exact }
        let byName = functions.filter { $0.id.name == name }
        if byName.count == 1 { return byName[0] }
        let known = functions.map(\.id.description)
        if byName.count > 1 {
            throw UsageError.invalidValue(
                option: "<function>", value: name,
                expected: "one of " + byName.map(\.id.description).joined(separator: ", ") + " (the name is ambiguous)")
        }
        let suggestion = NearestName.find(name, among: known + functions.map(\.id.name))
        throw UsageError.invalidValue(
            option: "<function>", value: name,
            expected: "a function listed by 'gradcheck list functions'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }
}

/// Parsing `--at 2,1`.
enum PointParsing {
    static func point(_ text: String?, for function: any TestFunction) throws -> [Double] {
        guard let text else {
            guard let first = function.sampling.points(random: 1, seed: 1, salt: function.id.description).first else {
                throw UsageError.missingValue(option: "--at", valueName: "x,y,...")
            }
            return first
        }
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        guard values.count == function.inputCount, values.allSatisfy({ $0?.isFinite == true }) else {
            throw UsageError.invalidValue(
                option: "--at", value: text,
                expected: "\(function.inputCount) finite numbers separated by commas (\(function.inputNames.joined(separator: ", ")))")
        }
        return values.compactMap { $0 }
    }
}
