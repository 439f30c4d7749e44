import GradCheckCore
import GradCheckEngine

/// How each verdict is shown, in one place for every format: a new verdict needs one entry here.
public struct VerdictStyle: Sendable {
    /// A mark that reads at a glance in Markdown.
    public var symbol: String
    /// The badge colour in HTML (readable with white text).
    public var color: String
    /// How JUnit reports it.
    public var junit: JUnitOutcome

    /// How a verdict maps onto JUnit's outcomes.
    public enum JUnitOutcome: Sendable {
        case passed, failure, error, skipped
    }

    public static func of(_ verdict: Verdict) -> VerdictStyle {
        switch verdict {
        case .pass: VerdictStyle(symbol: "✅", color: "#1b7837", junit: .passed)
        case .expectedFailure: VerdictStyle(symbol: "☑️", color: "#4d7f99", junit: .passed)
        case .fail: VerdictStyle(symbol: "❌", color: "#b2182b", junit: .failure)
        case .unexpectedPass: VerdictStyle(symbol: "❌", color: "#b2182b", junit: .failure)
        case .error: VerdictStyle(symbol: "💥", color: "#762a83", junit: .error)
        case .inconclusive: VerdictStyle(symbol: "❔", color: "#8c6d1f", junit: .skipped)
        case .disputed: VerdictStyle(symbol: "❔", color: "#8c6d1f", junit: .skipped)
        case .unsupported: VerdictStyle(symbol: "➖", color: "#6b6b6b", junit: .skipped)
        case .outsideDomain: VerdictStyle(symbol: "➖", color: "#6b6b6b", junit: .skipped)
        }
    }
}
