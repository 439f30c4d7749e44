import GradCheckCore
import GradCheckEngine
import GradCheckReports
import Testing

/// A bidirectional override or isolate from a suite (which would make the rest of a line display in
/// another order than it is written) is written as a numeric reference in HTML and JUnit.
@Suite("Bidirectional controls in markup")
struct BidiEscapingTests {
    static let controls: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]

    var report: RunReport {
        var report = ReportFixture.hostileReport
        let text = "safe\u{202E}txt.exe\u{2066}x\u{2069}"
        report.cells[0].message = text
        report.cells[0].points[0].message = text
        report.cells[0].points[0].consensus = text
        report.cells[0].function = FunctionID(suite: "s\u{202E}", name: "f\u{2067}")
        return report
    }

    static func rawControls(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { controls.contains($0) }
    }

    @Test func xmlTextWritesThemAsReferences() {
        for scalar in Self.controls {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            #expect(XMLText.escape("a\(Character(scalar))b") == "a&#x\(hex);b")
            #expect(XMLText.escape("a\(Character(scalar))b", attribute: true) == "a&#x\(hex);b")
        }
    }

    @Test func htmlAndJUnitCarryNoneRaw() throws {
        let html = HTMLReport(report).render(), junit = JUnitReport(report).render()
        #expect(Self.rawControls(html).isEmpty)
        #expect(Self.rawControls(junit).isEmpty)
        #expect(html.contains("safe&#x202E;txt.exe&#x2066;x&#x2069;"))
        #expect(junit.contains("safe&#x202E;txt.exe&#x2066;x&#x2069;"))
        // Still well-formed, and the references read back as the text.
        let root = try XMLNode.parse(junit)
        #expect(root.all("testcase").contains { $0.attributes["classname"] == "s\u{202E}" })
    }
}
