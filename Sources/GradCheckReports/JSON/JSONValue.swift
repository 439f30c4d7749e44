/// A JSON value whose object members keep the order they were written in, and whose numbers keep their
/// text.
///
/// Keeping the order makes written reports stable byte for byte (the writer never sorts or hashes);
/// keeping the text lets a 64-bit seed or a Double survive a round trip exactly, which a conversion
/// through `Double` (or `NSNumber`) would not promise.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number as its JSON text, e.g. `2.5e-11` (always valid JSON number syntax).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in order. Keys are unique when written by this module.
    case object([JSONMember])

    /// An integer.
    public static func int<I: BinaryInteger>(_ value: I) -> JSONValue { .number(String(value)) }

    /// A Double in its shortest round-trip form; NaN and ±∞ (which JSON cannot spell) become the strings
    /// "nan", "inf" and "-inf".
    public static func double(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("nan") }
        if value.isInfinite { return .string(value < 0 ? "-inf" : "inf") }
        return .number(value.description)
    }

    /// `value` through `transform`, or null when it is nil.
    public static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    /// The member named `key` of an object (the last one, should a parsed object repeat it).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
