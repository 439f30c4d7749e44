import GradCheck
@testable import GradCheckCLI
import Testing

@Suite("The swell table's numbers")
struct SwellReportTests {
    /// Node counts are exact below 10¹⁵ in magnitude and in exponent form beyond, negative ones included.
    @Test func nodeCountsOfAnySizeAreWritten() {
        #expect(SwellReport.count(1234) == "1234")
        #expect(SwellReport.count(-1e300) == NumberText.short(-1e300))
        #expect(SwellReport.count(.nan) == "-")
    }
}
