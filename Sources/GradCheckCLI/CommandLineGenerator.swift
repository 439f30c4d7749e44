import GradCheck

/// Random command lines for the command-line target of `gradcheck fuzz`, drawn from the grammar of the
/// real subcommands (``GradCheckTool/commands``): a subcommand (now and then a top-level flag, `help`, or
/// a misspelt or empty command), then up to eight words, each an option of that subcommand (with a value
/// from ``FuzzArgumentValues``, `--name=value`, or its value missing), a positional argument, a repeat of
/// an earlier option, an unknown or malformed option, or a garbage word.
///
/// The arguments never contain a newline, so that a kept command line is a file of one argument per line.
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
        let (name, definition) = commands[choice % commands.count]
        // --help short-circuits every command: offered rarely, so that most lines reach the command's work.
        let options = definition.options.filter { $0.key != "--help" }
        var words = [name]
        var optionStarts: [Int] = []
        var positionals = 0
        for _ in 0..<Int(generator.next() % 9) {
            switch generator.next() % 100 {
            case 0..<62 where !options.isEmpty:
                optionStarts.append(words.count)
                words += optionWords(options[Int(generator.next() % UInt64(options.count))], of: name, &generator)
            case 0..<80:
                words.append(values.positional(positionals, of: name, &generator))
                positionals += 1
            case 80..<88 where !optionStarts.isEmpty:
                let start = optionStarts[Int(generator.next() % UInt64(optionStarts.count))]
                let length = start + 1 < words.count && !words[start].contains("=") && !words[start + 1].hasPrefix("-") ? 2 : 1
                words += words[start..<min(words.count, start + length)]
            case 88..<95:
                words.append(Self.malformedOptions[Int(generator.next() % UInt64(Self.malformedOptions.count))])
            case 95..<97:
                words.append("--help")
            default:
                words.append(FuzzArgumentValues.garbage[Int(generator.next() % UInt64(FuzzArgumentValues.garbage.count))])
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
        case 0..<14: return [name, value]
        case 14..<17: return [name + "=" + value]
        default: return [name]  // the value is missing, or the next word is taken as it
        }
    }
}
