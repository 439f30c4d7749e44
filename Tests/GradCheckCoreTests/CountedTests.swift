import Foundation
import GradCheckCore
import Testing

@Suite("Counted numbers tally operations by kind")
struct CountedTests {
    @Test func arithmeticIsCountedByKind() {
        let (value, counts) = OperationTally.measure { () -> Counted<Double> in
            let x = Counted<Double>(3), y = Counted<Double>(4), z = Counted<Double>(5)
            return x * y + z / y - Counted.exp(z)
        }
        #expect(value.value == 3 * 4 + 5.0 / 4 - Foundation.exp(5.0))
        #expect(counts == OperationCounts(additions: 2, multiplications: 1, divisions: 1, elementary: 1, comparisons: 0))
        #expect(counts.total == 5)
    }

    @Test func integerPowersCountTheirSquarings() {
        for (n, multiplications) in [(0, 0), (1, 0), (2, 1), (3, 2), (4, 2), (5, 3), (8, 3), (15, 6)] {
            let (value, counts) = OperationTally.measure { Counted<Double>.pow(Counted(1.5), n) }
            #expect(counts.multiplications == multiplications, "x^\(n)")
            #expect(abs(value.value - pow(1.5, Double(n))) < 1e-12)
        }
        let (_, reciprocal) = OperationTally.measure { Counted<Double>.pow(Counted(2), -3) }
        #expect(reciprocal.divisions == 1 && reciprocal.multiplications == 2)
    }

    @Test func comparisonsAreCountedApartFromArithmetic() {
        let (_, counts) = OperationTally.measure { Counted<Double>.abs(Counted(-2)) }
        #expect(counts.comparisons == 1)
        #expect(counts.additions == 1)  // the negation
        #expect(counts.total == 1)
    }

    @Test func operationsOutsideAMeasurementAreNotRecorded() {
        let outside = Counted<Double>(2) * Counted(3)
        let (_, counts) = OperationTally.measure { Counted<Double>(1) + outside }
        #expect(counts.total == 1)
    }

    @Test func nestedMeasurementsAreSeparate() {
        let (inner, outer) = OperationTally.measure { () -> OperationCounts in
            _ = Counted<Double>(1) + Counted(2)
            return OperationTally.measure { Counted<Double>(1) * Counted(2) }.counts
        }
        #expect(inner.multiplications == 1 && inner.additions == 0)
        #expect(outer.additions == 1 && outer.multiplications == 0)
    }
}
