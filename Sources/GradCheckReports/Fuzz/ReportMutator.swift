import GradCheckCore
import GradCheckEngine

/// Makes damaged saved reports out of good ones, for fuzzing `gradcheck report` and `run --baseline`.
///
/// Each input gets one to three ``ReportMutation``s chosen by a ``SeededGenerator``: the same document and
/// seed give the same bytes on every machine, so a fuzzing run bounded by a number of inputs is
/// reproducible. The structural mutations edit the parsed document and write it again with
/// ``JSONWriter`` (so most results are still JSON, and many still decode); the byte mutations then
/// damage the written text.
public enum ReportMutator {
    /// A damaged copy of `document` and the mutations that made it.
    public static func mutate(
        _ document: JSONValue, _ generator: inout SeededGenerator
    ) -> (bytes: [UInt8], mutations: [ReportMutation]) {
        let count = generator.next() % 3 == 0 ? 2 + Int(generator.next() % 2) : 1
        var mutations = (0..<count).map { _ in ReportMutation.allCases[Int(generator.next() % UInt64(ReportMutation.allCases.count))] }
        // Structural mutations first: once the text is damaged there is no document left to edit.
        mutations.sort { !isByteLevel($0) && isByteLevel($1) }
        var damaged = Damaged(document: document)
        for mutation in mutations { damaged.apply(mutation, &generator) }
        return (damaged.bytes, mutations)
    }

    /// `document` damaged by `mutation` alone.
    public static func apply(_ mutation: ReportMutation, to document: JSONValue, _ generator: inout SeededGenerator) -> [UInt8] {
        var damaged = Damaged(document: document)
        damaged.apply(mutation, &generator)
        return damaged.bytes
    }

    static func isByteLevel(_ mutation: ReportMutation) -> Bool {
        mutation == .truncate || mutation == .invalidUTF8 || mutation == .flipBytes
    }

    /// Numbers at the edges of what a reader must check before arithmetic.
    public static let extremeNumbers: [JSONValue] = [
        .number("9223372036854775807"), .number("-9223372036854775808"), .number("9223372036854775808"),
        .number("18446744073709551615"), .number("18446744073709551616"), .number("-1"), .number("0"), .number("-0"),
        .number("9007199254740993"), .number("9007199254740992"), .number("1e308"), .number("-1e308"), .number("1e309"),
        .number("4.9e-324"), .number("1e-400"), .number("123456789012345678901234567890"), .number("2147483648"),
        .number("0.5"), .number("1e2"), .string("nan"), .string("inf"), .string("-inf"),
    ]

    /// Pieces that a string must never pass raw to a terminal, an HTML page, an XML file or a Markdown table.
    public static let hostileFragments: [String] = [
        "\u{1B}[2J\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{07}", "\r", "\n", "\t", "\u{0}", "\u{7F}", "\u{9B}31m",
        "\u{202E}", "\u{2066}", "\u{2069}", "\u{200B}", "\u{FEFF}", "e\u{301}\u{301}\u{301}", "\u{1F600}",
        "<script>alert(1)</script>", "]]>", "&amp;", "\"'", "| a | b |", "`code`", "**bold**", "<!--", "\\", "%s%n",
    ]

    /// Every enumerated value a report holds, any of which may replace any other.
    public static let enumeratedValues: [String] =
        Verdict.allCases.map(\.rawValue) + StrategyFamily.allCases.map(\.rawValue) + EntryOutcome.allCases.map(\.rawValue)
        + FloorSource.allCases.map(\.rawValue)
        + ["correct", "mutant", "gradcheck-report/1", "gradcheck-report/2", "gradcheck-report/3", "Double", "Float", ""]

    /// Byte sequences that are not UTF-8.
    static let invalidSequences: [[UInt8]] = [[0x80], [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
}

/// A report being damaged: the document while it is still one, then its bytes.
private struct Damaged {
    var document: JSONValue
    /// Text to put in place of a marker string once the document is written (deep nesting is spliced in
    /// as text: building and writing it as a value would recurse as deep as the nesting).
    var splices: [(marker: String, text: String)] = []
    private var written: [UInt8]?

    init(document: JSONValue) { self.document = document }

    var bytes: [UInt8] {
        if let written { return written }
        var text = JSONWriter.write(document)
        for splice in splices {
            if let range = text.range(of: JSONWriter.quoted(splice.marker)) { text.replaceSubrange(range, with: splice.text) }
        }
        return Array(text.utf8)
    }

    mutating func apply(_ mutation: ReportMutation, _ generator: inout SeededGenerator) {
        if ReportMutator.isByteLevel(mutation) {
            var data = bytes
            damageBytes(&data, mutation, &generator)
            written = data
            return
        }
        guard written == nil else { return }
        let paths = JSONPaths.all(in: document)
        func pick(_ candidates: [[Int]]) -> [Int]? {
            candidates.isEmpty ? nil : candidates[Int(generator.next() % UInt64(candidates.count))]
        }
        func value(at path: [Int]) -> JSONValue { JSONPaths.value(in: document, at: path) }
        switch mutation {
        case .dropMember, .duplicateMember:
            let objects = paths.filter { if case .object(let members) = value(at: $0) { !members.isEmpty } else { false } }
            guard let path = pick(objects), case .object(var members) = value(at: path) else { return }
            let index = Int(generator.next() % UInt64(members.count))
            if mutation == .dropMember {
                members.remove(at: index)
            } else {
                var copy = members[index]
                if generator.next() % 2 == 0 { copy.value = Self.otherKind(than: copy.value, &generator) }
                members.insert(copy, at: index + 1)
            }
            replace(at: path, with: .object(members))
        case .swapType:
            guard let path = pick(paths.filter { !$0.isEmpty }) else { return }
            replace(at: path, with: Self.otherKind(than: value(at: path), &generator))
        case .extremeNumber:
            let numbers = paths.filter { if case .number = value(at: $0) { true } else { false } }
            guard let path = generator.next() % 5 != 0 ? pick(numbers) ?? pick(paths) : pick(paths) else { return }
            replace(at: path, with: ReportMutator.extremeNumbers[Int(generator.next() % UInt64(ReportMutator.extremeNumbers.count))])
        case .otherEnumeration:
            let enumerated = paths.filter { if case .string(let text) = value(at: $0) { ReportMutator.enumeratedValues.contains(text) } else { false } }
            guard let path = pick(enumerated) else { return }
            replace(at: path, with: .string(ReportMutator.enumeratedValues[Int(generator.next() % UInt64(ReportMutator.enumeratedValues.count))]))
        case .deepNesting:
            guard let path = pick(paths) else { return }
            let depths = [8, 200, JSONParser.maximumDepth - 1, JSONParser.maximumDepth, JSONParser.maximumDepth + 1, 5_000, 100_000]
            let depth = depths[Int(generator.next() % UInt64(depths.count))]
            let inner = JSONWriter.write(value(at: path)).dropLast()
            let (open, close) = generator.next() % 2 == 0 ? ("[", "]") : ("{\"a\":", "}")
            let marker = "\u{1}nesting-\(splices.count)\u{1}"
            splices.append((marker, String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)))
            replace(at: path, with: .string(marker))
        case .giantValue:
            let strings = paths.filter { if case .string = value(at: $0) { true } else { false } }
            let arrays = paths.filter { if case .array(let elements) = value(at: $0) { !elements.isEmpty } else { false } }
            if generator.next() % 2 == 0, let path = pick(strings) {
                let lengths = [1_000, 100_000, 1_000_000]
                let unit = ["a", "é", "\u{202E}", "<", "\u{1F600}"][Int(generator.next() % 5)]
                replace(at: path, with: .string(String(repeating: unit, count: lengths[Int(generator.next() % 3)])))
            } else if let path = pick(arrays), case .array(let elements) = value(at: path) {
                let scalars = elements.allSatisfy { if case .array = $0 { false } else if case .object = $0 { false } else { true } }
                let repeats = scalars ? [16, 1_000, 100_000] : [16, 64, 256]
                let element = elements[Int(generator.next() % UInt64(elements.count))]
                replace(at: path, with: .array(elements + Array(repeating: element, count: repeats[Int(generator.next() % 3)])))
            }
        case .hostileCharacters:
            let strings = paths.filter { if case .string = value(at: $0) { true } else { false } }
            guard let path = pick(strings), case .string(let text) = value(at: path) else { return }
            var characters = Array(text)
            let position = Int(generator.next() % UInt64(characters.count + 1))
            let fragment = ReportMutator.hostileFragments[Int(generator.next() % UInt64(ReportMutator.hostileFragments.count))]
            characters.insert(contentsOf: fragment, at: position)
            replace(at: path, with: .string(String(characters)))
        case .resizeArray:
            let arrays = paths.filter { if case .array = value(at: $0) { true } else { false } }
            guard let path = pick(arrays), case .array(var elements) = value(at: path) else { return }
            switch generator.next() % 4 {
            case _ where elements.isEmpty: elements.append(.number("1"))
            case 0: elements = []
            case 1: elements.removeLast()
            case 2: elements.append(elements[0])
            default: elements.insert(.number("1"), at: Int(generator.next() % UInt64(elements.count + 1)))
            }
            replace(at: path, with: .array(elements))
        case .truncate, .invalidUTF8, .flipBytes:
            return
        }
    }

    private mutating func replace(at path: [Int], with replacement: JSONValue) {
        document = JSONPaths.replacing(in: document, at: path[...], with: replacement)
    }

    private static func otherKind(than value: JSONValue, _ generator: inout SeededGenerator) -> JSONValue {
        let kinds: [JSONValue] = [
            .null, .bool(true), .bool(false), .string(""), .string("1"), .number("1"), .number("-1.5e-3"), .array([]),
            .array([.number("1"), .string("x")]), .object([]), .object([JSONMember("a", .null)]),
        ]
        let others = kinds.filter { $0.kindName != value.kindName }
        return others[Int(generator.next() % UInt64(others.count))]
    }

    private func damageBytes(_ data: inout [UInt8], _ mutation: ReportMutation, _ generator: inout SeededGenerator) {
        guard !data.isEmpty else { return }
        switch mutation {
        case .truncate:
            data.removeSubrange(Int(generator.next() % UInt64(data.count))...)
        case .invalidUTF8:
            // Inside a string when possible (after an opening quote), where a reader is most likely to copy it.
            let quotes = data.indices.filter { data[$0] == UInt8(ascii: "\"") }
            let position = quotes.isEmpty
                ? Int(generator.next() % UInt64(data.count)) : quotes[Int(generator.next() % UInt64(quotes.count))] + 1
            let sequence = ReportMutator.invalidSequences[Int(generator.next() % UInt64(ReportMutator.invalidSequences.count))]
            data.insert(contentsOf: sequence, at: position)
        default:
            for _ in 0..<1 + Int(generator.next() % 4) where !data.isEmpty {
                let position = Int(generator.next() % UInt64(data.count))
                switch generator.next() % 3 {
                case 0: data[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: data.remove(at: position)
                default:
                    let end = min(data.count, position + 1 + Int(generator.next() % 64))
                    data.insert(contentsOf: data[position..<end], at: position)
                }
            }
        }
    }
}
