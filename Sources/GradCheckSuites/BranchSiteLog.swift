import Synchronization

/// One branch decision site of a suite: an `if` or `else if` condition, a `while` condition, or a call
/// of a kinked built-in (`abs`, `relu`, `max`, `min`), by source location.
///
/// The outcome of a site is the side taken: the condition's value; for `abs(x)` whether x ≥ 0, for
/// `relu(x)` whether x > 0, for `max(a, b)` whether a ≥ b, for `min(a, b)` whether a ≤ b.
public struct BranchSite: Sendable, Hashable, Comparable {
    public var location: SuiteLocation
    /// What decides there: `if`, `while`, `abs`, `relu`, `max` or `min`.
    public var kind: String

    public init(location: SuiteLocation, kind: String) {
        self.location = location
        self.kind = kind
    }

    public static func < (a: BranchSite, b: BranchSite) -> Bool {
        (a.location.path, a.location.line, a.location.column, a.kind)
            < (b.location.path, b.location.line, b.location.column, b.kind)
    }
}

/// The sides seen at each branch site while a closure runs the coverage-recording form of a program.
///
/// Only that form (``SuiteProgram`` compiles it on demand, in `Double`) calls ``record(_:_:)``, so the
/// programs the strategies run pay nothing for it.
final class BranchSiteLog: Sendable {
    /// Per site, whether the true side and the false side were seen.
    private let outcomes = Mutex<[BranchSite: (sawTrue: Bool, sawFalse: Bool)]>([:])

    @TaskLocal static var current: BranchSiteLog?

    /// Runs `body` and returns the sides it took at every site it reached.
    static func recording(_ body: () throws -> Void) -> [BranchSite: (sawTrue: Bool, sawFalse: Bool)] {
        let log = BranchSiteLog()
        $current.withValue(log) { _ = try? body() }
        return log.outcomes.withLock { $0 }
    }

    /// Notes that `site` took side `outcome`, and returns `outcome`.
    @discardableResult
    static func record(_ site: BranchSite, _ outcome: Bool) -> Bool {
        current?.outcomes.withLock { table in
            var entry = table[site] ?? (false, false)
            if outcome { entry.sawTrue = true } else { entry.sawFalse = true }
            table[site] = entry
        }
        return outcome
    }
}
