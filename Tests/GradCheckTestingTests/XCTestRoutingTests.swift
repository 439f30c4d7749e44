import GradCheck
import GradCheckTesting
import XCTest

/// The XCTest side: with no Swift Testing test running, a failed check goes to `XCTFail` at the caller's
/// file and line. swift-corelibs-xctest has no `XCTExpectFailure`, so the failures these tests provoke
/// on purpose are captured by overriding `recordFailure` while ``capturing(_:)`` runs, and asserted on;
/// every other failure goes through as usual.
final class XCTestRoutingTests: XCTestCase {
    private var capture: [(description: String, file: String, line: Int)]?

    override func recordFailure(withDescription description: String, inFile filePath: String, atLine lineNumber: Int, expected: Bool) {
        if capture != nil {
            capture?.append((description, filePath, lineNumber))
        } else {
            super.recordFailure(withDescription: description, inFile: filePath, atLine: lineNumber, expected: expected)
        }
    }

    /// Runs `body` and returns the failures it recorded instead of failing the test with them.
    private func capturing(_ body: () -> Void) -> [(description: String, file: String, line: Int)] {
        capture = []
        body()
        defer { capture = nil }
        return capture ?? []
    }

    func testACorrectGradientPassesAndRecordsNothing() {
        let failures = capturing {
            XCTAssertTrue(expectGradient(of: Quadratic(), gradient: QuadraticClosures.gradient, at: [1, 2]).passed)
            XCTAssertTrue(expectGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.gradient, at: [1, 2]).passed)
        }
        XCTAssertTrue(failures.isEmpty)
    }

    func testAWrongGradientFailsThroughXCTFailAtTheCallersLine() {
        var line = 0
        let failures = capturing {
            line = #line + 1
            expectGradient(of: Quadratic(), gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2])
        }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(failures.first?.line, line)
        XCTAssertEqual(failures.first?.file, "\(#filePath)")
        let text = checkGradient(of: Quadratic(), gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2]).failureText ?? "?"
        XCTAssertTrue(failures.first?.description.contains(text) == true, failures.first?.description ?? "")
    }

    func testThePureReportFailsWithoutRecordingAnything() {
        let failures = capturing {
            let report = checkGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.forgotFactorTwo, at: [1, 2])
            XCTAssertFalse(report.passed)
            XCTAssertEqual(report.outcome, .failed)
            XCTAssertEqual(report.badEntries.count, 1)
        }
        XCTAssertTrue(failures.isEmpty)
    }

    /// A long failure: Apple's XCTest gets the short text and the full one attached; swift-corelibs-xctest
    /// has no attachments, so its failure message is the full text.
    func testALongFailureKeepsEveryEntryInTheRecord() {
        let point = (0..<30).map { Double($0) / 4 + 0.5 }
        let doubled = { (x: [Double]) in WeightedSquares.gradient(x).map { 2 * $0 } }
        let failures = capturing {
            expectGradient(of: WeightedSquares(), gradient: doubled, at: .point(point))
        }
        let report = checkGradient(of: WeightedSquares(), gradient: doubled, at: .point(point))
        XCTAssertTrue(FailureText.isAbridged(report))
        XCTAssertEqual(failures.count, 1)
        #if canImport(Darwin)
        XCTAssertEqual(failures.first?.description.contains(report.failureText ?? "?"), true)
        #else
        XCTAssertEqual(failures.first?.description.contains(report.fullFailureText ?? "?"), true)
        XCTAssertEqual(failures.first?.description.contains("∂f/∂x[29]"), true)
        #endif
    }

    /// In XCTest the replay names the test method (`swift test --filter` matches it).
    func testAStrategyReplayNamesTheXCTestMethod() {
        var report: GradientCheckReport?
        let failures = capturing {
            report = expectStrategy(DoublingPlugin(), on: [CubicPolynomial()], points: 1)
        }
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(
            report?.replayHint?.hasPrefix("swift test --filter 'testAStrategyReplayNamesTheXCTestMethod' (the same call"), true,
            report?.replayHint ?? "no hint")
    }
}
