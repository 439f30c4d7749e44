import Foundation
import Testing

/// Compares rendered output with a file committed under `Golden/` beside this source file (the same
/// helper as the reports' golden tests, which live in another test target).
///
/// To regenerate the golden files after a deliberate change to a format, run the tests with
/// `GRADCHECK_UPDATE_GOLDEN=1` set (e.g. `GRADCHECK_UPDATE_GOLDEN=1 swift test --filter GoldenTests`),
/// then review the diff before committing it. The files are found through `#filePath`, not as bundle
/// resources, so they are the ones in the source tree.
enum GoldenFile {
    static let updateVariable = "GRADCHECK_UPDATE_GOLDEN"

    static func url(_ name: String, filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    /// Expects `actual` to equal the golden file `name`, or rewrites the file when regenerating.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = url(name)
        if ProcessInfo.processInfo.environment[updateVariable] == "1" {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with \(updateVariable)=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let message = "\(name) differs from the golden file at line \(first + 1):\n  got:      \(got)\n"
                + "  expected: \(want)\n(set \(updateVariable)=1 to regenerate, then review the diff)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
