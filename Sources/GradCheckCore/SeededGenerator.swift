/// A small deterministic pseudo-random generator (SplitMix64): the same seed gives the same sequence on
/// every platform and every run, which is what makes sample points and reports reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// A generator started from `seed` mixed with a string (FNV-1a of its UTF-8 bytes), so that different
    /// functions get independent streams from one run seed.
    public init(seed: UInt64, salt: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in salt.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform value of `interval` (53 random bits scaled onto it; both ends reachable only in the limit).
    public mutating func nextDouble(in interval: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return interval.lowerBound + unit * (interval.upperBound - interval.lowerBound)
    }
}
