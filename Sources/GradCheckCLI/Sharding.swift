import GradCheck

/// `--shard K/N`: the K-th of N disjoint parts of a run, by function.
///
/// Functions are ordered by id and function i (from 0) belongs to shard (i mod N) + 1, so the shards are
/// disjoint, their union is the whole run, and every function's points and verdicts are the same as in
/// the whole run (points are seeded by the function's id, never by its position).
struct Sharding: Equatable {
    var index: Int
    var count: Int

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 1 ≤ K ≤ N ≤ 10,000.
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), (1...10_000).contains(n), (1...n).contains(k) else {
            throw UsageError.invalidValue(option: "--shard", value: text, expected: "K/N with 1 ≤ K ≤ N, e.g. 2/3")
        }
        self.init(index: k, count: n)
    }

    /// This shard's functions, in id order.
    func select(_ functions: [any TestFunction]) -> [any TestFunction] {
        functions.sorted { $0.id < $1.id }.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
