#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times one benchmark cell with the thread's CPU-time clock, within a time budget.
///
/// CPU time rather than wall time: on a machine shared with other work (builds on the same cores) the
/// wall clock also counts the time the benchmark waits for a core, which can double a measurement; the
/// thread's CPU time counts only the time it runs (cache and memory-bandwidth interference remain).
/// Both the function and the derivative are timed this way, so their ratio is consistent.
///
/// One call first (warm-up: caches, the tape's growth, page faults), timed, which sizes the rest: calls
/// are batched so that a sample lasts at least ``minimumSampleNanoseconds`` (clock overhead negligible),
/// and samples are taken until ``samples`` are in or the next one would overrun the budget (at least one).
/// The result is the median time per call over the samples; a slow call (longer than the budget) is
/// reported from its warm-up alone.
struct BenchClock {
    /// Samples wanted; the median is reported.
    var samples = 7
    /// The shortest sample, in nanoseconds.
    var minimumSampleNanoseconds: UInt64 = 2_000_000
    /// The most one cell may spend, in nanoseconds (warm-up included).
    var budgetNanoseconds: UInt64

    /// The median time of one call and the number of timed calls, plus the allocations per call counted
    /// over the last sample (nil if allocations cannot be counted).
    struct Measurement {
        var medianNanoseconds: Double
        var timedCalls: Int
        var allocationsPerCall: Double?
    }

    func measure(_ body: () -> Void) -> Measurement {
        let start = Self.now()
        body()
        let first = Swift.max(1, Self.now() - start)
        var spent = first
        var batch = Int(Swift.max(1, minimumSampleNanoseconds / first))
        // Extra warm-up for fast calls: about one sample's worth.
        if batch > 1 {
            let warm = Self.now()
            for _ in 0..<batch { body() }
            let elapsed = Self.now() - warm
            spent += elapsed
            batch = Int(Swift.max(1, minimumSampleNanoseconds * UInt64(batch) / Swift.max(1, elapsed)))
        }
        var perCall: [Double] = []
        var allocations: Double? = nil
        var lastSample = first * UInt64(batch)
        while perCall.count < samples && spent + lastSample <= budgetNanoseconds {
            var elapsed: UInt64 = 0
            let counted = AllocationCounter.allocations {
                let t = Self.now()
                for _ in 0..<batch { body() }
                elapsed = Self.now() - t
            }
            allocations = counted.map { Double($0) / Double(batch) }
            spent += elapsed
            lastSample = elapsed
            perCall.append(Double(elapsed) / Double(batch))
        }
        if perCall.isEmpty {
            // Only the warm-up fits in the budget: report it (and count allocations of that one call).
            return Measurement(medianNanoseconds: Double(first), timedCalls: 1, allocationsPerCall: nil)
        }
        perCall.sort()
        return Measurement(
            medianNanoseconds: perCall[perCall.count / 2], timedCalls: perCall.count * batch,
            allocationsPerCall: allocations)
    }

    /// The calling thread's CPU time in nanoseconds (CLOCK_THREAD_CPUTIME_ID).
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
