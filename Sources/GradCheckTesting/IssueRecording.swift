import Foundation
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

/// Records a report that did not pass in the framework that runs the test: a failure when the check
/// failed, a warning when it was undecided (nothing verified, nothing failed).
///
/// - In a Swift Testing test (`Test.current` is set, on the test's task and its child tasks):
///   `Issue.record(_:sourceLocation:)` with the short failure text, at the caller's line and column;
///   when that text left entries or coordinates out (``FailureText/isAbridged(_:)``), the full text is
///   recorded beside it as an `Attachment` named `gradient-check.txt`.
/// - Otherwise (an XCTest test): `XCTFail(_:file:line:)`, at the caller's file and line. Apple's XCTest
///   gets the short text and the full one as an `XCTAttachment`; swift-corelibs-xctest (Linux, Windows)
///   has no attachments, so it gets the full text.
/// An undecided report is a Swift Testing issue of severity `.warning` (it does not fail the test), and in
/// XCTest, which has no warnings, a `warning:` line on standard error. A report that passed records nothing.
enum IssueRecording {
    /// The name of the attached full text.
    static let attachmentName = "gradient-check.txt"

    static func record(_ report: GradientCheckReport, at site: CallSite) {
        guard let text = report.failureText else { return }
        let abridged = FailureText.isAbridged(report)
        let full = abridged ? FailureText.renderInFull(report) : text
        // Undecided verifies nothing and fails nothing: it is reported, never counted as a pass or a failure.
        let undecided = report.outcome == .undecided
        if Test.current != nil {
            #if compiler(>=6.2)
            Issue.record(Comment(rawValue: text), severity: undecided ? .warning : .error, sourceLocation: site.sourceLocation)
            #else
            Issue.record(Comment(rawValue: text), sourceLocation: site.sourceLocation)
            #endif
            #if compiler(>=6.2)
            if abridged { Attachment.record(full, named: attachmentName, sourceLocation: site.sourceLocation) }
            #endif
        } else if undecided {
            // XCTest has no warnings: the text goes to standard error, where the test log shows it.
            FileHandle.standardError.write(Data("\(site.filePath):\(site.line): warning: \(full)\n".utf8))
        } else {
            #if canImport(Darwin)
            XCTFail(text, file: site.filePath, line: site.line)
            if abridged {
                XCTContext.runActivity(named: "gradient check") { activity in
                    let attachment = XCTAttachment(string: full)
                    attachment.name = attachmentName
                    attachment.lifetime = .keepAlways
                    activity.add(attachment)
                }
            }
            #else
            XCTFail(abridged ? full : text, file: site.filePath, line: site.line)
            #endif
        }
    }
}
