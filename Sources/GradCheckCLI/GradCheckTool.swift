import GradCheck
import GradCheckReports

/// The `gradcheck` command: dispatches to a subcommand and turns every outcome into text and an exit
/// status. It never touches the process itself (no `exit`, no direct printing), so tests run it in
/// process; `main.swift` prints the result and exits.
public struct GradCheckTool: Sendable {
    public static let version = "0.1.0"

    /// The strategies `run` can use: the standard ones, plus any plugin a host registers.
    public var registry: StrategyRegistry
    /// Compiled functions a run uses besides the standard suites when no suite path is given.
    public var builtInFunctions: [any TestFunction]
    /// Whether a command given no suite path also loads the standard suites (`./Suites`, else the copy
    /// built into the library).
    public var loadsStandardSuites = true
    /// The bounds on loops, recursion and sizes when suites run.
    public var suiteLimits = RuntimeLimits.default
    /// The path of this program's executable, which `run --isolate` starts as child processes; nil when
    /// the host cannot name one (then `--isolate` is a usage error).
    public var executablePath: String?
    /// Where `run` shows its progress as it goes (a terminal's standard error); nil: nowhere.
    public var progressOutput: ProgressOutput?

    public init(
        registry: StrategyRegistry = StandardStrategies.registry(),
        builtInFunctions: [any TestFunction] = StarterCorpus.functions, executablePath: String? = nil
    ) {
        self.registry = registry
        self.builtInFunctions = builtInFunctions
        self.executablePath = executablePath
    }

    static let overview = CommandDefinition(
        commandPath: "gradcheck",
        abstract: "Verify derivatives: every differentiation strategy against every function and an independent reference.",
        discussion: """
            SUBCOMMANDS:
              run                     Check strategies against the corpus and print a table.
              list                    List the registered strategies or the corpus functions.
              sweep                   Show the error of difference methods against the step size.
              trace                   Print the primal, tangent and adjoint traces of a function.
              swell                   Show how symbolic derivatives swell, next to reverse mode's cost.
              fuzz                    Fuzz suites, saved reports and command lines for a while.
              report                  Render a saved JSON report as Markdown, HTML, JUnit XML or text.
              bench                   Time every derivative method against the plain function.

              See 'gradcheck help <subcommand>' for detailed help.
            """,
        options: [.flag("--version", help: "Show the version."), .help])

    /// Runs the command line `arguments` (without the program name).
    public func run(_ arguments: [String]) -> CommandResult {
        var result = dispatchCatchingErrors(arguments)
        // Error messages quote paths, option values and suite text: none may send a control sequence.
        result.standardError = TerminalText.visible(result.standardError, keepingNewlines: true, keepingTabs: true)
        return result
    }

    private func dispatchCatchingErrors(_ arguments: [String]) -> CommandResult {
        do {
            return try dispatch(arguments)
        } catch let exit as CommandExit {
            return exit.result
        } catch let error as UsageError {
            let command = arguments.first.flatMap(Self.command(named:))
            let hint = command.map { "gradcheck \($0) --help" } ?? "gradcheck --help"
            return CommandResult(exitCode: .usage, standardError: "error: \(error)\nUsage: see '\(hint)'.\n")
        } catch {
            return CommandResult(exitCode: .failure, standardError: "error: \(error)\n")
        }
    }

    /// Every subcommand with its grammar: what `help` prints and what `fuzz` draws command lines from.
    static let commands: [(name: String, definition: CommandDefinition)] = [
        ("run", RunCommand.definition), ("list", ListCommand.definition), ("report", ReportCommand.definition),
        ("sweep", SweepCommand.definition), ("trace", TraceCommand.definition), ("swell", SwellCommand.definition),
        ("bench", BenchCommand.definition), ("fuzz", FuzzCommand.definition),
    ]

    private static let subcommands = commands.map(\.name) + ["help"]

    private static func command(named name: String) -> String? {
        subcommands.contains(name) && name != "help" ? name : nil
    }

    private func dispatch(_ arguments: [String]) throws -> CommandResult {
        guard let first = arguments.first else {
            return CommandResult(exitCode: .usage, standardError: HelpFormatter.help(for: Self.overview))
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--version":
            return CommandResult(exitCode: .success, standardOutput: Self.version + "\n")
        case "--help", "-h":
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.overview))
        case "help":
            return try help(rest)
        case "run":
            return try RunCommand(tool: self).execute(rest)
        case "list":
            return try ListCommand(tool: self).execute(rest)
        case "sweep":
            return try SweepCommand(tool: self).execute(rest)
        case "trace":
            return try TraceCommand(tool: self).execute(rest)
        case "swell":
            return try SwellCommand(tool: self).execute(rest)
        case "fuzz":
            return try FuzzCommand(tool: self).execute(rest)
        case "report":
            return try ReportCommand().execute(rest)
        case "bench": return try BenchCommand(tool: self).execute(rest)
        default:
            throw UsageError.unknownCommand(first, suggestion: NearestName.find(first, among: Self.subcommands))
        }
    }

    private func help(_ arguments: [String]) throws -> CommandResult {
        let definition: CommandDefinition
        switch arguments.first {
        case nil: definition = Self.overview
        case let name?:
            guard let command = Self.commands.first(where: { $0.name == name }) else {
                throw UsageError.unknownCommand(name, suggestion: NearestName.find(name, among: Self.subcommands))
            }
            definition = command.definition
        }
        return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: definition))
    }
}

/// What a command produced: its exit status and the text for standard output and standard error.
public struct CommandResult: Sendable, Equatable {
    public var exitCode: ExitCode
    public var standardOutput: String = ""
    public var standardError: String = ""
}
