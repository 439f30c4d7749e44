import Foundation
import GradCheckCore
@testable import GradCheckReports
import Testing

/// The report mutator makes each kind of damage it names, deterministically, from a good report.
@Suite("Report mutator")
struct ReportMutatorTests {
    static let document = JSONReport(ReportFixture.report).value()
    static let text = JSONWriter.write(document)
    static let seeds: [UInt64] = Array(1...25)

    /// `mutation` applied with each seed, and the result.
    func damaged(by mutation: ReportMutation) -> [[UInt8]] {
        Self.seeds.map { seed in
            var generator = SeededGenerator(seed: seed)
            return ReportMutator.apply(mutation, to: Self.document, &generator)
        }
    }

    func parsed(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONParser.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Every object member and array element of `value`, counted.
    func size(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): elements.count + elements.map(size).reduce(0, +)
        case .object(let members): members.count + members.map { size($0.value) }.reduce(0, +)
        default: 0
        }
    }

    /// The deepest nesting of arrays and objects in `bytes` (brackets inside strings not counted).
    func depth(_ bytes: [UInt8]) -> Int {
        var (depth, deepest, inString, escaped) = (0, 0, false, false)
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }

    func strings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let elements): elements.flatMap(strings)
        case .object(let members): members.flatMap { strings($0.value) }
        default: []
        }
    }

    @Test func droppingAMemberLeavesOneFewer() throws {
        for bytes in damaged(by: .dropMember) {
            let value = try parsed(bytes)
            #expect(size(value) < size(Self.document))
        }
    }

    @Test func aDuplicatedMemberIsRejectedByTheParser() {
        for bytes in damaged(by: .duplicateMember) {
            #expect(throws: JSONSyntaxError.self) { try parsed(bytes) }
            #expect(String(decoding: bytes, as: UTF8.self).count > Self.text.count)
            do {
                _ = try JSONReport.decode(Data(bytes))
                Issue.record("a duplicated member was read")
            } catch {
                guard case .syntax(let syntax) = error else {
                    Issue.record("not a syntax error: \(error)")
                    continue
                }
                #expect(syntax.problem.hasPrefix("duplicate key"))
            }
        }
    }

    @Test func aSwappedTypeChangesTheDocument() throws {
        for bytes in damaged(by: .swapType) {
            #expect(try parsed(bytes) != Self.document)
        }
    }

    @Test func extremeNumbersAppear() throws {
        let extremes = ReportMutator.extremeNumbers
        for bytes in damaged(by: .extremeNumber) {
            let value = try parsed(bytes)
            let paths = JSONPaths.all(in: value)
            #expect(paths.contains { extremes.contains(JSONPaths.value(in: value, at: $0)) })
        }
        // Among them the integer edges a reader must check before arithmetic.
        let all = damaged(by: .extremeNumber).map { String(decoding: $0, as: UTF8.self) }
        #expect(all.contains { $0.contains("9223372036854775807") || $0.contains("-9223372036854775808") || $0.contains("18446744073709551616") })
    }

    @Test func anotherEnumeratedValueStillParses() throws {
        var changed = 0
        for bytes in damaged(by: .otherEnumeration) where try parsed(bytes) != Self.document { changed += 1 }
        #expect(changed > Self.seeds.count / 2)
    }

    @Test func deepNestingGoesPastTheParsersLimitSometimes() {
        let runs = [String(repeating: "[", count: 8), String(repeating: "{\"a\":", count: 8)]
        #expect(damaged(by: .deepNesting).allSatisfy { bytes in runs.contains { String(decoding: bytes, as: UTF8.self).contains($0) } })
        #expect(damaged(by: .deepNesting).map(depth).contains { $0 > JSONParser.maximumDepth })
        for bytes in damaged(by: .deepNesting) where depth(bytes) > JSONParser.maximumDepth {
            #expect(throws: JSONSyntaxError.self) { try parsed(bytes) }
        }
    }

    @Test func giantValuesAreGiant() throws {
        for bytes in damaged(by: .giantValue) {
            let value = try parsed(bytes)
            let longest = strings(value).map(\.count).max() ?? 0
            #expect(longest >= 1_000 || size(value) >= size(Self.document) + 16)
        }
    }

    @Test func hostileCharactersGoIntoAString() throws {
        for bytes in damaged(by: .hostileCharacters) {
            let texts = strings(try parsed(bytes))
            #expect(ReportMutator.hostileFragments.contains { fragment in texts.contains { $0.contains(fragment) } })
        }
    }

    @Test func resizedArraysChangeSize() throws {
        for bytes in damaged(by: .resizeArray) {
            let value = try parsed(bytes)
            #expect(size(value) != size(Self.document) || value != Self.document)
        }
    }

    @Test func truncatedTextIsShorterAndUsuallyNotJSON() {
        let truncated = damaged(by: .truncate)
        #expect(truncated.allSatisfy { $0.count < Self.text.utf8.count })
        let unparsable = truncated.filter { (try? parsed($0)) == nil }
        #expect(unparsable.count >= Self.seeds.count - 1)
    }

    @Test func invalidUTF8IsRejectedAsNotUTF8() {
        for bytes in damaged(by: .invalidUTF8) {
            #expect(String(validating: bytes, as: UTF8.self) == nil)
            #expect(throws: ReportReadError.notUTF8) { try JSONReport.decode(Data(bytes)) }
        }
    }

    @Test func flippedBytesDiffer() {
        #expect(damaged(by: .flipBytes).allSatisfy { $0 != Array(Self.text.utf8) })
    }

    /// The same document and seed give the same bytes; the mutations are mixed.
    @Test func mutationIsDeterministicAndCoversEveryKind() {
        var seen: Set<ReportMutation> = []
        for seed in UInt64(0)..<200 {
            var first = SeededGenerator(seed: seed), second = SeededGenerator(seed: seed)
            let a = ReportMutator.mutate(Self.document, &first), b = ReportMutator.mutate(Self.document, &second)
            #expect(a.bytes == b.bytes && a.mutations == b.mutations)
            seen.formUnion(a.mutations)
        }
        #expect(seen == Set(ReportMutation.allCases))
    }
}
