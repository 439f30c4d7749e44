import GradCheckCore
import GradCheckEngine
@testable import GradCheckReports
import Testing

@Suite("Numbers in report cells")
struct CellDescriptionTests {
    /// Ratios are whole from 100 and in exponent form past the range of `Int`, whatever a saved report holds.
    @Test func ratiosOfAnySizeAreWritten() {
        #expect(CellDescription.ratio(3.25) == "3.25")
        #expect(CellDescription.ratio(412.4) == "412")
        #expect(CellDescription.ratio(1e300) == NumberText.short(1e300))
        #expect(CellDescription.ratio(-1e300) == NumberText.short(-1e300))
        #expect(CellDescription.ratio(.infinity) == "-" && CellDescription.ratio(nil) == "-")
    }

    /// Node counts are exact below 10¹⁵ in magnitude and in exponent form beyond, negative ones included.
    @Test func nodeCountsOfAnySizeAreWritten() {
        #expect(SwellReport.count(1234) == "1234")
        #expect(SwellReport.count(-1e300) == NumberText.short(-1e300))
        #expect(SwellReport.count(.nan) == "-")
    }
}
