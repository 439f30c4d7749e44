import GradCheckCore
import Testing
@testable import GradCheckSuites

/// Branch coverage: the sides each branch site took at a set of points, in a function and its gradient.
@Suite struct BranchCoverageTests {
    /// x² with a gradient wrong only where x > 0.999, and a kinked built-in of each kind in f.
    let source = """
        @domain(x: 0.95...1)
        func f(x) {
            var s = abs(x) + relu(x - 2) + max(x, 0) + min(x, 5)
            var i = 0
            while i < 2 {
                i = i + 1
            }
            return x * x + 0 * s
        }
        gradient f {
            if x > 0.999 {
                return [3 * x]
            }
            return [2 * x]
        }
        """

    func site(_ coverage: BranchCoverage, line: Int, kind: String) -> BranchCoverage.Site? {
        coverage.sites.first { $0.site.location.line == line && $0.site.kind == kind }
    }

    @Test func everySiteKindIsRecordedByLocationWithTheSidesSeen() throws {
        let f = try function("f", in: source)
        let coverage = f.branchCoverage(at: [[0.96], [0.97]])
        #expect(coverage.pointCount == 2)
        #expect(coverage.sites.map(\.site.kind) == ["abs", "relu", "max", "min", "while", "if"])
        #expect(site(coverage, line: 3, kind: "abs")?.onlySide == true)
        #expect(site(coverage, line: 3, kind: "relu")?.onlySide == false)
        let loop = try #require(site(coverage, line: 5, kind: "while"))
        #expect(loop.sawTrue && loop.sawFalse)
        let branch = try #require(site(coverage, line: 11, kind: "if"))
        #expect(branch.onlySide == false)
        #expect(branch.site.location.column == 8)
        #expect(
            BranchCoverage.warning(for: branch, pointCount: 2)
                == "branch at test.grad:11:8 (if) took only the false side at the 2 checked points")
        #expect(coverage.oneSided.count == 5)
        #expect(coverage.fraction == 7.0 / 12.0)
        #expect(f.branchCoverage(at: [[0.96], [0.9995]]).sites.filter { $0.site.kind == "if" }.allSatisfy { $0.onlySide == nil })
    }

    @Test func autoPointsAddOnlyPointsThatShowANewSideAndAreTheSameForASeed() throws {
        let f = try function("f", in: source)
        let start = [[0.96], [0.97]]
        let added = f.pointsReachingBothSides(from: start, seed: 1)
        #expect(!added.isEmpty && added.count <= SuiteFunction.coverageAddedPointLimit)
        #expect(added.contains { $0[0] > 0.999 })
        #expect(added.allSatisfy { $0[0] >= 0.95 && $0[0] <= 1 })
        #expect(f.pointsReachingBothSides(from: start, seed: 1) == added)
        let after = f.branchCoverage(at: start + added)
        #expect(after.sites.first { $0.site.kind == "if" }?.onlySide == nil)
        // Every site already two-sided: nothing to add.
        let twoSided = try function("g", in: "@domain(x: -1...1)\nfunc g(x) { if x > 0 { return x } \n return -x }\n")
        #expect(twoSided.pointsReachingBothSides(from: [[-0.5], [0.5]], seed: 1).isEmpty)
    }
}
