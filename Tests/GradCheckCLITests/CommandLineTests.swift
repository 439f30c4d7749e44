import GradCheck
@testable import GradCheckCLI
import Testing

@Suite("The gradcheck command line")
struct CommandLineTests {
    let tool = GradCheckTool()

    @Test func versionAndHelp() {
        #expect(tool.run(["--version"]) == CommandResult(exitCode: .success, standardOutput: GradCheckTool.version + "\n"))
        let help = tool.run(["--help"])
        #expect(help.exitCode == .success)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: Verify derivatives"))
        #expect(tool.run(["help", "run"]).standardOutput == tool.run(["run", "--help"]).standardOutput)
    }

    /// The `run --help` text is part of the interface: a change to it must be deliberate.
    @Test func runHelpIsPinned() {
        let expected = """
            OVERVIEW: Check strategies against the corpus and an independent reference; print a table.

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

            USAGE: gradcheck run [<paths> ...] [--strategy <id> ...] [--function <glob> ...] [--tag <tag> ...] [--points <n>] [--seed <n>] [--rtol <x>] [--atol <x>] [--precision <p>] [--no-timing] [--jobs <n>] [--quiet] [--baseline <file>] [--shard <k/n>] [--isolate] [--cell-timeout <seconds>] [--time-limit <seconds>] [--max-inputs <n>] [--directional <mode>] [--directions <k>] [--directional-threshold <n>] [--max-iterations <n>] [--max-depth <n>] [--max-memory <size>] [--max-nodes <n>] [--format <format> ...] [--output <path>] [--report-dir <dir>]

            ARGUMENTS:
              <paths> ...             Suite files (.grad) or folders of them.

            OPTIONS:
              --strategy <id>         Only this strategy (repeatable; see 'gradcheck list strategies').
              --function <glob>       Only functions whose suite/name or name match (repeatable).
              --tag <tag>             Only functions with this tag (repeatable).
              --points <n>            Seeded random points per function, added to all its explicit @points (default: 3); 'auto': 3, then seeded points of the domain until every branch shows both sides (at most 64 tried, 16 added).
              --seed <n>              Seed of the random sample points (default: 1).
              --rtol <x>              Relative tolerance for every strategy (default: per family).
              --atol <x>              Absolute tolerance for every strategy (default: 0 or per family).
              --precision <p>         Precision the strategies compute in: double or float (default: double).
              --no-timing             Skip timings (operation counts are still measured).
              --jobs <n>              Check n functions at once, on n threads (default: the active processors; 1: one after the other). The report is the same for any n, timings apart: with n > 1, every cell is timed alone after all checks (metadata.timing says how). Each evaluation keeps the whole --max-memory and each phase the whole --cell-timeout; --isolate starts its children one at a time.
              --quiet                 Show no progress on standard error (shown only when it is a terminal).
              --baseline <file>       Compare with a saved JSON run; a regression fails the run (timings never do).
              --shard <k/n>           Run only the k-th of n disjoint parts of the functions (e.g. 2/3).
              --isolate               Check each function × strategy in a child process: a crash costs only its cell.
              --cell-timeout <seconds>
                                      Most seconds one phase of a cell may take: a reference, a derivative, a cost count (default: 600).
              --time-limit <seconds>  Most seconds the whole run may take; cells not started by then are errors (default: none).
              --max-inputs <n>        Check functions with more inputs along directions only; with --directional never, skip them with a message (default: 10000).
              --directional <mode>    auto: check functions with more inputs than --directional-threshold along random directions, others entry by entry; always; never (default: auto).
              --directions <k>        Seeded random directions per point of a directional check; escape probability at most 2^-k (default: 8).
              --directional-threshold <n>
                                      Inputs above which --directional auto checks along directions (default: 1000).
              --max-iterations <n>    Loop iterations a suite function may run per call (default: 10000000).
              --max-depth <n>         Recursion depth of suite functions (default: 1000).
              --max-memory <size>     Bytes one evaluation of a suite function may hold in vectors, e.g. 512M or 2G (default: a quarter of the memory or ulimit -v).
              --max-nodes <n>         Expression size cap of the symbolic strategies (default: 1000000).
              --format <format>       Report format: text, markdown, html, json or junit (repeatable; default: text).
              --output <path>         Write the report (one format, else guessed from the extension) to this file.
              --report-dir <dir>      Write each format (default: all but text) here as gradcheck.md, .html, .json, -junit.xml, .txt.
              -h, --help              Show help information.

            """
        #expect(tool.run(["run", "--help"]).standardOutput == expected)
    }

    @Test func usageErrorsExit64WithAClearMessage() {
        let cases: [([String], String)] = [
            (["frobnicate"], "error: unknown command 'frobnicate'"),
            (["rn"], "did you mean 'run'?"),
            (["run", "--stratgy", "reverse"], "unknown option '--stratgy'; did you mean '--strategy'?"),
            (["run", "--points"], "missing value for '--points <n>'"),
            (["run", "--seed", "-1"], "the value '-1' is invalid for '--seed'"),
            (["run", "--points", "1001"], "the value '1001' is invalid for '--points'"),
            (["run", "--jobs", "0"], "the value '0' is invalid for '--jobs'"),
            (["run", "--rtol", "nan"], "expected a finite number ≥ 0"),
            (["run", "--precision", "half"], "expected one of double, float"),
            (["run", "--strategy", "revers"], "the value 'revers' is invalid for '--strategy'"),
            (["run", "--seed", "1", "--seed", "2"], "'--seed' may be given only once"),
            (["run", "--no-timing=yes"], "the flag '--no-timing' takes no value"),
            (["list"], "missing expected argument '<kind>'"),
            (["list", "everything"], "expected strategies or functions"),
            (["run", "--function", "no-such-function"], "--function 'no-such-function' matches no function"),
        ]
        for (arguments, fragment) in cases {
            let result = tool.run(arguments)
            #expect(result.exitCode == .usage, "\(arguments)")
            #expect(result.standardError.contains(fragment), "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
    }

    @Test func aFullRunOfTheStarterCorpusVerifiesEverythingAndExits0() {
        var starterOnly = tool
        starterOnly.loadsStandardSuites = false
        let result = starterOnly.run(["run", "--no-timing"])
        #expect(result.exitCode == .success, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("OK: "))
        #expect(result.standardOutput.contains("mutants caught 1/1"))
        for strategy in StandardStrategies.all {
            #expect(result.standardOutput.contains(strategy.id))
        }
        #expect(!result.standardOutput.contains("nutty-as-printed"))
    }

    @Test func theSeedsPrintedTraceFailsTheRunWithExit1() {
        let result = tool.run(["run", "--function", "starter/nutty-as-printed", "--strategy", "hand-coded", "--no-timing"])
        #expect(result.exitCode == .failure)
        let out = result.standardOutput
        #expect(out.contains("FAIL starter/nutty-as-printed · hand-coded"))
        #expect(out.contains("worst ∂f/∂x"))
        #expect(out.contains("[0][0]") && out.contains("[0][1]"))
        #expect(out.contains("replay: gradcheck run --function 'starter/nutty-as-printed' --strategy hand-coded"))
        #expect(out.contains("FAILED: "))
    }

    @Test func filtersSelectFunctionsAndStrategies() {
        let result = tool.run(["run", "--function", "*rosenbrock*", "--strategy", "central-difference", "--no-timing"])
        #expect(result.exitCode == .success)
        let rows = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("starter/") }
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.contains("central-difference") })
        let tagged = tool.run(["run", "--tag", "recursion", "--no-timing"]).standardOutput
        #expect(tagged.contains("starter/recursion") && !tagged.contains("starter/cubic"))
    }

    @Test func listShowsStrategiesAndFunctions() {
        let strategies = tool.run(["list", "strategies"]).standardOutput
        let central = strategies.split(separator: "\n").first { $0.hasPrefix("central-difference ") }
        #expect(central?.contains(" higher-order-difference ") == true)
        for strategy in StandardStrategies.all { #expect(strategies.contains(strategy.id + " ")) }
        let functions = tool.run(["list", "functions"]).standardOutput
        #expect(functions.contains("starter/polar-to-cartesian") && functions.contains("jacobian"))
    }

    @Test func aPluginRegisteredUnderANewIDRuns() throws {
        var registry = StandardStrategies.registry()
        try registry.register(ExactByDifferencesPlugin())
        let result = GradCheckTool(registry: registry).run(["run", "--strategy", "plugin", "--function", "starter/cubic", "--no-timing"])
        #expect(result.exitCode == .failure)  // a forward difference judged with an exact method's tolerance
        #expect(result.standardOutput.contains("starter/cubic  plugin"))
    }

    @Test func globsMatchLikeAShell() {
        let cases: [(String, String, Bool)] = [
            ("*", "anything", true), ("starter/*", "starter/cubic", true), ("*cub?c", "starter/cubic", true),
            ("cubic", "starter/cubic", false), ("r*k*", "rosenbrock", true), ("a*b", "ac", false),
        ]
        for (pattern, text, expected) in cases {
            #expect(Glob.matches(pattern, text) == expected, "\(pattern) ~ \(text)")
        }
    }
}

/// A plugin that claims exactness but computes a forward difference: the harness must catch it.
struct ExactByDifferencesPlugin: DifferentiationStrategy {
    let id = "plugin"
    let family = StrategyFamily.automatic
    let summary = "a forward difference posing as an exact method"
    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        let output = try ForwardDifferenceStrategy().derivative(of: function, at: point, variant: variant)
        return StrategyOutput(jacobian: output.jacobian)
    }
}

/// The subcommands are one table: the overview lists every one, and dispatch and help reach every one.
@Suite struct SubcommandTableTests {
    @Test func theOverviewDispatchAndHelpAllReadTheOneTable() {
        let tool = GradCheckTool()
        let overview = tool.run(["--help"]).standardOutput
        for command in GradCheckTool.commands {
            #expect(overview.contains("  " + command.name.padding(toLength: 24, withPad: " ", startingAt: 0) + command.summary))
            #expect(tool.run(["help", command.name]).standardOutput == HelpFormatter.help(for: command.definition))
            #expect(tool.run([command.name, "--help"]).standardOutput == HelpFormatter.help(for: command.definition))
        }
        #expect(Set(GradCheckTool.commands.map(\.name)).count == GradCheckTool.commands.count)
    }
}
