import GradCheck
import GradCheckReports

/// `gradcheck run`: checks the selected strategies on the selected functions and prints the report.
struct RunCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck run",
        abstract: "Check strategies against the corpus and an independent reference; print a table.",
        discussion: """
            With no path, runs the standard suites (./Suites when that folder exists, else the built-in
            copy) and the compiled starter corpus. A ./Suites folder with no .grad files (or none that
            defines a test function) is an error, not an empty standard corpus: restore its files, remove it
            to use the built-in copy, or name suite files. A --function glob or a --tag that matches no
            function at all is a usage error that suggests the nearest name or tag; one that matches in some
            suites only is fine. Exit status: 0 when every derivative is verified, 1 when one fails, a
            strategy errors or a mutant is not caught, 3 when nothing failed but nothing was verified either
            (every check undecided), 64 for a usage error (a filter or a path that selects nothing included),
            65 for an invalid suite file, two suite files of one base name (a suite's name) or an empty
            ./Suites; with --isolate, 128 + the signal's number when SIGHUP, SIGINT or SIGTERM stopped the
            run (its child process is stopped too).
            """,
        arguments: [PositionalDefinition(name: "paths", help: "Suite files (.grad) or folders of them.", variadic: true, optional: true)],
        options: [
            .value("--strategy", "id", help: "Only this strategy (repeatable; see 'gradcheck list strategies').", repeatable: true),
            .value("--function", "glob", help: "Only functions whose suite/name or name match (repeatable).", repeatable: true),
            .value("--tag", "tag", help: "Only functions with this tag (repeatable).", repeatable: true),
            .value(
                "--points", "n",
                help: "Seeded random points per function, added to all its explicit @points (default: 3); 'auto': 3, then seeded points of the domain until every branch shows both sides (at most 64 tried, 16 added)."),
            .value("--seed", "n", help: "Seed of the random sample points (default: 1)."),
            .value("--rtol", "x", help: "Relative tolerance for every strategy (default: per family)."),
            .value("--atol", "x", help: "Absolute tolerance for every strategy (default: 0 or per family)."),
            .value("--precision", "p", help: "Precision the strategies compute in: double or float (default: double)."),
            .flag("--no-timing", help: "Skip timings (operation counts are still measured)."),
            .value(
                "--jobs", "n",
                help: "Check n functions at once, on n threads (default: the active processors; 1: one after the other). The report is the same for any n, timings apart: with n > 1, every cell is timed alone after all checks (metadata.timing says how). Each evaluation keeps the whole --max-memory and each phase the whole --cell-timeout; --isolate starts its children one at a time."),
            .flag("--quiet", help: "Show no progress on standard error (shown only when it is a terminal)."),
            .value("--baseline", "file", help: "Compare with a saved JSON run; a regression fails the run (timings never do)."),
            .value("--shard", "k/n", help: "Run only the k-th of n disjoint parts of the functions (e.g. 2/3)."),
            .flag("--isolate", help: "Check each function × strategy in a child process: a crash costs only its cell."),
            .value(
                "--cell-timeout", "seconds",
                help: "Most seconds one phase of a cell may take: a reference, a derivative, a cost count (default: 600)."),
            .value("--time-limit", "seconds", help: "Most seconds the whole run may take; cells not started by then are errors (default: none)."),
            .value(
                "--max-inputs", "n",
                help: "Check functions with more inputs along directions only; with --directional never, skip them with a message (default: 10000)."),
            .value(
                "--directional", "mode",
                help: "auto: check functions with more inputs than --directional-threshold along random directions, others entry by entry; always; never (default: auto)."),
            .value("--directions", "k", help: "Seeded random directions per point of a directional check; escape probability at most 2^-k (default: 8)."),
            .value("--directional-threshold", "n", help: "Inputs above which --directional auto checks along directions (default: 1000)."),
            .value("--max-iterations", "n", help: "Loop iterations a suite function may run per call (default: 10000000)."),
            .value("--max-depth", "n", help: "Recursion depth of suite functions (default: 1000)."),
            .value(
                "--max-memory", "size",
                help: "Bytes one evaluation of a suite function may hold in vectors, e.g. 512M or 2G (default: a quarter of the memory or ulimit -v)."),
            .value("--max-nodes", "n", help: "Expression size cap of the symbolic strategies (default: 1000000)."),
            .hiddenValue(
                "--function-id", "id", help: "Only the function whose suite/name is exactly this, no glob (repeatable).",
                repeatable: true),
        ] + ReportOutput.options + [.help])

    /// The options a child of `--isolate` inherits, with their values.
    static let inheritedOptions = [
        "--points", "--seed", "--rtol", "--atol", "--precision", "--cell-timeout", "--max-inputs", "--max-iterations",
        "--max-depth", "--max-memory", "--max-nodes", "--directional", "--directions", "--directional-threshold",
    ]

    /// The options that shape a cell which the metadata does not already hold (it has the seed, the points
    /// and the precision): a replay command repeats them as given.
    static let replayedOptions = inheritedOptions.filter { !["--points", "--seed", "--precision"].contains($0) }

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        var settings = StrategySettings()
        if parsed.value("--max-nodes") != nil {
            settings.expressionNodeLimit = try parsed.integer("--max-nodes", default: 0, range: 10...1_000_000_000)
        }
        let strategies = try selectedStrategies(parsed.all("--strategy")).map { $0.adopting(settings) }
        var tool = self.tool
        tool.suiteLimits.maximumIterations = try parsed.integer(
            "--max-iterations", default: tool.suiteLimits.maximumIterations, range: 1...1_000_000_000_000)
        tool.suiteLimits.maximumRecursionDepth = try parsed.integer(
            "--max-depth", default: tool.suiteLimits.maximumRecursionDepth, range: 1...100_000)
        tool.suiteLimits.maximumBytes = try parsed.byteSize("--max-memory") ?? tool.suiteLimits.maximumBytes
        var configuration = RunConfiguration()
        configuration.runStart = .now
        let autoPoints = parsed.value("--points") == "auto"
        if let value = parsed.value("--points"), !autoPoints, Int(value) == nil {
            throw UsageError.invalidValue(option: "--points", value: value, expected: "a whole number from 0 to 1000, or auto")
        }
        configuration.pointsPerFunction = autoPoints ? 3 : try parsed.integer("--points", default: 3, range: 0...1000)
        configuration.seed = try parsed.seed("--seed", default: 1)
        configuration.measureTimings = !parsed.has("--no-timing")
        configuration.jobs = try parsed.integer("--jobs", default: ParallelWork.availableProcessors, range: 1...1024)
        configuration.cellTimeout = try parsed.nonNegativeReal("--cell-timeout") ?? configuration.cellTimeout
        configuration.runTimeLimit = try parsed.nonNegativeReal("--time-limit")
        configuration.maximumInputs = try parsed.integer("--max-inputs", default: configuration.maximumInputs, range: 1...100_000_000)
        configuration.directional.mode = DirectionalMode(
            rawValue: try parsed.choice("--directional", from: DirectionalMode.allCases.map(\.rawValue), default: "auto")) ?? .auto
        configuration.directional.directions = try parsed.integer(
            "--directions", default: configuration.directional.directions, range: 1...64)
        configuration.directional.threshold = try parsed.integer(
            "--directional-threshold", default: configuration.directional.threshold, range: 0...100_000_000)
        configuration.rtolOverride = try parsed.nonNegativeReal("--rtol")
        configuration.atolOverride = try parsed.nonNegativeReal("--atol")
        let precision = try parsed.choice("--precision", from: ["double", "float"], default: "double")

        let selection = FunctionSelection(
            patterns: parsed.all("--function"), tags: parsed.all("--tag"), exactIDs: parsed.all("--function-id"))
        let paths = parsed.positionals
        let corpus: CorpusSource.Corpus
        do {
            corpus = try CorpusSource(tool: tool).load(paths: paths)
        } catch {
            return CorpusSource.failure(error)
        }
        // A path that added nothing beside others that did: said, but not fatal.
        let warnings = corpus.emptyPaths.map { "warning: \($0)\n" }.joined()
        let functions: [any TestFunction]
        switch try Self.select(from: corpus, by: selection, shard: parsed.value("--shard"), paths: paths) {
        case .success(let selected): functions = selected
        case .failure(let refusal):
            var result = refusal.result
            if !corpus.functions.isEmpty { result.standardError = warnings + result.standardError }
            return result
        }
        // Checks every destination before the run; with no path, the standard suites of ./Suites are inputs too.
        let inputs = paths.isEmpty && tool.loadsStandardSuites ? ["Suites"] : paths
        let output = try ReportOutput(parsed, inputs: ReportOutput.suiteFiles(inputs))
        var baseline: RunReport?
        if let path = parsed.value("--baseline") {
            switch ReportCommand.read(path) {
            case .success(let decoded): baseline = decoded
            case .failure(let message):
                return CommandResult(exitCode: .invalidData, standardError: "error: baseline \(path): \(message)\n")
            }
        }
        if autoPoints {
            configuration.extraPoints = BranchCoverageRun.pointsReachingBothSides(functions, configuration: configuration)
        }
        // Progress only on a terminal (the host gives an output only then), and not with --quiet; an
        // isolated run's cells are checked by children, which report none.
        let progress = parsed.has("--quiet") || parsed.has("--isolate")
            ? nil : tool.progressOutput.map { ProgressDisplay(sink: $0.write, width: $0.width) }
        if let progress { configuration.progress = { progress.show($0) } }
        let runner = Runner(reference: ExtendedForwardReference(), configuration: configuration)
        var report: RunReport
        if parsed.has("--isolate") {
            guard let executable = tool.executablePath else {
                throw UsageError.invalidUse("'--isolate' needs the gradcheck executable, which this host did not name")
            }
            var shared = Self.inheritedOptions.flatMap { option in parsed.all(option).flatMap { [option, $0] } }
            if parsed.has("--no-timing") { shared.append("--no-timing") }
            // Children run one at a time, each checking one cell: one job each, timed as it checks.
            shared += ["--jobs", "1"]
            let isolated = IsolatedRun(
                executable: executable, sharedArguments: shared, paths: paths, deadline: PhaseDeadline(configuration))
            do {
                let metadata = precision == "float" ? runner.metadata(in: Float.self) : runner.metadata(in: Double.self)
                report = try isolated.run(functions, strategies: strategies, metadata: metadata)
            } catch {
                return CommandResult(exitCode: ExitCode(stoppedBy: error.signal) ?? .failure, standardError: "error: \(error)\n")
            }
        } else {
            report = precision == "float"
                ? runner.run(functions, strategies: strategies, precision: Float.self)
                : runner.run(functions, strategies: strategies, precision: Double.self)
        }
        progress?.finish()
        // The files the selected functions came from, so that a replay command names its suite's file.
        let selectedSuites = Set(functions.map(\.id.suite))
        report.metadata.suiteSources = corpus.suiteSources.filter { selectedSuites.contains($0.key) }
        report.metadata.replayOptions = Self.replayedOptions.flatMap { option in parsed.all(option).flatMap { [option, $0] } }
        if autoPoints { report.metadata.replayOptions += ["--points", "auto"] }
        if output.drawsCharts {
            let sweeps = RunStudies.sweeps(for: report, functions: functions, deadline: PhaseDeadline(configuration))
            report.appendix = RunAppendix(sweeps: sweeps, swell: RunStudies.swell())
        }
        report.coverage = BranchCoverageRun.coverage(of: functions, configuration: configuration)
        var result = output.deliver(report)
        result.standardError = warnings + result.standardError
        let coverageWarnings = report.coverage.flatMap { coverage in
            coverage.warnings.map { "warning: \(coverage.function): \($0)\n" }
        }.joined()
        if output.standardOutput == .text { result.standardOutput += coverageWarnings } else { result.standardError += coverageWarnings }
        if let baseline, let path = parsed.value("--baseline") {
            let comparison = BaselineComparison(current: report, baseline: baseline)
            let text = comparison.render(baselinePath: path)
            if output.standardOutput == .text { result.standardOutput += text } else { result.standardError += text }
            if !comparison.isClean && result.exitCode == .success { result.exitCode = .failure }
        }
        return result
    }

    /// A run that would check nothing, as a usage error (exit 64) saying why.
    struct Refusal: Error {
        var errors: [String]
        /// A line after the errors, on where to look.
        var note: String?

        var result: CommandResult {
            CommandResult(
                exitCode: .usage, standardError: errors.map { "error: \($0)\n" }.joined() + (note.map { $0 + "\n" } ?? ""))
        }
    }

    /// The functions of `corpus` that the filters and the shard select, or why there are none: an empty
    /// corpus (naming what is empty), each filter that matches nothing at all (with a suggestion), filters
    /// that each match but never together, or an empty shard. Never "nothing" without a word.
    static func select(
        from corpus: CorpusSource.Corpus, by selection: FunctionSelection, shard: String?, paths: [String]
    ) throws -> Result<[any TestFunction], Refusal> {
        guard !corpus.functions.isEmpty else {
            let why = paths.isEmpty
                ? ["no suite file was named, and this gradcheck loads no standard suites and has no compiled functions"]
                : corpus.emptyPaths
            return .failure(Refusal(errors: ["no test functions to check: " + why.joined(separator: "; ")]))
        }
        let unmatched = selection.unmatchedFilters(in: corpus.functions)
        guard unmatched.isEmpty else {
            let list = "gradcheck list functions" + (paths.isEmpty ? "" : " <paths>")
            return .failure(Refusal(errors: unmatched, note: "'\(list)' shows every function with its tags."))
        }
        var functions = selection.select(corpus.functions)
        guard !functions.isEmpty else {
            return .failure(Refusal(errors: ["no function matches both the --function and the --tag filters, though each matches some on its own"]))
        }
        if let shard {
            let sharding = try Sharding(parsing: shard)
            // A shard may be empty (more shards than functions): that is a valid run of nothing, so a CI
            // matrix with more shards than functions stays green.
            functions = sharding.select(functions)
        }
        return .success(functions)
    }

    /// The strategies named by `--strategy`, in registry order whatever the order given (so that a run's
    /// results and report do not depend on it), or all of them.
    private func selectedStrategies(_ ids: [String]) throws -> [any DifferentiationStrategy] {
        guard !ids.isEmpty else { return tool.registry.strategies }
        for id in ids where tool.registry[id] == nil {
            throw UsageError.invalidValue(
                option: "--strategy", value: id,
                expected: "a registered strategy id"
                    + (NearestName.find(id, among: tool.registry.ids).map { " (did you mean '\($0)'?)" } ?? ""))
        }
        return tool.registry.strategies.filter { ids.contains($0.id) }
    }
}
