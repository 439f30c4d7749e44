import Foundation
import GradCheck
@testable import GradCheckReports
import Testing

@Suite("The JSON report")
struct JSONReportTests {
    @Test func encodeDecodeEncodeIsIdentical() throws {
        for report in [ReportFixture.report, ReportFixture.hostileReport, RealRun.make(timed: true)] {
            let first = JSONReport(report).render()
            let second = JSONReport(try JSONReport.decode(first)).render()
            #expect(first == second)
        }
    }

    @Test func theDecodedModelHasTheSameValues() throws {
        let report = ReportFixture.report
        let decoded = try JSONReport.decode(JSONReport(report).render())
        #expect(decoded.metadata.seed == 42 && decoded.metadata.timed)
        #expect(decoded.metadata.timing == TimingSchedule(jobs: 2, mode: .afterChecks))
        #expect(decoded.cells.count == report.cells.count)
        for (a, b) in zip(report.cells, decoded.cells) {
            #expect(a.function == b.function && a.strategy == b.strategy && a.variant == b.variant)
            #expect(a.verdict == b.verdict && a.message == b.message && a.expectation == b.expectation)
            #expect(a.tolerance == b.tolerance && a.family == b.family)
            #expect(a.cost?.derivative == b.cost?.derivative && a.cost?.figures == b.cost?.figures)
            #expect(a.timing?.medianNanoseconds == b.timing?.medianNanoseconds)
            #expect(a.timing?.quartilesNanoseconds == b.timing?.quartilesNanoseconds)
            #expect(a.timing?.functionQuartilesNanoseconds == b.timing?.functionQuartilesNanoseconds)
            #expect(a.points.count == b.points.count)
        }
    }

    @Test func nonFiniteNumbersAreStrings() throws {
        let text = JSONReport(ReportFixture.report).render()
        #expect(text.contains("[\"nan\", -0.958851077208406]"))
        #expect(text.contains("[0.479425538604203, \"inf\"]"))
        #expect(text.contains("[[\"-inf\"]]") || text.contains("[\"-inf\"]"))
        #expect(text.contains("\"maxRel\": \"nan\""))
        let decoded = try JSONReport.decode(text)
        let error = decoded.cells[4].points[0]
        #expect(error.derivative?[0][0].isNaN == true)
        #expect(error.derivative?[1][1] == .infinity)
        #expect(decoded.cells[5].points[1].reference == [[-.infinity]])
        #expect(error.errors?.digits.isNaN == true)
        // The whole document is valid JSON for a standard parser too.
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func theSameSeedGivesTheSameBytesApartFromTimings() {
        #expect(JSONReport(RealRun.make(seed: 3)).render() == JSONReport(RealRun.make(seed: 3)).render())
        #expect(JSONReport(RealRun.make(seed: 3)).render() != JSONReport(RealRun.make(seed: 4)).render())
        func masked(_ report: RunReport) -> String {
            var report = report
            for index in report.cells.indices { report.cells[index].timing = nil }
            return JSONReport(report).render()
        }
        #expect(masked(RealRun.make(seed: 3, timed: true)) == masked(RealRun.make(seed: 3, timed: true)))
    }

    @Test func aFullSeedSurvivesTheRoundTrip() throws {
        var report = ReportFixture.report
        report.metadata.seed = .max
        let decoded = try JSONReport.decode(JSONReport(report).render())
        #expect(decoded.metadata.seed == .max)
    }

    @Test func membersComeInTheDocumentedOrder() {
        let text = JSONReport(ReportFixture.report).render()
        let keys = ["\"schema\"", "\"metadata\"", "\"summary\"", "\"results\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(text.hasPrefix("{\n  \"schema\": \"gradcheck-report/2\",\n"))
        #expect(!text.contains("/work/") && !text.contains("/tmp/"))
    }

    @Test func badDocumentsAreClearErrorsWithAPlace() {
        let good = JSONReport(ReportFixture.report).render()
        let cases: [(String, String)] = [
            ("", "line 1, column 1: unexpected end of the text"),
            ("{\"schema\": ", "unexpected end of the text"),
            ("{\n  \"a\" 1}", "line 2, column 7: expected ':' after an object key"),
            ("[1, 2,]", "unexpected character ']'"),
            ("[01]", "a number may not start with 0"),
            ("\"\\q\"", "invalid escape"),
            ("\"\\ud800\"", "a high surrogate must be followed by a low one"),
            ("{} x", "unexpected text after the JSON value"),
            (String(repeating: "[", count: 10_000), "nesting deeper than 256 levels"),
            ("[]", "expected an object; found an array"),
            ("{\"schema\": \"gradcheck-report/3\"}", "unsupported schema \"gradcheck-report/3\""),
            (good.replacingOccurrences(of: "\"verdict\": \"fail\"", with: "\"verdict\": \"failed\""),
             "results[1].points[0].verdict: expected one of pass, fail"),
            (good.replacingOccurrences(of: "\"seed\": 42", with: "\"seed\": -1"), "metadata.seed: expected a whole number"),
            (good.replacingOccurrences(of: "\"pointsPerFunction\": 2", with: "\"pointsPerFunction\": -3"),
             "metadata.pointsPerFunction: expected a whole number from 0 to 9007199254740992; found -3"),
            (Self.replacingFirst("additions", in: good, with: "9223372036854775807"),
             ".cost.flops.additions: expected a whole number from 0 to 9007199254740992; found 9223372036854775807"),
            (Self.replacingFirst("additions", in: good, with: "9007199254740993"), ".cost.flops.additions: expected a whole number"),
            (good.replacingOccurrences(of: "\"medianNs\": 3.5", with: "\"medianNs\": true"),
             "results[0].timing.medianNs: expected a number"),
            (good.replacingOccurrences(of: "\"mode\": \"after-checks\"", with: "\"mode\": \"parallel\""),
             "metadata.timing.mode: expected \"interleaved\" or \"after-checks\""),
            (good.replacingOccurrences(of: "\"jobs\": 2", with: "\"jobs\": 0"), "metadata.timing.jobs: expected a whole number of jobs from 1"),
            (good.replacingOccurrences(of: "\"point\": [1.5]", with: "\"pont\": [1.5]"), "results[0].points[0]: missing member \"point\""),
        ]
        for (text, fragment) in cases {
            do {
                _ = try JSONReport.decode(text)
                Issue.record("accepted: \(text.prefix(60))")
            } catch {
                #expect(error.description.contains(fragment), "\(error.description)")
            }
        }
        #expect(throws: ReportReadError.notUTF8) { try JSONReport.decode(Data([0x7B, 0xFF, 0xFE, 0x7D])) }
    }

    /// `text` with its first `"member": <whole number>` holding `value` instead.
    static func replacingFirst(_ member: String, in text: String, with value: String) -> String {
        guard let range = text.range(of: "\"\(member)\": [0-9]+", options: .regularExpression) else { return text }
        return text.replacingCharacters(in: range, with: "\"\(member)\": \(value)")
    }

    @Test func unknownMembersAreIgnored() throws {
        let text = JSONReport(ReportFixture.report).render()
            .replacingOccurrences(of: "\"schema\": \"gradcheck-report/1\",", with: "\"schema\": \"gradcheck-report/1\", \"future\": {\"x\": [1]},")
        #expect(try JSONReport.decode(text).cells.count == ReportFixture.report.cells.count)
    }

    @Test func theParserKeepsOrderNumbersAndEscapes() throws {
        let value = try JSONParser.parse(#"{"b": 1e+20, "a": [true, false, null], "s": "\u00e9\ud83d\ude00\n\"", "n": -0.5}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "s", "n"])
        #expect(value["b"] == .number("1e+20"))
        #expect(value["s"] == .string("é😀\n\""))
        #expect(JSONWriter.write(.string("\u{1}\t")) == "\"\\u0001\\t\"\n")
    }

    /// Every stored property of the result model must be written to the schema (or deliberately left
    /// out): when a field is added to the core, this test names it, so the JSON report and
    /// `Docs/report-schema.md` get it too.
    @Test func everyModelFieldIsInTheSchema() {
        let report = ReportFixture.report
        let known: [String: Set<String>] = [
            "RunReport": ["metadata", "cells", "appendix", "coverage"],
            "RunMetadata": [
                "seed", "pointsPerFunction", "precision", "reference", "buildConfiguration", "timed", "timing",
                "suiteSources", "replayOptions",
            ],
            "CellResult": [
                "function", "strategy", "family", "variant", "expectation", "verdict", "message", "tolerance", "points", "cost",
                "timing",
            ],
            "PointResult": [
                "point", "verdict", "message", "derivative", "reference", "errors", "errorEstimate", "entries", "consensus",
                "directional",
            ],
            "EntryJudgement": ["row", "column", "value", "reference", "error", "bound", "basis", "estimate", "outcome"],
            "BoundBasis": ["rtol", "atol", "floor", "floorSource", "scale", "widening", "certifiedScale"],
            "ErrorMeasures": ["maxAbsolute", "maxRelative", "normwiseRelative", "digits", "worstEntry"],
            "Tolerance": ["rtol", "atol", "floorFraction", "scalesWithValue"],
            "CostMeasurement": ["derivative", "function", "figures"],
            "OperationCounts": ["additions", "multiplications", "divisions", "elementary", "comparisons"],
            "StrategyFigures": ["functionEvaluations", "passes", "tapeEntries", "tapeBytes", "extra", "notes"],
            "TimingMeasurement": [
                "medianNanoseconds", "functionMedianNanoseconds", "calls", "quartilesNanoseconds", "functionQuartilesNanoseconds",
            ],
        ]
        let cell = report.cells[2]
        let samples: [(String, Any)] = [
            ("RunReport", report), ("RunMetadata", report.metadata), ("CellResult", cell), ("PointResult", cell.points[0]),
            ("ErrorMeasures", cell.points[0].errors!), ("EntryJudgement", cell.points[0].entries![0]),
            ("BoundBasis", cell.points[0].entries![0].basis), ("Tolerance", cell.tolerance), ("CostMeasurement", cell.cost!),
            ("OperationCounts", cell.cost!.derivative), ("StrategyFigures", cell.cost!.figures),
            ("TimingMeasurement", cell.timing!),
        ]
        for (type, value) in samples {
            let fields = Set(Mirror(reflecting: value).children.compactMap(\.label))
            #expect(fields == known[type], "\(type) has fields \(fields.sorted()); update JSONReport and Docs/report-schema.md")
        }
    }
}
