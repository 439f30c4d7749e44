import GradCheckCore
import GradCheckEngine
import GradCheckReports
import GradCheckNumeric

/// The text of `gradcheck sweep`: error against h for each method, then per method the measured order,
/// the optimal step, the error there and the reading of the curve.
///
/// Each reading states what the curve shows, not a verdict it cannot support: a flat curve gives the error
/// it stays at and the two causes that produce one (a wrong target, or a kink or jump at the point); a
/// curve with no finite error says whether the target itself is not finite. When every entry of the target
/// is 0 (a stationary point, or a kink whose reference is 0), a line says the errors are absolute there.
public struct SweepReport {
    public var function: FunctionID
    public var point: [Double]
    /// What the errors are measured against: "the reference" or a strategy id.
    public var against: String
    public var curves: [SweepCurve]
    /// The derivative the errors are measured against, when known (for the notes on a zero or non-finite target).
    public var target: [[ExtendedReal]]?

    public init(function: FunctionID, point: [Double], against: String, curves: [SweepCurve], target: [[ExtendedReal]]? = nil) {
        self.function = function
        self.point = point
        self.against = against
        self.curves = curves
        self.target = target
    }

    /// The first entry of the target that is NaN or ±∞, if any.
    var nonFiniteTargetEntry: ExtendedReal? { target?.joined().first { !$0.isFinite } }

    /// Whether the target is known and all its entries are 0: errors are then absolute (‖D(h) − r‖ = ‖D(h)‖).
    var targetIsZero: Bool {
        guard let target, !target.joined().isEmpty else { return false }
        return target.joined().allSatisfy { $0 == 0 }
    }

    public func render() -> String {
        var out = "sweep of \(TerminalText.visible(function.description)) at (\(point.map { NumberText.short($0) }.joined(separator: ", "))): normwise relative error against \(TerminalText.visible(against))\n"
        out += "h is relative: the step is h·max(1, |x_j|)\n"
        if targetIsZero {
            out += "\(TerminalText.visible(against)) is 0 in every entry here: the errors are absolute (‖D(h)‖), not relative\n"
        }
        out += "\n"
        var table = TextTable(headers: ["h"] + curves.map(\.method.rawValue), alignments: [.right] + curves.map { _ in .right })
        for (index, sample) in (curves.first?.samples ?? []).enumerated() {
            table.append([String(format: "%.1e", sample.step)] + curves.map { NumberText.short($0.samples[index].error) })
        }
        out += table.render() + "\n"
        var summary = TextTable(
            headers: ["method", "order", "optimal h", "error there", "reading"],
            alignments: [.left, .right, .right, .right, .left])
        for curve in curves {
            let tolerance = Self.tolerance(curve.method)
            let reading = switch curve.shape(tolerance: tolerance) {
            case .stepNoise: "V-shaped: reaches \(NumberText.short(tolerance)); a failure would be step noise"
            case .flat:
                "flat at about \(NumberText.short(curve.optimum?.error ?? .nan)): the quotients settle away from "
                    + "\(TerminalText.visible(against)) at every step (a kink or jump here, or a wrong derivative)"
            case .noFiniteError:
                if let entry = nonFiniteTargetEntry {
                    "no finite error: \(TerminalText.visible(against)) is \(NumberText.short(entry)) here, nothing to measure against"
                } else {
                    "no finite error: every step's quotient is nan or ±inf here"
                }
            case .tooCoarse: "never reaches \(NumberText.short(tolerance)) here"
            }
            summary.append([
                curve.method.rawValue, curve.convergenceOrder.isFinite ? NumberText.fixed(curve.convergenceOrder, decimals: 2) : "-",
                curve.optimum.map { String(format: "%.1e", $0.step) } ?? "-", CellDescription.number(curve.optimum?.error), reading,
            ])
        }
        return out + summary.render()
    }

    /// The default Double tolerance of the method's family.
    static func tolerance(_ method: StepSweep.Method) -> Double {
        let family: StrategyFamily = method == .forward ? .firstOrderDifference : .higherOrderDifference
        return Tolerance.default(for: family, epsilon: Double.ulpOfOne).rtol
    }
}
