/// Escaping for XML and XHTML: the HTML report, its SVG charts and the JUnit report.
public enum XMLText {
    /// `text` safe as element content or as a double- or single-quoted attribute value: `&`, `<`, `>`,
    /// `"` and `'` become character references. Characters that XML 1.0 forbids even as references
    /// (most C0 controls, U+FFFE, U+FFFF) are shown as `\u{1B}`; tab, line feed and carriage return are
    /// kept in content and written as references in attributes, so that parsers do not fold them. The
    /// bidirectional controls are written as numeric references (`&#x202E;`), so that the markup shows
    /// them instead of obeying them.
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
            case _ where isBidiControl(scalar):
                // Allowed, but it would reorder what follows as the page shows it: written as a reference.
                out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
    /// text display in another order than it is written.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
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
