import GradCheck

/// Random command lines for the command-line target of `gradcheck fuzz`, drawn from the grammar of the
/// real subcommands (``GradCheckTool/commands``): a subcommand (now and then a top-level flag, `help`, or
/// a misspelt or empty command), then up to six words, each an option of that subcommand (with a value
/// from ``FuzzArgumentValues``, `--name=value`, or its value missing), a positional argument, a repeat of
/// an earlier option, an unknown or malformed option, or a garbage word.
///
/// An option that writes always gets its value (a path in the workspace), so that no other word is ever
/// taken for it. The arguments never contain a newline, so that a kept command line is a file of one
/// argument per line.
struct CommandLineGenerator: Sendable {
    let values: FuzzArgumentValues

    /// Top-level command lines besides the subcommands.
    static let topLevel: [[String]] = [[], ["--version"], ["--help"], ["-h"], ["rnu"], ["--frobnicate"], [""], ["RUN"], ["help"]]

    /// Malformed options, for any subcommand.
    static let malformedOptions = ["--", "-", "--unknown", "--poinst", "-x", "--=1", "---points", "--points=", "-points", "--help=1", "-h"]

    func arguments(_ generator: inout SeededGenerator) -> [String] {
        let commands = GradCheckTool.commands
        let choice = Int(generator.next() % UInt64(commands.count * 10 + 5))
        if choice >= commands.count * 10 {
            var words = Self.topLevel[Int(generator.next() % UInt64(Self.topLevel.count))]
            if words == ["help"] { words.append(values.positional(0, of: "help", &generator)) }
            return words
        }
        let (name, definition) = (commands[choice % commands.count].name, commands[choice % commands.count].definition)
        // --help short-circuits every command: offered rarely, so that most lines reach the command's work.
        let options = definition.options.filter { $0.key != "--help" }
        var words = [name]
        var optionStarts: [Int] = []
        var positionals = 0
        // A required argument is usually given, so that most lines get past the scanner.
        if definition.arguments.contains(where: { !$0.optional }) && generator.next() % 8 != 0 {
            words.append(values.positional(0, of: name, &generator))
            positionals = 1
        }
        for _ in 0..<Int(generator.next() % 7) {
            switch generator.next() % 100 {
            case 0..<66 where !options.isEmpty:
                // Mostly an option not given yet: a repeat of a single-valued one is a usage error, tried now and then.
                var option = options[Int(generator.next() % UInt64(options.count))]
                let unused = options.filter { candidate in !optionStarts.contains { words[$0].hasPrefix(candidate.key) } }
                if !option.repeatable, !unused.isEmpty, generator.next() % 8 != 0 { option = unused[Int(generator.next() % UInt64(unused.count))] }
                optionStarts.append(words.count)
                words += optionWords(option, of: name, &generator)
            case 0..<80 where positionals == 0 || definition.arguments.contains(where: \.variadic) || generator.next() % 5 == 0:
                words.append(values.positional(positionals, of: name, &generator))
                positionals += 1
            case 80..<85 where !optionStarts.isEmpty:
                let start = optionStarts[Int(generator.next() % UInt64(optionStarts.count))]
                let length = start + 1 < words.count && !words[start].contains("=") && !words[start + 1].hasPrefix("-") ? 2 : 1
                words += words[start..<min(words.count, start + length)]
            case 85..<91:
                words.append(Self.malformedOptions[Int(generator.next() % UInt64(Self.malformedOptions.count))])
            case 91..<93:
                words.append("--help")
            case 93..<97:
                words.append(FuzzArgumentValues.garbage[Int(generator.next() % UInt64(FuzzArgumentValues.garbage.count))])
            default:
                break
            }
        }
        return words
    }

    private func optionWords(_ option: OptionDefinition, of command: String, _ generator: inout SeededGenerator) -> [String] {
        let name = option.names[Int(generator.next() % UInt64(option.names.count))]
        guard option.valueName != nil else {
            return generator.next() % 10 == 0 ? [name + "=1"] : [name]
        }
        let value = values.value(for: option.key, of: command, &generator)
        switch generator.next() % 20 {
        case 0..<15: return [name, value]
        case 15..<19: return [name + "=" + value]
        // The value missing, or the next word taken as it; never for an option that writes, whose next
        // word could be a path outside the workspace.
        case _ where FuzzArgumentValues.writes(command, option.key): return [name, value]
        default: return [name]
        }
    }
}
