import Foundation
import GradCheckCore

/// A labelled position on an axis.
public struct AxisTick: Sendable, Equatable {
    public var value: Double
    public var label: String
    /// A major tick gets a label and a stronger grid line.
    public var major: Bool

    public init(value: Double, label: String, major: Bool = true) {
        self.value = value
        self.label = label
        self.major = major
    }
}

/// Maps data values onto one screen coordinate.
public protocol ChartScale: Sendable {
    /// The screen coordinate of `value` (values outside the domain extrapolate).
    func position(_ value: Double) -> Double
    /// The ticks to draw, in increasing order of value.
    var ticks: [AxisTick] { get }
}

/// A linear scale with "nice" ticks (steps of 1, 2 or 5 times a power of ten).
public struct LinearScale: ChartScale {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// When true, `range.upperBound` is where `domain.lowerBound` goes (a y axis: values grow upwards).
    public var reversed: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, reversed: Bool = false) {
        self.domain = domain.lowerBound < domain.upperBound ? domain : domain.lowerBound...(domain.lowerBound + 1)
        self.range = range
        self.reversed = reversed
    }

    public func position(_ value: Double) -> Double {
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        let u = reversed ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }

    public var ticks: [AxisTick] {
        let span = domain.upperBound - domain.lowerBound
        let rough = span / 5
        let magnitude = Foundation.pow(10, (Foundation.log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        var ticks: [AxisTick] = []
        var value = (domain.lowerBound / step).rounded(.up) * step
        while value <= domain.upperBound + step * 1e-9 && ticks.count < 50 {
            ticks.append(AxisTick(value: value, label: Self.label(value, step: step)))
            value += step
        }
        return ticks
    }

    static func label(_ value: Double, step: Double) -> String {
        let decimals = max(0, Int(-Foundation.log10(step).rounded(.down)))
        return NumberText.fixed(abs(value) < step * 1e-9 ? 0 : value, decimals: decimals)
    }
}

/// A base-10 logarithmic scale, with a major tick at each power of ten and minor ticks at 2× and 5×
/// when the domain spans few decades.
public struct LogScale: ChartScale {
    /// The domain, widened outwards to whole powers of ten (both ends > 0).
    public private(set) var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    public var reversed: Bool

    /// A scale covering `values` (non-positive and non-finite values are ignored), widened to whole
    /// decades; `1...10` when there is nothing to cover.
    public init(covering values: [Double], range: ClosedRange<Double>, reversed: Bool = false) {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let low = positive.min() ?? 1, high = positive.max() ?? 10
        var lowExponent = Foundation.log10(low).rounded(.down)
        var highExponent = Foundation.log10(high).rounded(.up)
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        lowExponent = max(lowExponent, -300)
        highExponent = min(highExponent, 300)
        self.domain = Foundation.pow(10, lowExponent)...Foundation.pow(10, highExponent)
        self.range = range
        self.reversed = reversed
    }

    public func position(_ value: Double) -> Double {
        let low = Foundation.log10(domain.lowerBound), high = Foundation.log10(domain.upperBound)
        let clamped = value > 0 ? value : domain.lowerBound
        let t = (Foundation.log10(clamped) - low) / (high - low)
        let u = reversed ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }

    public var ticks: [AxisTick] {
        let low = Int(Foundation.log10(domain.lowerBound).rounded())
        let high = Int(Foundation.log10(domain.upperBound).rounded())
        let decades = high - low
        let every = max(1, (decades + 7) / 8)  // at most about eight labelled decades
        var ticks: [AxisTick] = []
        for exponent in low...high {
            let major = (exponent - low) % every == 0
            ticks.append(AxisTick(value: Foundation.pow(10, Double(exponent)), label: major ? Self.label(exponent) : "", major: major))
            if decades <= 3 && exponent < high {
                for factor in [2.0, 5.0] {
                    let value = factor * Foundation.pow(10, Double(exponent))
                    ticks.append(AxisTick(value: value, label: (-3...3).contains(exponent) ? Self.plain(value) : "", major: false))
                }
            }
        }
        return ticks
    }

    /// 10ⁿ as a plain number from 0.001 to 10000, with a superscript exponent otherwise ("10⁻⁸").
    public static func label(_ exponent: Int) -> String {
        if (-3...4).contains(exponent) { return plain(Foundation.pow(10, Double(exponent))) }
        let superscripts: [Character: Character] = [
            "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        ]
        return "10" + String(String(exponent).compactMap { superscripts[$0] })
    }

    static func plain(_ value: Double) -> String {
        value >= 1 ? String(Int(value.rounded())) : NumberText.fixed(value, decimals: max(0, Int(-Foundation.log10(value).rounded(.down)))).replacingTrailingZeros()
    }
}

/// Equal bands for categories (rows of a heatmap, functions of a dot chart).
public struct BandScale: Sendable {
    public var count: Int
    public var range: ClosedRange<Double>

    public init(count: Int, range: ClosedRange<Double>) {
        self.count = max(1, count)
        self.range = range
    }

    /// The width of one band.
    public var bandwidth: Double { (range.upperBound - range.lowerBound) / Double(count) }

    /// Where band `index` starts.
    public func start(_ index: Int) -> Double { range.lowerBound + Double(index) * bandwidth }

    /// The middle of band `index`.
    public func center(_ index: Int) -> Double { start(index) + bandwidth / 2 }
}
