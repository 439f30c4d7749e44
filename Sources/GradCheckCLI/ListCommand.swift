import GradCheck
import GradCheckReports

/// `gradcheck list strategies|functions`.
///
/// `list functions` over paths that define no test function at all is a usage error (exit 64) that says
/// what is empty, as `run` does; a path that adds nothing beside others that do is a warning.
struct ListCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck list",
        abstract: "List the registered strategies or the corpus functions.",
        arguments: [
            PositionalDefinition(name: "kind", help: "strategies or functions"),
            PositionalDefinition(name: "paths", help: "With functions: suite files or folders (default: the standard corpus).", variadic: true, optional: true),
        ],
        options: [
            .flag("--expressions", help: "With functions: print each function's simplified symbolic derivative at its first point."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        switch parsed.positionals[0] {
        case "strategies":
            return CommandResult(exitCode: .success, standardOutput: strategies())
        case "functions":
            let paths = Array(parsed.positionals.dropFirst())
            let loaded: CorpusSource.Corpus
            do {
                loaded = try CorpusSource(tool: tool).load(paths: paths)
            } catch {
                return CorpusSource.failure(error)
            }
            // An empty listing says why, as `run` does: never a bare header.
            guard !loaded.functions.isEmpty else {
                let why = paths.isEmpty
                    ? ["no suite file was named, and this gradcheck loads no standard suites and has no compiled functions"]
                    : loaded.emptyPaths
                return CommandResult(exitCode: .usage, standardError: "error: no test functions to list: " + why.joined(separator: "; ") + "\n")
            }
            let corpus = loaded.functions
            let warnings = loaded.emptyPaths.map { "warning: \($0)\n" }.joined()
            let expressions = parsed.has("--expressions") ? "\n" + symbolicDerivatives(corpus) : ""
            return CommandResult(exitCode: .success, standardOutput: functions(corpus) + expressions, standardError: warnings)
        case let other:
            throw UsageError.invalidValue(option: "<kind>", value: other, expected: "strategies or functions")
        }
    }

    private func strategies() -> String {
        var table = TextTable(headers: ["id", "family", "description"], alignments: [.left, .left, .left])
        for strategy in tool.registry.strategies {
            table.append([strategy.id, strategy.family.rawValue, strategy.summary])
        }
        return table.render()
    }

    /// Each function's closed form and simplified derivative at its first sample point, with the region
    /// where that closed form holds; functions with more than 8 inputs are left out (their forms are long).
    private func symbolicDerivatives(_ corpus: [any TestFunction]) -> String {
        var out = ""
        for function in corpus where function.inputCount <= 8 {
            guard let point = function.sampling.points(random: 1, seed: 1, salt: function.id.description).first else { continue }
            out += "\(function.id) at (\(point.map { NumberText.short($0) }.joined(separator: ", "))):\n"
            do {
                let symbolic = try SymbolicDerivative(of: function, at: point)
                out += symbolic.report.split(separator: "\n").map { "  " + Self.shortened($0) }.joined(separator: "\n") + "\n"
            } catch {
                out += "  no closed form: \(error)\n"
            }
        }
        return out
    }

    /// A line cut at 300 characters, saying how long it was: a swollen closed form stays readable.
    static func shortened(_ line: Substring) -> String {
        line.count <= 300 ? String(line) : line.prefix(300) + "… (\(line.count) characters in all)"
    }

    private func functions(_ corpus: [any TestFunction]) -> String {
        var table = TextTable(
            headers: ["function", "inputs", "outputs", "derivative", "mutants", "tags"],
            alignments: [.left, .right, .right, .left, .right, .left])
        for function in corpus {
            table.append([
                function.id.description, String(function.inputCount), String(function.outputCount),
                function.hasHandCodedDerivative ? (function.outputCount == 1 ? "gradient" : "jacobian") : "-",
                String(function.mutants.count), function.tags.joined(separator: ", "),
            ])
        }
        return table.render()
    }
}
