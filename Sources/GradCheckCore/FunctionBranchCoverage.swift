/// The branch coverage of one function at a run's checked points: how many branch sites (`if`, `while`,
/// `abs`, `relu`, `max`, `min`, by source location, in the function and its hand-written derivative)
/// were reached, how many of their 2 × `sites` sides were seen, and a warning per one-sided site.
///
/// ``fraction`` is `sidesSeen / (2 · sites)`, 1 with no site. A site no checked point reached is not
/// counted.
public struct FunctionBranchCoverage: Sendable, Codable, Equatable {
    public var function: FunctionID
    public var sites: Int
    public var sidesSeen: Int
    /// How many points the coverage was measured at (the checked points).
    public var points: Int
    /// One line per one-sided site: `branch at f.grad:3:8 (if) took only the false side at the 5 checked
    /// points`.
    public var warnings: [String]

    public init(function: FunctionID, sites: Int, sidesSeen: Int, points: Int, warnings: [String]) {
        self.function = function
        self.sites = sites
        self.sidesSeen = sidesSeen
        self.points = points
        self.warnings = warnings
    }

    public var fraction: Double { sites == 0 ? 1 : Double(sidesSeen) / Double(2 * sites) }
}
