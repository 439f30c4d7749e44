import Foundation
import GradCheck
import GradCheckBench

/// `gradcheck bench`: times the plain function and every derivative method on compiled benchmark
/// functions at several sizes, with ω, tape memory and heap allocations (see ``BenchRunner``).
struct BenchCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck bench",
        abstract: "Time every derivative method against the plain function on compiled benchmark functions.",
        discussion: """
            Functions: \(BenchmarkFunctions.all.map { "\($0.benchmarkName) (\($0.formula))" }.joined(separator: "; ")).
            Methods: \(BenchMethod.allCases.map { $0.rawValue }.joined(separator: ", ")); symbolic and
            swift-autodiff run only when a strategy with that id is registered ("not available" otherwise).
            Timings are meaningful in a release build only: swift run -c release gradcheck bench.
            A cell whose single call is estimated (from a smaller size) to exceed the budget is skipped.
            """,
        options: [
            .value("--function", "name", help: "Only this function (repeatable; default: all).", repeatable: true),
            .value("--sizes", "n,n,...", help: "Sizes n (default: 1000,10000,100000,1000000)."),
            .value("--method", "name", help: "Only this method (repeatable; default: all).", repeatable: true),
            .value("--budget", "seconds", help: "Time budget per cell, in seconds up to 1000000 (default: 10)."),
            .value("--count-size", "n", help: "Count ω at n = min(n, this) (default: 1000)."),
            .value("--samples", "n", help: "Timed samples per cell; the median is reported (default: 7)."),
            .value("--format", "format", help: "text or json (default: text)."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        var configuration = BenchConfiguration()
        let functions = parsed.all("--function")
        for name in functions where BenchmarkFunctions.named(name) == nil {
            throw UsageError.invalidValue(
                option: "--function", value: name, expected: "one of " + BenchmarkFunctions.names.joined(separator: ", "))
        }
        if !functions.isEmpty { configuration.functions = functions }
        if let sizes = parsed.value("--sizes") { configuration.sizes = try Self.sizes(sizes) }
        let methods = try parsed.all("--method").map { name in
            guard let method = BenchMethod(rawValue: name) else {
                throw UsageError.invalidValue(
                    option: "--method", value: name,
                    expected: "one of " + BenchMethod.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return method
        }
        if !methods.isEmpty {
            // The plain function is always timed: it is the baseline of every ratio.
            configuration.methods = BenchMethod.allCases.filter { $0 == .function || methods.contains($0) }
        }
        if let seconds = try parsed.positiveReal("--budget", maximum: BenchConfiguration.maximumBudgetSeconds, unit: "seconds") {
            configuration.budgetSeconds = seconds
        }
        configuration.countSize = try parsed.integer("--count-size", default: 1_000, range: 1...10_000_000)
        configuration.samples = try parsed.integer("--samples", default: 7, range: 1...1_000)
        let format = try parsed.choice("--format", from: ["text", "json"], default: "text")

        let report = BenchRunner(configuration: configuration, registry: tool.registry).run()
        let failed = report.cells.contains { $0.status == .failed }
        var output = format == "json" ? try report.json() : BenchTable(report).render()
        if format == "text" && configuration.functions.contains("rosenbrock") {
            let interpreter = try InterpreterComparison.measure(
                sizes: configuration.sizes, budgetSeconds: configuration.budgetSeconds, samples: configuration.samples)
            output += interpreter.render()
            output += AccumulationChainProbe.measure(samples: configuration.samples).render()
        }
        let warning = BuildInfo.isOptimized
            ? "" : "warning: debug build: timings are not meaningful; use 'swift run -c release gradcheck bench'\n"
        return CommandResult(
            exitCode: failed ? .failure : .success, standardOutput: output, standardError: warning)
    }

    /// `1000,1e5,1000000` → [1000, 100000, 1000000]: positive whole numbers up to 10⁸.
    static func sizes(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { word -> Int? in
            let trimmed = word.trimmingCharacters(in: .whitespaces)
            if let whole = Int(trimmed) { return whole }
            if let real = Double(trimmed), real.isFinite, real == real.rounded(), real.magnitude < 1e9 { return Int(real) }
            return nil
        }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 100_000_000 }) else {
            throw UsageError.invalidValue(
                option: "--sizes", value: text, expected: "comma-separated whole numbers from 1 to 10^8, e.g. 1000,100000")
        }
        return Array(Set(values.compactMap { $0 })).sorted()
    }
}
