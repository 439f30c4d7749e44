import GradCheckCore
@testable import GradCheckReports
import Testing

/// A saved report is read strictly: what it says must be something a run could have written.
@Suite("Strict reading of saved reports")
struct StrictReadingTests {
    /// `value` with the member at `path` (keys, and array indices as strings of digits) set to `new`.
    static func replacing(_ value: JSONValue, at path: [String], with new: JSONValue) -> JSONValue {
        guard let first = path.first else { return new }
        let rest = Array(path.dropFirst())
        switch value {
        case .object(let members):
            return .object(members.map { $0.key == first ? JSONMember($0.key, replacing($0.value, at: rest, with: new)) : $0 })
        case .array(let elements):
            let index = Int(first)!
            return .array(elements.enumerated().map { $0 == index ? replacing($1, at: rest, with: new) : $1 })
        default:
            return value
        }
    }

    static func edited(_ path: [String], _ new: JSONValue) throws -> String {
        let good = try JSONParser.parse(JSONReport(ReportFixture.report).render())
        return JSONWriter.write(replacing(good, at: path, with: new))
    }

    static func rejection(_ text: String) -> String? {
        do {
            _ = try JSONReport.decode(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aDuplicateKeyIsALocatedError() {
        #expect(Self.rejection("{\n  \"a\": 1,\n  \"a\": 2\n}") == "not valid JSON: line 3, column 3: duplicate key \"a\" in an object")
        let good = JSONReport(ReportFixture.report).render()
        let doubled = good.replacingOccurrences(of: "\"verdict\": \"fail\"", with: "\"verdict\": \"fail\", \"verdict\": \"pass\"")
        #expect(Self.rejection(doubled)?.contains("duplicate key \"verdict\"") == true)
        // The same key in different objects is fine.
        #expect(throws: Never.self) { try JSONParser.parse("[{\"a\": 1}, {\"a\": 2}]") }
    }

    @Test func aToleranceOutOfRangeIsRejected() throws {
        let cases: [(String, JSONValue)] = [("rtol", "nan"), ("rtol", .number("-1")), ("atol", "inf"), ("atol", .number("-1e-300")),
                                            ("floorFraction", .number("-0.5")), ("floorFraction", "nan")]
        for (member, value) in cases {
            let text = try Self.edited(["results", "0", "tolerance", member], value)
            #expect(
                Self.rejection(text)?.contains("results[0].tolerance.\(member): expected a finite number ≥ 0") == true,
                "\(member) = \(value): \(Self.rejection(text) ?? "accepted")")
        }
        #expect(Self.rejection(try Self.edited(["results", "0", "tolerance", "atol"], .number("0"))) == nil)
    }

    @Test func aVerdictImpossibleForItsVariantIsRejected() throws {
        // results[1] is a mutant, results[0] a correct derivative with no expectation, results[7] one expected to fail.
        let cases: [(Int, String, String)] = [
            (1, "pass", "a mutant cannot have the verdict \"pass\""),
            (1, "fail", "a mutant cannot have the verdict \"fail\""),
            (0, "expected-failure", "a derivative with no expectation cannot have the verdict \"expected-failure\""),
            (0, "unexpected-pass", "a derivative with no expectation cannot have the verdict \"unexpected-pass\""),
            (7, "pass", "a derivative expected to fail cannot have the verdict \"pass\""),
        ]
        for (index, verdict, message) in cases {
            let text = try Self.edited(["results", "\(index)", "verdict"], .string(verdict))
            let rejection = Self.rejection(text)
            #expect(rejection?.contains("results[\(index)].verdict: \(message)") == true, "\(rejection ?? "accepted")")
        }
        for verdict in ["expected-failure", "unexpected-pass", "inconclusive", "error", "unsupported", "disputed", "outside-domain"] {
            #expect(Self.rejection(try Self.edited(["results", "1", "verdict"], .string(verdict))) == nil, "\(verdict)")
        }
    }
}
