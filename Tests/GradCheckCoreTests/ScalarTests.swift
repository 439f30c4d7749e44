import Foundation
import GradCheckCore
import Testing

@Suite("Scalar protocols and the composite functions")
struct ScalarTests {
    @Test func integerPowerMatchesTheLibrary() {
        struct Plain: Sendable {}
        for n in -6...9 {
            let viaDefault = Counted<Double>.pow(Counted(1.1), n).value
            #expect(abs(viaDefault - Foundation.pow(1.1, Double(n))) <= 1e-14 * Foundation.pow(1.1, Double(n)), "n = \(n)")
        }
    }

    @Test func compositesFollowTheirDefinitions() {
        #expect(Double.abs(-2) == 2 && Double.abs(3) == 3)
        #expect(Double.max(2, 5) == 5 && Double.min(2, 5) == 2)
        #expect(Double.relu(-1) == 0 && Double.relu(2) == 2)
        #expect(abs(Double.cot(0.7) - 1 / Foundation.tan(0.7)) < 1e-15)
        for x in [-30.0, -2, 0, 0.5, 3, 40] {
            #expect(abs(Double.sigmoid(x) - 1 / (1 + Foundation.exp(-x))) < 1e-15)
            #expect(abs(Double.softplus(x) - Foundation.log1p(Foundation.exp(x))) <= 1e-15 * max(1, abs(x)))
        }
    }

    @Test func sigmoidAndSoftplusDoNotOverflow() {
        #expect(Double.sigmoid(-800) == 0)
        #expect(Double.sigmoid(800) == 1)
        #expect(Double.softplus(800) == 800)
        #expect(Double.softplus(-800) == 0)
    }

    @Test func realNumbersConvertThroughExtendedPrecision() {
        #expect(Double(extended: ExtendedReal(0.1)) == 0.1)
        #expect(Float(extended: ExtendedReal(0.5)) == 0.5)
        #expect(Double.machineEpsilon == 0x1p-52)
        #expect(Float.machineEpsilon == 0x1p-23)
        #expect(Counted<Double>(2.5).extendedValue == 2.5)
    }

    #if arch(x86_64) && !os(Windows) && !os(Android)
    @Test func extendedPrecisionIsFloat80Here() {
        #expect(ExtendedReal.precisionName == "Float80")
        #expect(ExtendedReal.machineEpsilon == 0x1p-63)
    }
    #endif
}
