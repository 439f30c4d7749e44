import Foundation
import GradCheckCore
import GradCheckEngine

/// A run compared with an earlier one (its saved JSON): what got worse, what is new, what is gone.
///
/// A result — matched by suite, function, strategy and variant — has *regressed* when
/// - its verdict went from `pass` (or, for a mutant or `@xfail`, from `expected-failure`) to anything else;
/// - it lost more than one correct digit at its worst point;
/// - its measured operation ratio ω grew (ω comes from operation counts, which are exact and repeatable,
///   so any growth is real).
///
/// Timing ratios (time(∇f) / time(f)) are compared and listed, never failed on: they depend on the machine
/// and its load. A change is listed only when it stands out of the noise that the two runs measured
/// themselves. Each run times the derivative and the function in several samples and records their
/// quartiles; the ratio's *spread* in a run is ``TimingMeasurement/ratioSpread``, the factor s ≥ 1 between
/// the largest and smallest ratio of the two interquartile ranges. With c = max(after / before,
/// before / after) the factor by which the ratio changed, a change is listed when
/// - c ≥ ``minimumTimingChange`` (1.25: a change of at least a quarter, whatever the spreads), and
/// - c > s^``spreadMargin`` for the spread s of each run (margin 2: in logarithms, the change exceeds
///   twice each run's spread, so the two runs' ranges of the ratio cannot overlap, wherever each median
///   lies in its range).
///
/// A run saved before quartiles were recorded has no spread; the rule then uses the other run's alone,
/// and with neither only the minimum change.
public struct BaselineComparison {
    /// One result that got worse.
    public struct Regression: Sendable, Equatable {
        public var label: String
        public var reasons: [String]
    }

    /// A timing ratio that changed beyond both runs' spreads (see the rule above).
    public struct TimingChange: Sendable, Equatable {
        public var label: String
        public var before: Double
        public var after: Double
    }

    public var regressions: [Regression] = []
    public var timingChanges: [TimingChange] = []
    /// Results that the baseline does not have.
    public var added: [String] = []
    /// Results of the baseline that this run does not have.
    public var removed: [String] = []

    /// The digits a result may lose before it counts as a regression.
    public static let digitAllowance = 1.0

    /// The smallest factor by which a timing ratio must change to be listed, whatever the spreads.
    public static let minimumTimingChange = 1.25
    /// The power of each run's spread factor that a listed change must exceed (2: twice the spread in
    /// logarithms).
    public static let spreadMargin = 2.0

    /// Whether the time ratio went from `before` to `after` by more than the rule above allows for noise.
    public static func isTimingChange(from before: TimingMeasurement, to after: TimingMeasurement) -> Bool {
        let (old, new) = (before.ratio, after.ratio)
        guard old > 0, new > 0, old.isFinite, new.isFinite else { return false }
        let change = max(new / old, old / new)
        guard change >= minimumTimingChange else { return false }
        return [before.ratioSpread, after.ratioSpread].allSatisfy { spread in
            guard let spread else { return true }
            return log(change) > spreadMargin * log(spread)
        }
    }

    public init(current: RunReport, baseline: RunReport) {
        func key(_ cell: CellResult) -> String { "\(cell.function) · \(CellDescription.strategyLabel(cell))" }
        let before = Dictionary(baseline.cells.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(current.cells.map(key))
        removed = baseline.cells.map(key).filter { !now.contains($0) }
        for cell in current.cells {
            let label = key(cell)
            guard let old = before[label] else {
                added.append(label)
                continue
            }
            var reasons: [String] = []
            let wasGood = old.verdict == .pass || old.verdict == .expectedFailure
            if wasGood && cell.verdict != old.verdict {
                reasons.append("verdict \(old.verdict.rawValue) → \(cell.verdict.rawValue)")
            }
            if let digitsBefore = CellDescription.worstErrors(old)?.digits, let digitsNow = CellDescription.worstErrors(cell)?.digits,
                digitsBefore.isFinite, digitsNow.isFinite, digitsBefore - digitsNow > Self.digitAllowance
            {
                reasons.append("correct digits \(NumberText.fixed(digitsBefore, decimals: 1)) → \(NumberText.fixed(digitsNow, decimals: 1))")
            }
            if let omegaBefore = old.cost?.ratio, let omegaNow = cell.cost?.ratio, omegaBefore.isFinite, omegaNow.isFinite,
                omegaNow > omegaBefore * (1 + 1e-9)
            {
                reasons.append("ω \(CellDescription.ratio(omegaBefore)) → \(CellDescription.ratio(omegaNow))")
            }
            if !reasons.isEmpty { regressions.append(Regression(label: label, reasons: reasons)) }
            if let timeBefore = old.timing, let timeNow = cell.timing, Self.isTimingChange(from: timeBefore, to: timeNow) {
                timingChanges.append(TimingChange(label: label, before: timeBefore.ratio, after: timeNow.ratio))
            }
        }
    }

    /// Whether nothing regressed.
    public var isClean: Bool { regressions.isEmpty }

    /// The comparison as text: regressions first (they fail the run), then timing changes and the
    /// results that came or went.
    public func render(baselinePath: String) -> String {
        var out = "\nBASELINE \(baselinePath): \(regressions.count) regression\(regressions.count == 1 ? "" : "s")\n"
        for regression in regressions {
            out += "  REGRESSION \(TerminalText.visible(regression.label)): \(regression.reasons.joined(separator: "; "))\n"
        }
        if !timingChanges.isEmpty {
            out += "  timing changes beyond both runs' spread (reported, never failed on):\n"
            for change in timingChanges {
                out += "    \(TerminalText.visible(change.label)): time ratio \(CellDescription.ratio(change.before)) → \(CellDescription.ratio(change.after))\n"
            }
        }
        if !added.isEmpty { out += "  new since the baseline: \(added.count)\n" }
        if !removed.isEmpty { out += "  in the baseline but not run: \(removed.count)\n" }
        return out
    }
}
