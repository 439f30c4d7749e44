/// Typed values of options, with usage errors that say what was expected.
extension ParsedArguments {
    func integer(_ option: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = value(option) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError.invalidValue(
                option: option, value: text, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func seed(_ option: String, default fallback: UInt64) throws -> UInt64 {
        guard let text = value(option) else { return fallback }
        guard let number = UInt64(text) else {
            throw UsageError.invalidValue(option: option, value: text, expected: "a whole number from 0 to 2^64 − 1")
        }
        return number
    }

    func nonNegativeReal(_ option: String) throws -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), number.isFinite, number >= 0 else {
            throw UsageError.invalidValue(option: option, value: text, expected: "a finite number ≥ 0, e.g. 1e-8")
        }
        return number
    }

    /// A number in (0, `maximum`] (a whole `maximum`); `unit` names what it counts in the error ("seconds").
    func positiveReal(_ option: String, maximum: Double, unit: String) throws -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), number > 0, number <= maximum else {
            throw UsageError.invalidValue(
                option: option, value: text, expected: "a number of \(unit) > 0 and ≤ \(Int(maximum))")
        }
        return number
    }

    func choice(_ option: String, from choices: [String], default fallback: String) throws -> String {
        guard let text = value(option) else { return fallback }
        guard choices.contains(text) else {
            throw UsageError.invalidValue(option: option, value: text, expected: "one of " + choices.joined(separator: ", "))
        }
        return text
    }
}
