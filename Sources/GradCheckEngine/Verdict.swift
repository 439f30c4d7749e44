import GradCheckCore

/// The outcome of checking one strategy on one function (at one point, or over all its points).
public enum Verdict: String, Sendable, Codable, CaseIterable, Comparable {
    /// Agrees with the reference within tolerance.
    case pass
    /// Disagrees with the reference beyond tolerance: a wrong derivative.
    case fail
    /// The check could not decide (a difference whose own error estimate exceeds the tolerance).
    case inconclusive
    /// A failure that was declared in advance (an `@xfail`, or a mutant that was caught).
    case expectedFailure = "expected-failure"
    /// A declared failure that did not happen (an `@xfail` that passes, or a mutant that was not caught).
    case unexpectedPass = "unexpected-pass"
    /// The strategy threw, returned the wrong shape, or gave NaN/∞ where the reference is finite and the working
    /// precision could have held its computation.
    case error
    /// The strategy cannot handle this function, and says so.
    case unsupported
    /// The reference itself is in doubt at this point; nothing is passed or failed there.
    case disputed
    /// The reference is not finite at this point: the point lies outside the function's domain.
    case outsideDomain = "outside-domain"

    /// Whether the verdict makes a run exit non-zero.
    public var failsRun: Bool {
        switch self {
        case .fail, .unexpectedPass, .error: true
        default: false
        }
    }

    /// Severity used to pick a cell's worst point: failing verdicts first.
    public var severity: Int {
        switch self {
        case .error: 8
        case .fail: 7
        case .unexpectedPass: 6
        case .disputed: 5
        case .inconclusive: 4
        case .unsupported: 3
        case .outsideDomain: 2
        case .expectedFailure: 1
        case .pass: 0
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.severity < rhs.severity }
}
