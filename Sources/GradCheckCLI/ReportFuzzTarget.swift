import Foundation
import GradCheck
import GradCheckReports

/// The saved-report target of `gradcheck fuzz`: real reports (``FuzzSeedReports``) damaged by
/// ``ReportMutator``, each read from its file exactly as `gradcheck report FILE` and `run --baseline FILE`
/// read one (``ReportCommand/read(_:)``), then, when it decodes, rendered in every format and compared
/// with a good report in both directions as `run --baseline` compares (``BaselineComparison``).
///
/// Accepted: decoded and rendered. Rejected with a message: the reader said what is wrong (the line and
/// column of a syntax error, the member of a bad value). Without one: the reader failed with an empty
/// message.
struct ReportFuzzTarget: FuzzTarget {
    let name = "reports"
    let fileExtension = "json"

    mutating func nextInput(_ generator: inout SeededGenerator) -> [UInt8] {
        let documents = FuzzSeedReports.documents
        let document = documents[Int(generator.next() % UInt64(documents.count))]
        return ReportMutator.mutate(document, &generator).bytes
    }

    func exercise(_ input: [UInt8], at path: String) -> FuzzOutcome {
        switch ReportCommand.read(path) {
        case .failure(let failure):
            return failure.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .rejectedWithoutMessage : .rejectedWithMessage
        case .success(let report):
            for format in ReportFormat.allCases { _ = format.render(report) }
            let good = FuzzSeedReports.reports[0]
            for comparison in [BaselineComparison(current: good, baseline: report), BaselineComparison(current: report, baseline: good)] {
                _ = comparison.render(baselinePath: path)
                _ = comparison.isClean
            }
            return .accepted
        }
    }
}
