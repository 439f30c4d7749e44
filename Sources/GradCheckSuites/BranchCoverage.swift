import GradCheckCore

/// Which sides of its branch sites a suite function took at a set of points, in the function and in its
/// hand-written derivative (and in the functions they call).
///
/// A *one-sided* site took only one side at every point: the points never tested the code on the other
/// side, so a derivative wrong only there passes unseen. Sites a point never reached are not listed.
public struct BranchCoverage: Sendable {
    public struct Site: Sendable {
        public var site: BranchSite
        public var sawTrue: Bool
        public var sawFalse: Bool

        /// The only side taken, when just one was.
        public var onlySide: Bool? { sawTrue == sawFalse ? nil : sawTrue }
    }

    /// The sites reached, in source order.
    public var sites: [Site]
    /// How many points were evaluated.
    public var pointCount: Int

    public var oneSided: [Site] { sites.filter { $0.onlySide != nil } }

    /// How many of the 2 × `sites.count` sides were seen.
    public var sidesSeen: Int { sites.reduce(0) { $0 + ($1.sawTrue ? 1 : 0) + ($1.sawFalse ? 1 : 0) } }

    /// Sides seen over sides possible (1 with no site): both sides of every site seen gives 1.
    public var fraction: Double { sites.isEmpty ? 1 : Double(sidesSeen) / Double(2 * sites.count) }

    init(_ table: [BranchSite: (sawTrue: Bool, sawFalse: Bool)], pointCount: Int) {
        sites = table.keys.sorted().map { Site(site: $0, sawTrue: table[$0]!.sawTrue, sawFalse: table[$0]!.sawFalse) }
        self.pointCount = pointCount
    }

    /// The warning for a one-sided site: `branch at f.grad:3:8 (if) took only the false side at the 5
    /// checked points`.
    public static func warning(for site: Site, pointCount: Int) -> String {
        let side = site.onlySide == true ? "true" : "false"
        let points = pointCount == 1 ? "the 1 checked point" : "the \(pointCount) checked points"
        return "branch at \(site.site.location) (\(site.site.kind)) took only the \(side) side at \(points)"
    }
}

extension SuiteFunction {
    /// The branch coverage of the function and its hand-written derivative at `points`: each point is
    /// evaluated once more, in `Double`, through the coverage form of the program (the strategies' forms
    /// do not record branches). Evaluation errors are ignored here; the check reports them.
    public func branchCoverage(at points: [[Double]]) -> BranchCoverage {
        var table: [BranchSite: (sawTrue: Bool, sawFalse: Bool)] = [:]
        let indices = [function] + (derivative.map { [$0] } ?? [])
        for point in points {
            for index in indices {
                for (site, sides) in program.branchOutcomes(index, inputs: point, lengths: dimensions) {
                    let old = table[site] ?? (false, false)
                    table[site] = (old.sawTrue || sides.sawTrue, old.sawFalse || sides.sawFalse)
                }
            }
        }
        return BranchCoverage(table, pointCount: points.count)
    }
}

extension SuiteFunction {
    /// The most candidate points ``pointsReachingBothSides(from:seed:)`` evaluates for coverage.
    public static let coverageCandidateBudget = 64
    /// The most points it adds.
    public static let coverageAddedPointLimit = 16

    /// `--points auto`: points to check besides `points` so that every branch site reached shows both
    /// sides. Candidates are uniform random points of the sampling domain, from a generator seeded with
    /// `seed` and the function's id (so the result is the same for the same seed); each is evaluated for
    /// coverage only, and kept when it shows a side not seen before. The search stops when no reached
    /// site is one-sided, after ``coverageCandidateBudget`` candidates, or after
    /// ``coverageAddedPointLimit`` points kept. Without a domain, nothing is added.
    public func pointsReachingBothSides(from points: [[Double]], seed: UInt64) -> [[Double]] {
        guard !sampling.domain.isEmpty else { return [] }
        var seen = Set(branchCoverage(at: points).sites.flatMap(Self.sides))
        var oneSided = Self.oneSidedCount(seen)
        guard oneSided > 0 else { return [] }
        var generator = SeededGenerator(seed: seed, salt: id.description + "#branch-coverage")
        var added: [[Double]] = []
        for _ in 0..<Self.coverageCandidateBudget {
            let candidate = sampling.domain.map { generator.nextDouble(in: $0) }
            let sides = Set(branchCoverage(at: [candidate]).sites.flatMap(Self.sides))
            guard !sides.isSubset(of: seen) else { continue }
            seen.formUnion(sides)
            added.append(candidate)
            oneSided = Self.oneSidedCount(seen)
            if oneSided == 0 || added.count == Self.coverageAddedPointLimit { break }
        }
        return added
    }

    private struct Side: Hashable {
        var site: BranchSite
        var outcome: Bool
    }

    private static func sides(_ site: BranchCoverage.Site) -> [Side] {
        (site.sawTrue ? [Side(site: site.site, outcome: true)] : [])
            + (site.sawFalse ? [Side(site: site.site, outcome: false)] : [])
    }

    private static func oneSidedCount(_ sides: Set<Side>) -> Int {
        Dictionary(grouping: sides, by: \.site).values.filter { $0.count == 1 }.count
    }
}

extension FunctionBranchCoverage {
    /// The summary of `coverage` for the report.
    public init(_ coverage: BranchCoverage, of function: FunctionID) {
        self.init(
            function: function, sites: coverage.sites.count,
            sidesSeen: coverage.sidesSeen,
            points: coverage.pointCount,
            warnings: coverage.oneSided.map { BranchCoverage.warning(for: $0, pointCount: coverage.pointCount) })
    }
}
