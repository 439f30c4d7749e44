import GradCheck
import GradCheckReports

/// `gradcheck list strategies|functions`.
struct ListCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck list",
        abstract: "List the registered strategies or the corpus functions.",
        arguments: [PositionalDefinition(name: "kind", help: "strategies or functions")],
        options: [.help])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        switch parsed.positionals[0] {
        case "strategies":
            return CommandResult(exitCode: .success, standardOutput: strategies())
        case "functions":
            return CommandResult(exitCode: .success, standardOutput: functions())
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

    private func functions() -> String {
        var table = TextTable(
            headers: ["function", "inputs", "outputs", "derivative", "mutants", "tags"],
            alignments: [.left, .right, .right, .left, .right, .left])
        for function in tool.builtInFunctions {
            table.append([
                function.id.description, String(function.inputCount), String(function.outputCount),
                function.hasHandCodedDerivative ? (function.outputCount == 1 ? "gradient" : "jacobian") : "-",
                String(function.mutants.count), function.tags.joined(separator: ", "),
            ])
        }
        return table.render()
    }
}
