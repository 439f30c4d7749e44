import GradCheckCore
@testable import GradCheckReports
import Testing

/// What one value of a saved report can cost the renderers is bounded: a giant string is refused on
/// reading, and a long cell is cut in a text table (found by `gradcheck fuzz`: a saved report with a
/// million-character name took 18 s and 880 MB to print as text, every row padded to its width).
@Suite("Size bounds on saved reports")
struct ReportSizeBoundTests {
    /// The fixture's JSON with the first result's function name replaced by `name`.
    func document(functionName name: String) -> String {
        guard case .object(var root) = JSONReport(ReportFixture.report).value(),
            let results = root.firstIndex(where: { $0.key == "results" }), case .array(var cells) = root[results].value,
            case .object(var cell) = cells[0], let function = cell.firstIndex(where: { $0.key == "function" })
        else { return "" }
        cell[function].value = .string(name)
        cells[0] = .object(cell)
        root[results].value = .array(cells)
        return JSONWriter.write(.object(root))
    }

    @Test func aStringOverTheLimitIsRefusedWithItsPath() {
        let text = document(functionName: String(repeating: "é", count: JSONReader.maximumStringBytes / 2 + 1))
        #expect(throws: ReportReadError.content(ReportDecodingError(
            path: "results[0].function", problem: "a string of \(JSONReader.maximumStringBytes + 2) bytes; at most 1048576 are read"))) {
            try JSONReport.decode(text)
        }
    }

    @Test func aGiantKeyIsRefused() throws {
        var report = ReportFixture.report
        report.metadata.suiteSources = [String(repeating: "k", count: JSONReader.maximumStringBytes + 1): "a.grad"]
        #expect(throws: ReportReadError.self) { try JSONReport.decode(JSONReport(report).render()) }
    }

    /// A name at the limit is read, and its text report stays narrow: the long cell is cut, saying how long
    /// it was, instead of widening every row.
    @Test func aLongNameIsReadAndCutInTheTextTable() throws {
        let name = String(repeating: "a", count: 200_000)
        let report = try JSONReport.decode(document(functionName: name))
        let text = TextReport(report).render()
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 2_000 })
        #expect(text.contains("(\(name.count + "demo/".count) characters in all)") || text.contains("(\(name.count) characters in all)"))
    }

    @Test func aTextTableCutsOnlyLongCells() {
        var table = TextTable(headers: ["name", "n"], alignments: [.left, .right])
        table.append([String(repeating: "x", count: TextTable.maximumCellWidth), "1"])
        table.append([String(repeating: "\u{202E}", count: 10_000), "2"])
        let lines = table.render().split(separator: "\n")
        #expect(lines[2].hasPrefix(String(repeating: "x", count: TextTable.maximumCellWidth) + "  "))
        #expect(lines[3].contains("… (10000 characters in all)"))
        #expect(lines.allSatisfy { $0.count < TextTable.maximumCellWidth * 12 })
    }
}
