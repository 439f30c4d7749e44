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

    /// Every subcommand, in the order the overview lists them: the one table that dispatch, help, the
    /// overview and the fuzzer read.
    static let commands: [Subcommand] = [
        Subcommand(
            name: "run", summary: "Check strategies against the corpus and print a table.", definition: RunCommand.definition,
            execute: { tool, arguments in try RunCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "list", summary: "List the registered strategies or the corpus functions.", definition: ListCommand.definition,
            execute: { tool, arguments in try ListCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "sweep", summary: "Show the error of difference methods against the step size.",
            definition: SweepCommand.definition, execute: { tool, arguments in try SweepCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "trace", summary: "Print the primal, tangent and adjoint traces of a function.",
            definition: TraceCommand.definition, execute: { tool, arguments in try TraceCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "swell", summary: "Show how symbolic derivatives swell, next to reverse mode's cost.",
            definition: SwellCommand.definition, execute: { tool, arguments in try SwellCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "fuzz", summary: "Fuzz suites, saved reports and command lines for a while.", definition: FuzzCommand.definition,
            execute: { tool, arguments in try FuzzCommand(tool: tool).execute(arguments) }),
        Subcommand(
            name: "report", summary: "Render a saved JSON report as Markdown, HTML, JUnit XML or text.",
            definition: ReportCommand.definition, execute: { _, arguments in try ReportCommand().execute(arguments) }),
        Subcommand(
            name: "bench", summary: "Time every derivative method against the plain function.",
            definition: BenchCommand.definition, execute: { tool, arguments in try BenchCommand(tool: tool).execute(arguments) }),
    ]

    static let overview = CommandDefinition(
        commandPath: "gradcheck",
        abstract: "Verify derivatives: every differentiation strategy against every function and an independent reference.",
        discussion: "SUBCOMMANDS:\n"
            + commands.map { "  " + $0.name.padding(toLength: 24, withPad: " ", startingAt: 0) + $0.summary + "\n" }.joined()
            + "\n  See 'gradcheck help <subcommand>' for detailed help.",
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
        default:
            guard let command = Self.commands.first(where: { $0.name == first }) else {
                throw UsageError.unknownCommand(first, suggestion: NearestName.find(first, among: Self.subcommands))
            }
            return try command.execute(self, rest)
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
