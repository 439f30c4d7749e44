/// Reads typed values out of a parsed ``JSONValue``, and says exactly where a value is missing or wrong:
/// `results[3].points[0].verdict: expected one of pass, fail, …; found "passs"`.
///
/// Unknown members are ignored, so a reader of schema version 1 accepts reports that later versions of
/// the same major version extend with new members.
public struct JSONReader {
    public let value: JSONValue
    /// Where `value` is in the document, e.g. `results[3].cost`; empty at the root.
    public let path: String

    public init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    /// The member `key`, which must be present (it may be null).
    public func field(_ key: String) throws(ReportDecodingError) -> JSONReader {
        guard case .object = value else { throw mismatch("an object") }
        guard let member = value[key] else { throw ReportDecodingError(path: path, problem: "missing member \"\(key)\"") }
        return JSONReader(member, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The member `key` when it is present and not null.
    public func optionalField(_ key: String) throws(ReportDecodingError) -> JSONReader? {
        guard case .object = value else { throw mismatch("an object") }
        guard let member = value[key], member != .null else { return nil }
        return JSONReader(member, path: path.isEmpty ? key : "\(path).\(key)")
    }

    public var isNull: Bool { value == .null }

    /// The longest string a report may hold, in UTF-8 bytes (1 MiB): far above any name, message or path a
    /// run writes, and a bound on what every renderer must copy, escape and lay out for one value.
    public static let maximumStringBytes = 1 << 20

    public func string() throws(ReportDecodingError) -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        guard text.utf8.count <= Self.maximumStringBytes else {
            throw ReportDecodingError(
                path: path, problem: "a string of \(text.utf8.count) bytes; at most \(Self.maximumStringBytes) are read")
        }
        return text
    }

    public func bool() throws(ReportDecodingError) -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("true or false") }
        return flag
    }

    /// A number, or one of the strings "nan", "inf", "-inf".
    public func double() throws(ReportDecodingError) -> Double {
        switch value {
        case .number(let text):
            guard let number = Double(text) else { throw mismatch("a number") }
            return number
        case .string("nan"): return .nan
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: throw mismatch("a number (or \"nan\", \"inf\", \"-inf\")")
        }
    }

    /// A whole number that fits `I`.
    public func integer<I: FixedWidthInteger>(_: I.Type = Int.self) throws(ReportDecodingError) -> I {
        guard case .number(let text) = value, let number = I(text) else {
            throw mismatch("a whole number from \(I.min) to \(I.max)")
        }
        return number
    }

    public func int() throws(ReportDecodingError) -> Int { try integer(Int.self) }

    /// The largest count or index a report may hold, 2⁵³: sums of a few counts, an index + 1 and ratios of
    /// counts (exact as doubles up to here) cannot overflow.
    public static let largestCount = 1 << 53

    /// A count or an index: a whole number from 0 to ``largestCount``.
    public func count() throws(ReportDecodingError) -> Int {
        guard case .number(let text) = value, let number = Int(text), (0...Self.largestCount).contains(number) else {
            throw mismatch("a whole number from 0 to \(Self.largestCount)")
        }
        return number
    }

    /// The elements of an array, each with its path.
    public func array() throws(ReportDecodingError) -> [JSONReader] {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return elements.enumerated().map { JSONReader($1, path: "\(path)[\($0)]") }
    }

    /// The members of an object in order, each with its path.
    public func members() throws(ReportDecodingError) -> [(key: String, reader: JSONReader)] {
        guard case .object(let members) = value else { throw mismatch("an object") }
        // Keys read as names (suites, figures) are bounded as strings are.
        if let long = members.first(where: { $0.key.utf8.count > Self.maximumStringBytes }) {
            throw ReportDecodingError(
                path: path, problem: "a key of \(long.key.utf8.count) bytes; at most \(Self.maximumStringBytes) are read")
        }
        return members.map { ($0.key, JSONReader($0.value, path: path.isEmpty ? $0.key : "\(path).\($0.key)")) }
    }

    /// An array of numbers.
    public func doubles() throws(ReportDecodingError) -> [Double] {
        var result: [Double] = []
        for element in try array() { result.append(try element.double()) }
        return result
    }

    /// An array of arrays of numbers (the rows of a Jacobian).
    public func rows() throws(ReportDecodingError) -> [[Double]] {
        var result: [[Double]] = []
        for element in try array() { result.append(try element.doubles()) }
        return result
    }

    /// A string that must be the raw value of `T`.
    public func enumeration<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ReportDecodingError) -> T
    where T.RawValue == String {
        let text = try string()
        guard let result = T(rawValue: text) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReportDecodingError(path: path, problem: "expected one of \(choices); found \(JSONWriter.quoted(text))")
        }
        return result
    }

    /// An error saying that the value is not `expected`.
    public func mismatch(_ expected: String) -> ReportDecodingError {
        let found: String = switch value {
        case .string(let text): JSONWriter.quoted(text.count > 40 ? String(text.prefix(40)) + "…" : text)
        case .number(let text): text
        default: value.kindName
        }
        return ReportDecodingError(path: path, problem: "expected \(expected); found \(found)")
    }
}

/// A JSON document that is valid JSON but not a report this version can read.
public struct ReportDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the document, e.g. `results[3].verdict` (empty for the root).
    public var path: String
    public var problem: String

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
