import Foundation
import GradCheckReports
import Testing

/// A suite, function, strategy message and metadata named `<script>&"'|` must show as text in every
/// format, never as markup.
@Suite("Escaping of strings from suites")
struct EscapingTests {
    let report = ReportFixture.hostileReport
    let name = ReportFixture.hostileName

    @Test func html() throws {
        let html = HTMLReport(report).render()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;&amp;&quot;&#39;|"))
        let root = try XMLNode.parse(html)  // well-formed despite the name
        #expect(root.all("script").isEmpty)
        #expect(root.all("td").contains { $0.allText == name })
        let heatmap = try #require(root.all("svg").first { $0.title == ReportCharts.heatmapTitle })
        #expect(heatmap.all("text").contains { $0.allText == "\(name)/\(name)" })
        #expect(heatmap.all("g").compactMap(\.title).contains { $0.hasPrefix("\(name)/\(name) · hand-coded: fail") })
        // The terminal escape in a message is shown, not sent (XML forbids it anyway).
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains("\\u{1B}[2J"))
    }

    @Test func junit() throws {
        let xml = JUnitReport(report).render()
        #expect(!xml.contains("<script"))
        let root = try XMLNode.parse(xml)
        let suite = try #require(root.all("testsuite").first)
        #expect(suite.attributes["name"] == name)
        let cases = root.all("testcase")
        #expect(cases.first?.attributes["classname"] == name)
        #expect(cases.first?.attributes["name"] == "\(name) · hand-coded")
        let failure = try #require(root.all("failure").first)
        #expect(failure.attributes["message"] == "fail: bad \(name)\nsecond line `code` *bold*")
        #expect(root.all("property").contains { $0.attributes["value"] == name })
        #expect(!xml.contains("\u{1B}"))
    }

    @Test func markdown() {
        let markdown = MarkdownReport(report).render()
        // Outside code blocks (where text is literal) no tag can form.
        let prose = markdown.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined()
        #expect(!prose.contains("<script"))
        #expect(markdown.contains("```sh\ngradcheck run --function '<script>&\"'\\''|/"))
        #expect(markdown.contains("&lt;script&gt;&amp;\"'\\|"))
        // Every table row has exactly the cells of its header: no `|` from a name splits a cell.
        for table in markdown.components(separatedBy: "\n\n") where table.hasPrefix("| function") {
            let rows = table.split(separator: "\n")
            let columns = Self.cellCount(rows[0])
            #expect(rows.allSatisfy { Self.cellCount($0) == columns }, "\(table)")
        }
        // The message's line break does not end the paragraph or a row, and backticks do not open code.
        #expect(markdown.contains("bad &lt;script&gt;&amp;\"'\\|<br>second line \\`code\\` \\*bold\\*"))
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test func json() throws {
        let json = JSONReport(report).render()
        #expect(json.contains(#""function": "<script>&\"'|""#))
        #expect(json.contains(#""message": "\u001b[2J<script>&\"'|""#))
        let decoded = try JSONReport.decode(json)
        #expect(decoded.cells[0].function.name == name && decoded.cells[2].message == "\u{1B}[2J\(name)")
    }

    @Test func text() {
        let text = TextReport(report).render()
        #expect(text.contains("\(name)/\(name)"))
        #expect(!text.contains("\u{1B}"), "a terminal escape from a suite must not reach the terminal")
        #expect(text.contains("\\u{1B}[2J"))
        #expect(text.contains("--function '\(name.replacingOccurrences(of: "'", with: "'\\''"))/"))
    }

    @Test func codeBlocksCannotBeClosedFromInside() {
        let block = MarkdownText.codeBlock("a ``` b ```` c")
        #expect(block.hasPrefix("`````\n") && block.hasSuffix("\n`````\n"))
    }

    /// The number of cells in a Markdown table row: bars not escaped with a backslash, minus one.
    static func cellCount(_ row: Substring) -> Int {
        var count = 0, escaped = false
        for character in row {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count - 1
    }
}
