import GradCheck
import GradCheckReports
import GradCheckReverse

/// `gradcheck trace FUNCTION --at X,Y,…`: the forward primal, forward tangent and reverse adjoint traces
/// of the function at a point, numbered as in the first article, or its computational graph for Graphviz.
struct TraceCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck trace",
        abstract: "Print the primal, tangent and adjoint traces of a function at a point, or its graph.",
        arguments: [PositionalDefinition(name: "function", help: "The function: suite/name or name.")],
        options: FunctionAtPoint.options + [
            .value("--input", "name", help: "The input whose tangent trace is shown (default: the last one)."),
            .value("--format", "format", help: "text, markdown or dot (default: text)."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let (function, point) = try FunctionAtPoint.resolve(parsed, tool: tool)
        let format = try parsed.choice("--format", from: ["text", "markdown", "dot"], default: "text")
        let input: Int
        if let name = parsed.value("--input") {
            guard let index = function.inputNames.firstIndex(of: name) else {
                throw UsageError.invalidValue(
                    option: "--input", value: name, expected: "one of " + function.inputNames.joined(separator: ", "))
            }
            input = index
        } else {
            input = function.inputCount - 1
        }
        let trace = try ComputationTrace.record(function, at: point)
        let report = TraceReport(function: function.id, point: point, trace: trace, tangentInput: input)
        let text = switch format {
        case "markdown": report.markdown()
        case "dot": report.dot()
        default: report.text()
        }
        return CommandResult(exitCode: .success, standardOutput: text)
    }
}
