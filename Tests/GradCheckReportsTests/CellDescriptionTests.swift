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
}
