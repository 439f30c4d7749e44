/// Renders `--help` in the layout of swift-argument-parser: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
enum HelpFormatter {
    static let helpColumn = 26

    static func help(for command: CommandDefinition) -> String {
        var out = "OVERVIEW: \(command.abstract)\n"
        if let discussion = command.discussion { out += "\n\(discussion)\n" }
        out += "\nUSAGE: \(usage(for: command))\n"
        if !command.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in command.arguments {
                out += line("<\(argument.name)>" + (argument.variadic ? " ..." : ""), argument.help)
            }
        }
        out += "\nOPTIONS:\n"
        for option in command.options where !option.hidden {
            let names = option.names.reversed().joined(separator: ", ")
            out += line(names + (option.valueName.map { " <\($0)>" } ?? ""), option.help)
        }
        return out
    }

    static func usage(for command: CommandDefinition) -> String {
        var parts = [command.commandPath]
        for argument in command.arguments {
            let text = "<\(argument.name)>" + (argument.variadic ? " ..." : "")
            parts.append(argument.optional || argument.variadic ? "[\(text)]" : text)
        }
        for option in command.options where option.key != "--help" && !option.hidden {
            var text = option.key + (option.valueName.map { " <\($0)>" } ?? "")
            if option.repeatable { text += " ..." }
            parts.append("[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    private static func line(_ left: String, _ help: String) -> String {
        let label = "  " + left
        if label.count + 2 <= helpColumn {
            return label + String(repeating: " ", count: helpColumn - label.count) + help + "\n"
        }
        return label + "\n" + String(repeating: " ", count: helpColumn) + help + "\n"
    }
}
