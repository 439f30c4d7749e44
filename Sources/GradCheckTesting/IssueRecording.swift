import Testing
import XCTest

/// Where an assertion was written: the caller's file, line and column, captured by the default
/// arguments `#fileID`, `#filePath`, `#line` and `#column` of every `expect…` function.
struct CallSite: Sendable {
    var fileID: String
    var filePath: StaticString
    var line: UInt
    var column: UInt

    /// The location in Swift Testing's terms.
    var sourceLocation: SourceLocation {
        SourceLocation(fileID: fileID, filePath: "\(filePath)", line: Int(line), column: Int(column))
    }
}

/// Records a report that did not pass as a failure of the running test, in the framework that runs it.
///
/// - In a Swift Testing test (`Test.current` is set, on the test's task and its child tasks):
///   `Issue.record(_:sourceLocation:)`, at the caller's line and column.
/// - Otherwise (an XCTest test): `XCTFail(_:file:line:)`, at the caller's file and line.
/// A report that passed records nothing.
enum IssueRecording {
    static func record(_ report: GradientCheckReport, at site: CallSite) {
        guard let text = report.failureText else { return }
        if Test.current != nil {
            Issue.record(Comment(rawValue: text), sourceLocation: site.sourceLocation)
        } else {
            XCTFail(text, file: site.filePath, line: site.line)
        }
    }
}
