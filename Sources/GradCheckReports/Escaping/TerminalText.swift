/// Text from suites made safe for a terminal or a log: control characters (which could move the cursor,
/// clear the screen or fake a line of output) are shown as escapes instead of being sent.
public enum TerminalText {
    /// `text` with every control character except line feeds (when `keepingNewlines`) and tabs (when
    /// `keepingTabs`) written as `\n`, `\t` or `\u{1B}`.
    public static func visible(_ text: String, keepingNewlines: Bool = false, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if keepingNewlines && scalar == "\n" || keepingTabs && scalar == "\t" {
                out.unicodeScalars.append(scalar)
            } else if isControl(scalar) {
                out += visibleEscape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\n`, `\r`, `\t`, or `\u{XX}` for any other scalar.
    public static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that can make text read differently
    /// from what it is.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
