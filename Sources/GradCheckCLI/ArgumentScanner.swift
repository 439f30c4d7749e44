/// Splits a command line into options and positional arguments against a ``CommandDefinition``.
///
/// Accepts `--name value`, `--name=value`, flags, repeated options where allowed, and `--` to end the
/// options. Every mistake is a ``UsageError`` that names the offending word.
enum ArgumentScanner {
    static func scan(_ words: [String], for command: CommandDefinition) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if optionsEnded || !word.hasPrefix("-") || word == "-" || isNegativeNumber(word) {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            let (name, inlineValue) = split(word)
            guard let option = command.option(named: name) else {
                throw UsageError.unknownOption(name, suggestion: suggestion(for: name, in: command))
            }
            if option.valueName == nil {
                if inlineValue != nil { throw UsageError.flagWithValue(name) }
                parsed.flags.insert(option.key)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < words.count, !words[index].hasPrefix("--") else {
                    throw UsageError.missingValue(option: name, valueName: option.valueName ?? "value")
                }
                value = words[index]
                index += 1
            }
            if !option.repeatable && parsed.values[option.key] != nil {
                throw UsageError.repeated(option: name)
            }
            parsed.values[option.key, default: []].append(value)
        }
        // `--help` works without the command's required arguments (`gradcheck report --help`).
        if !parsed.has("--help") { try checkPositionals(parsed.positionals, command) }
        return parsed
    }

    private static func split(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && Double(word) != nil
    }

    private static func checkPositionals(_ positionals: [String], _ command: CommandDefinition) throws {
        let variadic = command.arguments.contains(where: \.variadic)
        if !variadic && positionals.count > command.arguments.count {
            throw UsageError.unexpectedArgument(positionals[command.arguments.count])
        }
        let required = command.arguments.filter { !$0.optional }
        if positionals.count < required.count {
            throw UsageError.missingArgument(required[positionals.count].name)
        }
    }

    private static func suggestion(for name: String, in command: CommandDefinition) -> String? {
        let candidates = command.options.filter { !$0.hidden }.flatMap(\.names).filter { $0.hasPrefix("--") }
        return NearestName.find(name, among: candidates)
    }
}

/// The options and arguments found on a command line.
struct ParsedArguments: Sendable {
    /// Option values by the option's long name, in the order given.
    var values: [String: [String]] = [:]
    /// The flags given, by long name.
    var flags: Set<String> = []
    var positionals: [String] = []

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func value(_ option: String) -> String? { values[option]?.last }
    func all(_ option: String) -> [String] { values[option] ?? [] }
}

/// The nearest spelling of a misspelt name, by edit distance (at most 2, or a third of the name's length).
enum NearestName {
    static func find(_ name: String, among candidates: [String]) -> String? {
        let limit = Swift.max(2, name.count / 3)
        let scored = candidates.map { ($0, distance(Array(name), Array($0))) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance between two character sequences.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
