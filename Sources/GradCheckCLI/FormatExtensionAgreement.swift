import GradCheckReports

/// The rule that `--format` and the extension of `--output` agree: `--format json --output x.html`
/// would write JSON into a file every browser opens as HTML, so it is a usage error (exit 64) raised
/// before any checking work, in one message that says both ways out. An extension that names no
/// format (`.out`, none at all) says nothing and is accepted with any format.
enum FormatExtensionAgreement {
    /// Throws when `path`'s extension names a format (``ReportFormat/guessed(fromFileName:)``) other than `format`.
    static func check(_ format: ReportFormat, output path: String) throws {
        guard let implied = ReportFormat.guessed(fromFileName: path), implied != format else { return }
        throw UsageError.invalidUse(
            "'--format \(format.rawValue)' disagrees with '--output \(path)', whose extension means \(implied.rawValue): "
                + "drop '--format' to write \(implied.rawValue), or name the file with .\(extensionName(format))")
    }

    /// The extension a file of `format` usually has.
    static func extensionName(_ format: ReportFormat) -> String {
        switch format {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .junit: "xml"
        }
    }
}
