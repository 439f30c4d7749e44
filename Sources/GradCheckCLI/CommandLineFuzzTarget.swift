import Foundation
import GradCheck

/// The command-line target of `gradcheck fuzz`: random argument vectors (``CommandLineGenerator``, kept
/// quick by ``FuzzBudget``) run in process through ``GradCheckTool/run(_:)``, the entry point of the
/// executable, with every file they read or write in the ``FuzzWorkspace``.
///
/// Accepted: exit status 0. Rejected with a message: any other status with a message that says what went
/// wrong (`error:` lines with text, or a report on standard output, as a run whose derivative fails
/// prints). Without one: a non-zero status with nothing to read, an `error:` line with nothing after it,
/// or a Swift error printed as its type (`SomeError(code: 3)`, "The operation could not be completed"),
/// which is an error no command caught. The tool runs without an executable path, so `run --isolate`
/// ends at its usage check: a fuzzing run starts no child processes.
struct CommandLineFuzzTarget: FuzzTarget {
    let name = "command-lines"
    let fileExtension = "args.txt"
    let tool: GradCheckTool
    let workspace: FuzzWorkspace

    init(tool: GradCheckTool, workspace: FuzzWorkspace) {
        var tool = tool
        tool.executablePath = nil
        self.tool = tool
        self.workspace = workspace
    }

    mutating func nextInput(_ generator: inout SeededGenerator) -> [UInt8] {
        let generated = CommandLineGenerator(values: FuzzArgumentValues(workspace: workspace, strategyIDs: tool.registry.ids))
            .arguments(&generator)
        return Self.file(of: FuzzBudget.bounded(generated, workspace: workspace, &generator))
    }

    func exercise(_ input: [UInt8], at path: String) -> FuzzOutcome {
        workspace.reset()
        return Self.outcome(of: tool.run(Self.arguments(inFile: input)))
    }

    /// A command line as a file: each argument followed by a newline.
    static func file(of arguments: [String]) -> [UInt8] {
        arguments.flatMap { Array($0.utf8) + [0x0A] }
    }

    /// The arguments of a file of one argument per line (split at newline bytes: a carriage return at
    /// the end of an argument stays in it).
    static func arguments(inFile bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// How `result` counts.
    static func outcome(of result: CommandResult) -> FuzzOutcome {
        if result.exitCode == .success { return .accepted }
        let errorText = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        if errorText.isEmpty {
            return result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .rejectedWithoutMessage : .rejectedWithMessage
        }
        // Every error line, whether it starts with `error:` or with the location of a suite diagnostic.
        let errors = errorText.split(separator: "\n").compactMap { line in line.range(of: "error:").map { line[$0.upperBound...] } }
        return errors.allSatisfy { isClear(String($0)) } ? .rejectedWithMessage : .rejectedWithoutMessage
    }

    /// Whether the text of an `error:` line says something: not empty, not Foundation's message for an
    /// error it knows nothing about, and not a Swift value printed as itself (a type name, optionally
    /// qualified, optionally followed by its fields in parentheses).
    static func isClear(_ message: String) -> Bool {
        let text = message.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, !text.contains("The operation could not be completed") else { return false }
        let name = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        let rest = text.dropFirst(name.count)
        let looksLikeType = name.first?.isUppercase == true && (rest.isEmpty || (rest.hasPrefix("(") && rest.hasSuffix(")")))
        return !looksLikeType
    }
}
