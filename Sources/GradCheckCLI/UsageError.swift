/// A mistake on the command line: printed as `error: …` with a pointer to `--help`, exit status 64.
enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case missingCommand
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case flagWithValue(String)
    case repeated(option: String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalidValue(option: String, value: String, expected: String)
    /// Options that are each valid but cannot be used as given; the text says why.
    case invalidUse(String)

    var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .missingCommand:
            "missing a command"
        case .unknownOption(let name, let suggestion):
            "unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .missingValue(let option, let valueName):
            "missing value for '\(option) <\(valueName)>'"
        case .flagWithValue(let name):
            "the flag '\(name)' takes no value"
        case .repeated(let option):
            "'\(option)' may be given only once"
        case .unexpectedArgument(let word):
            "unexpected argument '\(word)'"
        case .missingArgument(let name):
            "missing expected argument '<\(name)>'"
        case .invalidValue(let option, let value, let expected):
            "the value '\(value)' is invalid for '\(option)': expected \(expected)"
        case .invalidUse(let text):
            text
        }
    }
}
