import GradCheckCore
@testable import GradCheckReports
import Testing

/// A version 1 report whose saved error estimates have another shape than its derivative is read, each
/// entry getting the estimate saved for it or none (found by `gradcheck fuzz`: rebuilding its entries
/// indexed past the estimates and trapped, in `report` and `run --baseline`).
@Suite("Version 1 estimates of another shape")
struct LegacyEstimateShapeTests {
    /// `value` as version 1 wrote it (no entry records), with `estimates` as every point's error estimate.
    func legacy(_ value: JSONValue, estimates: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            let isPoint = members.contains { $0.key == "derivative" }
            return .object(members.filter { $0.key != "entries" }.map { member in
                switch member.key {
                case "schema": JSONMember("schema", .string("gradcheck-report/1"))
                case "errorEstimate" where isPoint: JSONMember("errorEstimate", estimates)
                default: JSONMember(member.key, legacy(member.value, estimates: estimates))
                }
            })
        case .array(let elements):
            return .array(elements.map { legacy($0, estimates: estimates) })
        default:
            return value
        }
    }

    @Test(arguments: [
        JSONValue.array([]), .array([.array([])]), .array([.array([.number("0.5")])]),
        .array([.array([.number("1")]), .array([.number("2"), .number("3"), .number("4")]), .array([])]),
    ])
    func estimatesOfAnotherShapeAreSkipped(_ estimates: JSONValue) throws {
        let text = JSONWriter.write(legacy(JSONReport(ReportFixture.report).value(), estimates: estimates))
        let report = try JSONReport.decode(text)
        let entries = report.cells.flatMap(\.points).compactMap(\.entries).joined()
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(entry.estimate == LegacyJudgements.estimate(try Self.rows(estimates), entry.row, entry.column))
        }
        for format in ReportFormat.allCases { _ = format.render(report) }
    }

    static func rows(_ value: JSONValue) throws -> [[Double]] {
        try JSONReader(value).rows()
    }

    @Test func theEstimateAtAnIndexIsThereOrNil() {
        #expect(LegacyJudgements.estimate([[1, 2], [3]], 1, 0) == 3)
        #expect(LegacyJudgements.estimate([[1, 2], [3]], 1, 1) == nil)
        #expect(LegacyJudgements.estimate([[1, 2], [3]], 2, 0) == nil)
        #expect(LegacyJudgements.estimate(nil, 0, 0) == nil)
    }
}
