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

    /// A size in bytes: a whole number with an optional binary suffix K, M or G (`512M` is 512 · 2²⁰),
    /// from 1 MiB to 1 PiB.
    func byteSize(_ option: String) throws -> Int? {
        guard let text = value(option) else { return nil }
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        let range = (1 << 20)...(1 << 50)
        guard let number = Int(digits), number > 0, case let (bytes, overflow) = number.multipliedReportingOverflow(by: unit ?? 1),
            !overflow, range.contains(bytes)
        else {
            throw UsageError.invalidValue(
                option: option, value: text, expected: "a size from 1M to 1048576G: a whole number of bytes, or with K, M or G")
        }
        return bytes
    }

    func choice(_ option: String, from choices: [String], default fallback: String) throws -> String {
        guard let text = value(option) else { return fallback }
        guard choices.contains(text) else {
            throw UsageError.invalidValue(option: option, value: text, expected: "one of " + choices.joined(separator: ", "))
        }
        return text
    }
}
