// GradCheckTesting: one-line gradient assertions for Swift Testing and XCTest.
//
// Everything of GradCheck (scalar protocols, test functions, strategies, the reference, the starter
// corpus) is re-exported, so a test file needs only `import GradCheckTesting`.
@_exported import GradCheck
