/// The grammar of one command: its options and positional arguments, and the text of its help.
struct CommandDefinition: Sendable {
    /// The words that invoke it, e.g. `gradcheck run`.
    var commandPath: String
    /// One line: what the command does.
    var abstract: String
    /// Optional paragraph under the overview.
    var discussion: String? = nil
    var arguments: [PositionalDefinition] = []
    var options: [OptionDefinition]

    /// The option that `name` (e.g. `--seed` or `-h`) refers to.
    func option(named name: String) -> OptionDefinition? {
        options.first { $0.names.contains(name) }
    }
}

/// One option: a flag (`--no-timing`) or an option with a value (`--seed <n>`).
struct OptionDefinition: Sendable {
    /// Every spelling, long first: `["--help", "-h"]`.
    var names: [String]
    /// The placeholder of the value (`n`, `id`); nil for a flag.
    var valueName: String?
    /// One line of help.
    var help: String
    /// Whether it may be given several times (values accumulate).
    var repeatable = false
    /// Whether help, usage and "did you mean" leave it out: a channel between gradcheck processes (the
    /// children of `run --isolate`), not a user's option.
    var hidden = false

    /// The long name, which is also the key under which its values are stored.
    var key: String { names[0] }

    static func flag(_ names: String..., help: String) -> OptionDefinition {
        OptionDefinition(names: names, valueName: nil, help: help)
    }

    static func value(_ name: String, _ valueName: String, help: String, repeatable: Bool = false) -> OptionDefinition {
        OptionDefinition(names: [name], valueName: valueName, help: help, repeatable: repeatable)
    }

    /// An option with a value that help and usage do not show (see ``hidden``).
    static func hiddenValue(_ name: String, _ valueName: String, help: String, repeatable: Bool = false) -> OptionDefinition {
        OptionDefinition(names: [name], valueName: valueName, help: help, repeatable: repeatable, hidden: true)
    }

    static let help = OptionDefinition.flag("--help", "-h", help: "Show help information.")
}

/// A positional argument.
struct PositionalDefinition: Sendable {
    var name: String
    var help: String
    /// Whether it takes any number of values (`<paths> ...`).
    var variadic = false
    /// Whether it may be left out.
    var optional = false
}
