import GradCheckCore
import GradCheckNumeric

/// The text of `gradcheck sweep`: error against h for each method, then per method the measured order,
/// the optimal step, the error there and the reading of the curve.
public struct SweepReport {
    public var function: FunctionID
    public var point: [Double]
    /// What the errors are measured against: "the reference" or a strategy id.
    public var against: String
    public var curves: [SweepCurve]

    public init(function: FunctionID, point: [Double], against: String, curves: [SweepCurve]) {
        self.function = function
        self.point = point
        self.against = against
        self.curves = curves
    }

    public func render() -> String {
        var out = "sweep of \(TerminalText.visible(function.description)) at (\(point.map(format).joined(separator: ", "))): normwise relative error against \(TerminalText.visible(against))\n"
        out += "h is relative: the step is h·max(1, |x_j|)\n\n"
        var table = TextTable(headers: ["h"] + curves.map(\.method.rawValue), alignments: [.right] + curves.map { _ in .right })
        for (index, sample) in (curves.first?.samples ?? []).enumerated() {
            table.append([String(format: "%.1e", sample.step)] + curves.map { format($0.samples[index].error) })
        }
        out += table.render() + "\n"
        var summary = TextTable(
            headers: ["method", "order", "optimal h", "error there", "reading"],
            alignments: [.left, .right, .right, .right, .left])
        for curve in curves {
            let tolerance = Self.tolerance(curve.method)
            let reading = switch curve.shape(tolerance: tolerance) {
            case .stepNoise: "V-shaped: reaches \(format(tolerance)); a failure would be step noise"
            case .flat: "flat: no step helps; the derivative or the function is wrong"
            case .tooCoarse: "never reaches \(format(tolerance)) here"
            }
            summary.append([
                curve.method.rawValue, curve.convergenceOrder.isFinite ? formatFixed(curve.convergenceOrder, decimals: 2) : "-",
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
