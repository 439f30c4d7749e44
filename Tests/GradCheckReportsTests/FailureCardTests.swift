import Foundation
import GradCheckCore
import GradCheckReports
import Testing

/// The HTML failure card carries the judgement record of the text report: entry, got, reference,
/// abs and rel error, bound, estimate, consensus and replay, and every table header says what it is.
@Suite("The HTML failure card")
struct FailureCardTests {
    let report = ReportFixture.report

    /// The labelled fields of a card, in order.
    static func record(_ card: XMLNode) throws -> [(String, String)] {
        let list = try #require(card.all("dl").first)
        var fields: [(String, String)] = []
        var label: String?
        for child in list.children {
            if child.name == "dt" { label = child.allText }
            if child.name == "dd", let pending = label { fields.append((pending, child.allText)) }
        }
        return fields
    }

    @Test func theCardHoldsTheWholeJudgementRecord() throws {
        let root = try XMLNode.parse(HTMLReport(report).render())
        let cards = root.all("article")
        let polar = try #require(cards.first { $0.all("h3").first?.allText.contains("demo/polar · hand-coded") == true })
        let fields = try Self.record(polar)
        #expect(fields.map(\.0) == [
            "point", "entry", "got", "reference", "abs error", "rel error", "allowed", "error/allowed", "estimate", "judged",
            "consensus", "replay",
        ])
        let values = Dictionary(uniqueKeysWithValues: fields)
        #expect(values["point"] == "1 of 2: (2, 0.5)")
        #expect(values["entry"] == "[1][1]")
        #expect(values["got"] == "-1.5" && values["reference"] == "1.5")
        #expect(values["abs error"] == "3" && values["rel error"] == "2")
        #expect(values["allowed"] == "3.33067e-11 (rtol 2.22045e-11, atol 0)")
        #expect(values["error/allowed"] == "9.0072e+10" && values["judged"] == "outside")
        #expect(values["consensus"] == "none recorded")
        #expect(values["replay"] == "gradcheck run --function 'demo/polar' --strategy hand-coded --seed 42 --points 2")
    }

    /// The card's numbers are the text report's: each field's value appears in its failure block.
    @Test func theCardAgreesWithTheTextReport() throws {
        let root = try XMLNode.parse(HTMLReport(report).render())
        let text = TextReport(report)
        for (card, cell) in zip(root.all("article"), report.cells.filter { $0.verdict.failsRun }) {
            let block = text.failureBlock(cell)
            for (label, value) in try Self.record(card) where ["got", "reference", "abs error", "error/allowed", "replay"].contains(label) {
                #expect(block.contains(value), "\(label) \(value) not in\n\(block)")
            }
        }
    }

    @Test func aConsensusIsShownWhenThePointHasOne() throws {
        var withConsensus = report
        let index = try #require(withConsensus.cells.firstIndex { $0.verdict == .fail })
        let worst = try #require(withConsensus.cells[index].worstPointIndex)
        withConsensus.cells[index].points[worst].consensus = "forward and reverse agree with the reference"
        let root = try XMLNode.parse(HTMLReport(withConsensus).render())
        let fields = Dictionary(uniqueKeysWithValues: try Self.record(try #require(root.all("article").first)))
        #expect(fields["consensus"] == "forward and reverse agree with the reference")
    }

    /// No table in the report has a blank header cell.
    @Test func noHeaderCellIsBlank() throws {
        let root = try XMLNode.parse(HTMLReport(report).render())
        let headers = root.all("th")
        #expect(!headers.isEmpty)
        #expect(headers.allSatisfy { !$0.allText.trimmingCharacters(in: .whitespaces).isEmpty })
    }
}
