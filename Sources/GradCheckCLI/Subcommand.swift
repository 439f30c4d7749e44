/// One subcommand of `gradcheck`: its name, the line the overview shows, its grammar (for help, the
/// scanner and the fuzzer) and how it runs. ``GradCheckTool/commands`` lists them all, once.
struct Subcommand: Sendable {
    let name: String
    /// One line for the overview's list of subcommands.
    let summary: String
    let definition: CommandDefinition
    /// Runs the subcommand on its arguments (those after its name).
    let execute: @Sendable (GradCheckTool, [String]) throws -> CommandResult
}
