/// Escaping for GitHub-flavoured Markdown, so that text from suites shows as itself in a pull request or
/// a job summary, inside or outside a table.
public enum MarkdownText {
    /// `text` as literal inline text: the characters Markdown would read as markup (`\`, backticks, `*`,
    /// `_`, `[`, `]`, `|`, `#`, `~`, `!`) get a backslash; `&`, `<`, `>` become character references (so
    /// no HTML tag or entity is formed); a line break becomes `<br>` (a table row must stay on one
    /// line); other control characters are shown as escapes.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n": out += "<br>"
            case "\r": continue
            case _ where TerminalText.isControl(scalar): out += TerminalText.visibleEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A fenced code block holding `code` verbatim: the fence is one backtick longer than the longest
    /// run of backticks in the code, so nothing inside can close it.
    public static func codeBlock(_ code: String, language: String = "") -> String {
        var longest = 0, run = 0
        for character in code {
            run = character == "`" ? run + 1 : 0
            longest = Swift.max(longest, run)
        }
        let fence = String(repeating: "`", count: Swift.max(3, longest + 1))
        return "\(fence)\(language)\n\(TerminalText.visible(code, keepingNewlines: true))\n\(fence)\n"
    }
}
