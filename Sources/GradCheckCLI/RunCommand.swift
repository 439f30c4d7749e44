import GradCheck
import GradCheckReports

/// `gradcheck run`: checks the selected strategies on the selected functions and prints the report.
struct RunCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck run",
        abstract: "Check strategies against the corpus and an independent reference; print a table.",
        discussion: """
            Exit status: 0 when every derivative is verified, 1 when one fails or a strategy errors,
            64 for a usage error.
            """,
        options: [
            .value("--strategy", "id", help: "Only this strategy (repeatable; see 'gradcheck list strategies').", repeatable: true),
            .value("--function", "glob", help: "Only functions whose suite/name or name match (repeatable).", repeatable: true),
            .value("--tag", "tag", help: "Only functions with this tag (repeatable).", repeatable: true),
            .value("--points", "n", help: "Sample points per function (default: 3)."),
            .value("--seed", "n", help: "Seed of the random sample points (default: 1)."),
            .value("--rtol", "x", help: "Relative tolerance for every strategy (default: per family)."),
            .value("--atol", "x", help: "Absolute tolerance for every strategy (default: 0 or per family)."),
            .value("--precision", "p", help: "Precision the strategies compute in: double or float (default: double)."),
            .flag("--no-timing", help: "Skip timings (operation counts are still measured)."),
        ] + ReportOutput.options + [.help])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let strategies = try selectedStrategies(parsed.all("--strategy"))
        var configuration = RunConfiguration()
        configuration.pointsPerFunction = try parsed.integer("--points", default: 3, range: 1...1000)
        configuration.seed = try parsed.seed("--seed", default: 1)
        configuration.measureTimings = !parsed.has("--no-timing")
        configuration.rtolOverride = try parsed.nonNegativeReal("--rtol")
        configuration.atolOverride = try parsed.nonNegativeReal("--atol")
        let precision = try parsed.choice("--precision", from: ["double", "float"], default: "double")

        let selection = FunctionSelection(patterns: parsed.all("--function"), tags: parsed.all("--tag"))
        let functions = selection.select(tool.builtInFunctions)
        guard !functions.isEmpty else {
            return CommandResult(exitCode: .usage, standardError: "error: no function matches the --function and --tag filters\n")
        }
        let output = try ReportOutput(parsed)  // checks every destination before the run
        let runner = Runner(reference: ExtendedForwardReference(), configuration: configuration)
        var report = precision == "float"
            ? runner.run(functions, strategies: strategies, precision: Float.self)
            : runner.run(functions, strategies: strategies, precision: Double.self)
        if output.drawsCharts {
            report.appendix = RunAppendix(sweeps: RunStudies.sweeps(for: report, functions: functions), swell: RunStudies.swell())
        }
        return output.deliver(report)
    }

    private func selectedStrategies(_ ids: [String]) throws -> [any DifferentiationStrategy] {
        guard !ids.isEmpty else { return tool.registry.strategies }
        return try ids.map { id in
            guard let strategy = tool.registry[id] else {
                throw UsageError.invalidValue(
                    option: "--strategy", value: id,
                    expected: "a registered strategy id"
                        + (NearestName.find(id, among: tool.registry.ids).map { " (did you mean '\($0)'?)" } ?? ""))
            }
            return strategy
        }
    }
}
