import GradCheckCore
import Foundation

/// Times a computation with the monotonic clock: warm-up, batches sized to the clock's resolution,
/// several samples, and the median per call with the quartiles of the samples (how much they spread).
public struct Stopwatch: Sendable {
    /// Calls made and discarded before timing (caches, lazy initialisation, branch predictors).
    public var warmUpCalls: Int = 3
    /// The number of timed samples; the median is reported.
    public var samples: Int = 9
    /// The shortest duration of one sample, in nanoseconds: enough calls are batched into each sample to
    /// make the clock's resolution and overhead negligible.
    public var minimumSampleNanoseconds: UInt64 = 50_000
    /// The most time one measurement may take, in nanoseconds; fewer samples are taken past it (at least 3).
    public var budgetNanoseconds: UInt64 = 20_000_000

    public init() {}

    /// One measurement: per-call times of the samples, in nanoseconds.
    public struct Measurement: Sendable {
        /// The median sample.
        public var median: Double
        /// The lower and upper quartiles of the samples, by nearest rank: with 9 samples the 3rd and the
        /// 7th smallest; with fewer than 5 (a measurement cut short by its budget), the smallest and largest.
        public var quartiles: Quartiles
        /// The number of calls timed (all samples).
        public var calls: Int
    }

    /// The median time per call of `body`, in nanoseconds, and the number of calls timed.
    public func medianNanoseconds(_ body: () throws -> Void) rethrows -> (median: Double, calls: Int) {
        let measurement = try measure(body)
        return (measurement.median, measurement.calls)
    }

    /// The median time per call of `body`, the quartiles of its samples and the number of calls timed.
    public func measure(_ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<warmUpCalls { try body() }
        var batch = 1
        while true {
            let elapsed = try Self.time(batch, body)
            if elapsed >= minimumSampleNanoseconds || batch >= 1 << 20 { break }
            batch *= elapsed == 0 ? 16 : Swift.max(2, Int(minimumSampleNanoseconds / elapsed) + 1)
        }
        var perCall: [Double] = []
        var spent: UInt64 = 0
        while perCall.count < samples && (perCall.count < 3 || spent < budgetNanoseconds) {
            let elapsed = try Self.time(batch, body)
            spent += elapsed
            perCall.append(Double(elapsed) / Double(batch))
        }
        perCall.sort()
        let quartileRank = (perCall.count - 1) / 4
        return Measurement(
            median: perCall[perCall.count / 2],
            quartiles: Quartiles(lower: perCall[quartileRank], upper: perCall[perCall.count - 1 - quartileRank]),
            calls: perCall.count * batch)
    }

    private static func time(_ calls: Int, _ body: () throws -> Void) rethrows -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { try body() }
        return DispatchTime.now().uptimeNanoseconds - start
    }
}

/// Facts about how this code was compiled.
public enum BuildInfo {
    /// True in an optimised (release) build; debug-build timings are not meaningful.
    public static var isOptimized: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }

    /// "release" or "debug".
    public static var configuration: String { isOptimized ? "release" : "debug" }
}
