/// Escaping for XML and XHTML: the HTML report, its SVG charts and the JUnit report.
public enum XMLText {
    /// `text` safe as element content or as a double- or single-quoted attribute value: `&`, `<`, `>`,
    /// `"` and `'` become character references. Characters that XML 1.0 forbids even as references
    /// (most C0 controls, U+FFFE, U+FFFF) are shown as `\u{1B}`; tab, line feed and carriage return are
    /// kept in content and written as references in attributes, so that parsers do not fold them.
    public static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r":
                if attribute { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            case _ where !isAllowed(scalar):
                out += TerminalText.visibleEscape(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `scalar` in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
