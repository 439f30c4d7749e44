import GradCheck
import GradCheckReports

/// `gradcheck swell`: the expression-swell study (logistic map, ∏(xᵢ² + 1), nested sines, repeated
/// squaring) with reverse mode's measured ω beside each row.
struct SwellCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck swell",
        abstract: "Show how derivative expressions grow with depth: raw tree, simplified tree, DAG, and reverse mode's ω.",
        options: [
            .value("--family", "name", help: "Only this family: logistic-map, product-of-squares, nested-sine, repeated-squaring (repeatable).", repeatable: true),
            .value("--max-nodes", "n", help: "Expression size cap (default: 1000000)."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let families = try parsed.all("--family").map { name in
            guard let family = SwellStudy.Family(rawValue: name) else {
                throw UsageError.invalidValue(
                    option: "--family", value: name, expected: SwellStudy.Family.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return family
        }
        let cap = try parsed.integer("--max-nodes", default: ExpressionGraph.defaultNodeLimit, range: 100...100_000_000)
        var rows = SwellStudy.run(families.isEmpty ? SwellStudy.Family.allCases : families, nodeLimit: cap)
        for index in rows.indices {
            let family = SwellStudy.Family(rawValue: rows[index].family)
            guard let function = family?.function(rows[index].parameter),
                let point = function.sampling.explicitPoints.first,
                let cost = try? CostMeter.measure(ReverseModeStrategy(), variant: .correct, on: function, at: point)
            else { continue }
            rows[index].extra[SwellReport.reverseOmegaKey] = cost.ratio
        }
        return CommandResult(exitCode: .success, standardOutput: SwellReport(rows: rows).render() + "\n")
    }
}
