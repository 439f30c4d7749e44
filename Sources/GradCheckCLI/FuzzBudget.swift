import GradCheck

/// Keeps each fuzzed command line quick: the options that bound a command's work, added where the
/// generated line lacks them (right after the subcommand, before any `--`), so that a line runs for a
/// fraction of a second instead of a full run or benchmark.
///
/// - `run`: `--no-timing`, `--points 1`, `--cell-timeout 1` and a `--function` of
///   ``FuzzArgumentValues/quickFunctions`` (every strategy on one small function at one point);
/// - `list functions --expressions` with no path: the workspace's tiny suite (not the whole corpus);
/// - `swell`: one `--family` and `--max-nodes 1000`;
/// - `bench`: `--sizes 10`, `--budget 0.01`, `--samples 1`, `--count-size 10`;
/// - `fuzz`: `--inputs 2`, a `--target` of suites or reports (a nested fuzz never fuzzes command lines,
///   which would nest again) and a `--keep` folder in the workspace's outputs.
///
/// A generated value of these options is kept (``FuzzArgumentValues`` only offers small accepted ones).
/// A line that does not scan is left as it is: the command refuses it before any work.
enum FuzzBudget {
    static func bounded(_ arguments: [String], workspace: FuzzWorkspace, _ generator: inout SeededGenerator) -> [String] {
        guard let command = arguments.first, let definition = GradCheckTool.commands.first(where: { $0.name == command })?.definition,
            let parsed = try? ArgumentScanner.scan(Array(arguments.dropFirst()), for: definition)
        else { return arguments }
        var added: [String] = []
        func require(_ option: String, _ value: String) {
            if parsed.value(option) == nil { added += [option, value] }
        }
        func pick(_ choices: [String]) -> String { choices[Int(generator.next() % UInt64(choices.count))] }
        switch command {
        case "run":
            added.append("--no-timing")
            require("--points", "1")
            require("--cell-timeout", "1")
            if parsed.all("--function").isEmpty { added += ["--function", pick(FuzzArgumentValues.quickFunctions)] }
        case "list" where parsed.has("--expressions") && parsed.positionals.count < 2:
            return arguments + [workspace.tinySuite]
        case "swell":
            require("--family", pick(FuzzArgumentValues.swellFamilies))
            require("--max-nodes", "1000")
        case "bench":
            require("--sizes", "10")
            require("--budget", "0.01")
            require("--samples", "1")
            require("--count-size", "10")
        case "fuzz":
            require("--inputs", "2")
            if parsed.all("--target").isEmpty { added += ["--target", pick(["suites", "reports"])] }
            require("--keep", workspace.outputs)
        default:
            break
        }
        return [command] + added + arguments.dropFirst()
    }
}
