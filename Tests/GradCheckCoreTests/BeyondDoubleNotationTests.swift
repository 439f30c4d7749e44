import GradCheckCore
import Testing

/// Extended-precision values that `Double` cannot hold are printed as the numbers they are, so a message
/// never reads "inf where the reference is finite (inf)".
@Suite("Numbers beyond Double's range in messages")
struct BeyondDoubleNotationTests {
    #if arch(x86_64) && !os(Windows) && !os(Android)
    @Test func finiteExtendedValuesBeyondDoublesRangeAreWrittenInFull() throws {
        let cases: [(String, String)] = [
            ("1.2e4000", "1.2e+4000"), ("-1.2e4000", "-1.2e+4000"), ("3.5e-4000", "3.5e-4000"),
            ("1e309", "1e+309"), ("9.9999999e400", "1e+401"), ("1.18973149535723176502e4932", "1.18973e+4932"),
            ("2.7263745721125665673e347", "2.72637e+347"),
        ]
        for (literal, text) in cases {
            let value = try #require(Float80(literal))
            #expect(NumberText.short(value) == text, "\(literal)")
        }
        // The least subnormal of Float80 still has a decade of its own.
        #expect(NumberText.short(Float80.leastNonzeroMagnitude).hasSuffix("e-4951"), "\(NumberText.short(Float80.leastNonzeroMagnitude))")
    }
    #endif

    @Test func valuesDoubleHoldsKeepTheShortForm() {
        #expect(NumberText.short(1.5) == "1.5" && NumberText.short(-2e300) == "-2e+300" && NumberText.short(0.0) == "0")
        #expect(NumberText.short(Double.infinity) == "inf" && NumberText.short(-Double.infinity) == "-inf" && NumberText.short(Double.nan) == "nan")
        #expect(NumberText.short(ExtendedReal.infinity) == "inf" && NumberText.short(ExtendedReal(0)) == "0")
        #expect(NumberText.short(Float(3.25)) == "3.25")
    }
}
