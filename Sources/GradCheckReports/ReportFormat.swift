import GradCheckCore
import GradCheckEngine

/// The formats a run can be reported in, their conventional file names and their renderers.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, junit

    /// The name `--report-dir` writes the format under.
    public var conventionalFileName: String {
        switch self {
        case .text: "gradcheck.txt"
        case .markdown: "gradcheck.md"
        case .html: "gradcheck.html"
        case .json: "gradcheck.json"
        case .junit: "gradcheck-junit.xml"
        }
    }

    /// The format a file name suggests by its extension (`.md`, `.html`, `.json`, `.xml`, `.txt`), if any.
    public static func guessed(fromFileName name: String) -> ReportFormat? {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "json": return .json
        case "xml": return .junit
        case "txt", "text", "log": return .text
        default: return nil
        }
    }

    /// `report` in this format.
    public func render(_ report: RunReport) -> String {
        switch self {
        case .text: TextReport(report).render()
        case .markdown: MarkdownReport(report).render()
        case .html: HTMLReport(report).render()
        case .json: JSONReport(report).render()
        case .junit: JUnitReport(report).render()
        }
    }
}
