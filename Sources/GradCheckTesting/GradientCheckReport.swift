import GradCheckCore
import GradCheckEngine

/// The result of a gradient check: pass, fail or undecided, every point and entry it looked at, and the
/// text a person needs when it did not pass.
///
/// The `check…` functions return it without recording anything (use it anywhere, assert on it with any
/// framework); the `expect…` functions return it after recording a test issue when ``passed`` is false.
public struct GradientCheckReport: Sendable, CustomStringConvertible {
    /// What was checked, e.g. "gradient", "Jacobian", "Swift AD gradient", "strategy 'reverse'".
    public var subject: String
    /// How the reference was computed.
    public var reference: String
    /// The tolerance every entry was held to (see ``EntryCheck/allowed``).
    public var tolerance: Tolerance
    /// How many times the reference's own error estimate is added to the allowed error (0 for an exact
    /// reference, which has no estimate).
    public var estimateFactor: Double
    /// Every point, in checking order.
    public var points: [PointCheck]
    /// The overall outcome.
    public var outcome: CheckOutcome
    /// How to run the same check again, when the points are not enough (strategy checks).
    public var replayHint: String?
    /// The blocks the inputs were named by (``ParameterLayout``), when the check was given one.
    public var layout: ParameterLayout?

    public init(
        subject: String, reference: String, tolerance: Tolerance, estimateFactor: Double, points: [PointCheck],
        outcome: CheckOutcome, replayHint: String? = nil, layout: ParameterLayout? = nil
    ) {
        self.subject = subject
        self.reference = reference
        self.tolerance = tolerance
        self.estimateFactor = estimateFactor
        self.points = points
        self.outcome = outcome
        self.replayHint = replayHint
        self.layout = layout
    }

    /// Whether the check passed: every point verified (strategy checks: nothing failed and something
    /// verified).
    public var passed: Bool { outcome == .passed }

    /// The entries outside the tolerance, worst first (largest relative error; non-finite values first),
    /// then by point, row and column.
    public var badEntries: [(point: PointCheck, entry: EntryCheck)] {
        let bad = points.flatMap { point in point.entries.filter { $0.outcome == .failed }.map { (point: point, entry: $0) } }
        return bad.enumerated().sorted { a, b in
            let (ra, rb) = (a.element.entry.severityKey, b.element.entry.severityKey)
            return ra != rb ? ra > rb : a.offset < b.offset
        }.map(\.element)
    }

    /// The wrong entries in index order: by point, then output row, then input column.
    public var badEntriesInIndexOrder: [(point: PointCheck, entry: EntryCheck)] {
        points.flatMap { point in
            point.entries.filter { $0.outcome == .failed }
                .sorted { ($0.row, $0.column) < ($1.row, $1.column) }
                .map { (point: point, entry: $0) }
        }
    }

    /// The failure text (see ``FailureText``), capped at ``FailureText/entryLimit`` table rows with long
    /// points summarised; nil when the check passed.
    public var failureText: String? { passed ? nil : FailureText.render(self) }

    /// The failure text with every wrong entry and every coordinate (``FailureText/renderInFull(_:)``),
    /// attached to the test's record when ``failureText`` had to leave something out; nil when the check
    /// passed.
    public var fullFailureText: String? { passed ? nil : FailureText.renderInFull(self) }

    /// One line when the check passed, else the failure text.
    public var description: String {
        failureText ?? "\(subject) check passed at \(points.count) \(points.count == 1 ? "point" : "points") (reference: \(reference))"
    }
}

/// The outcome of a check, or of one point of it.
public enum CheckOutcome: String, Sendable, Hashable {
    /// Within tolerance of the reference.
    case passed
    /// Outside the tolerance, non-finite, the wrong shape, or the derivative threw.
    case failed
    /// The reference could not decide (its error estimate is too large, it is disputed, or the function
    /// is not finite there): nothing was verified.
    case undecided
}

/// One point of a check.
public struct PointCheck: Sendable {
    /// Which point, and where it came from.
    public var point: SamplePoint
    /// The corpus function the point belongs to (strategy checks), else nil.
    public var function: String?
    public var outcome: CheckOutcome
    /// Why, when the point did not pass for a reason the entries do not show (a throw, a wrong shape, an
    /// undecided reference).
    public var message: String?
    /// Every entry compared at this point (empty when no comparison was possible). For a point checked
    /// along directions: only the wrong entries its localization found.
    public var entries: [EntryCheck]
    /// What the directional check did, when the point was checked along random directions.
    public var directional: DirectionalEvidence?

    public init(point: SamplePoint, function: String? = nil, outcome: CheckOutcome, message: String? = nil, entries: [EntryCheck] = []) {
        self.point = point
        self.function = function
        self.outcome = outcome
        self.message = message
        self.entries = entries
    }
}

/// One entry of a derivative, compared with the reference.
public struct EntryCheck: Sendable, Hashable {
    /// Output row i and input column j: the entry ∂fᵢ/∂xⱼ.
    public var row: Int
    public var column: Int
    /// The entry's name in messages: `∂f/∂x[1]`, or `∂f[0]/∂x[1]` for a vector function.
    public var name: String
    /// The value under test.
    public var value: Double
    /// The reference value.
    public var reference: Double
    /// |value − reference| (NaN when the value is not finite).
    public var absoluteError: Double
    /// |value − reference| / max(|reference|, φ), with φ the tolerance's floor.
    public var relativeError: Double
    /// The largest absolute error the tolerance allows here:
    /// atol + rtol·max(|reference|, φ) + estimateFactor·estimate.
    public var allowed: Double
    /// The reference's own estimate of its absolute error; nil for an exact reference.
    public var referenceEstimate: Double?
    /// Passed: the value is finite and within ``allowed`` of the reference. Failed: it is not. Undecided:
    /// the reference itself is too uncertain here to tell (its estimate is too large, or not finite).
    public var outcome: CheckOutcome

    /// Orders entries by badness: non-finite values first, then by relative error.
    var severityKey: Double {
        relativeError.isNaN || !value.isFinite ? .infinity : relativeError
    }
}

extension EntryCheck {
    /// The entry as the runner judged it (``EntryJudgement``): the same numbers, named for this report.
    init(judgement entry: EntryJudgement, inputNames: [String], vectorValued: Bool) {
        let input = inputNames.indices.contains(entry.column) ? inputNames[entry.column] : "x[\(entry.column)]"
        let outcome: CheckOutcome = switch entry.outcome {
        case .inside: .passed
        case .outside: .failed
        case .undecided: .undecided
        }
        self.init(
            row: entry.row, column: entry.column, name: vectorValued ? "∂f[\(entry.row)]/∂\(input)" : "∂f/∂\(input)",
            value: entry.value, reference: entry.reference, absoluteError: entry.error, relativeError: entry.relativeError,
            allowed: entry.bound, referenceEstimate: nil, outcome: outcome)
    }
}
