import GradCheckCore
import GradCheckEngine
import Testing

@Suite("Error measures and tolerances")
struct ErrorMeasuresTests {
    @Test func measuresMatchTheirDefinitions() {
        let reference: [[ExtendedReal]] = [[4, -2, 0.001]]
        let candidate: [[ExtendedReal]] = [[4.004, -2, 0.001]]
        let errors = ErrorMeasures(candidate: candidate, reference: reference)
        #expect(abs(errors.maxAbsolute - 0.004) < 1e-15)
        #expect(abs(errors.maxRelative - 0.001) < 1e-15)
        let norm = (16.0 + 4 + 1e-6).squareRoot()
        #expect(abs(errors.normwiseRelative - 0.004 / norm) < 1e-15)
        #expect(abs(errors.digits - 3) < 1e-12)
        #expect(errors.worstEntry == EntryIndex(row: 0, column: 0))
    }

    @Test func theFloorProtectsTinyEntries() {
        // The last entry is tiny next to the others: its error is measured against φ = 1e-3 · 10.
        let errors = ErrorMeasures(candidate: [[10, 1e-9 + 1e-12]], reference: [[10, 1e-9]])
        #expect(abs(errors.maxRelative - 1e-12 / 1e-2) < 1e-20)
        #expect(errors.worstEntry == EntryIndex(row: 0, column: 1))
    }

    @Test func anAllZeroReferenceUsesAbsoluteError() {
        let errors = ErrorMeasures(candidate: [[1e-9, 0]], reference: [[0, 0]])
        #expect(errors.maxRelative == 1e-9)
        #expect(errors.normwiseRelative == 1e-9)
    }

    @Test func nanNeverPasses() {
        let reference: [[ExtendedReal]] = [[1, 2]]
        let candidate: [[ExtendedReal]] = [[.nan, 2]]
        let errors = ErrorMeasures(candidate: candidate, reference: reference)
        #expect(errors.maxRelative.isNaN && errors.normwiseRelative.isNaN)
        #expect(errors.worstEntry == EntryIndex(row: 0, column: 0))
        let loose = EntryJudge(tolerance: Tolerance(rtol: .infinity, atol: .infinity))
        let outside = loose.judge(candidate: candidate, reference: reference).filter { $0.outcome == .outside }
        #expect(outside.map { [$0.row, $0.column] } == [[0, 0]])
        #expect(loose.judge(candidate: [[.infinity, 2]], reference: reference).contains { $0.outcome == .outside })
    }

    @Test func theJudgeListsEveryEntryOutside() {
        let judge = EntryJudge(tolerance: Tolerance(rtol: 1e-6))
        let reference: [[ExtendedReal]] = [[1, 2], [3, 4]]
        let candidate: [[ExtendedReal]] = [[1, 2.1], [3, 4.0000001]]
        let outside = judge.judge(candidate: candidate, reference: reference).filter { $0.outcome == .outside }
        #expect(outside.map { [$0.row, $0.column] } == [[0, 1]])
    }

    @Test func familyDefaultsFollowTheirErrorModels() {
        let exact = Tolerance.default(for: .automatic, epsilon: 0x1p-52)
        let forward = Tolerance.default(for: .firstOrderDifference, epsilon: 0x1p-52)
        let central = Tolerance.default(for: .higherOrderDifference, epsilon: 0x1p-52)
        #expect(exact.rtol < 1e-10 && exact.rtol > 1e-12)
        #expect(central.rtol < forward.rtol && exact.rtol < central.rtol)
        #expect(forward.floorFraction == 1 && exact.floorFraction == 1e-3)
    }
}
