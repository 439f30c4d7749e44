import Foundation
import GradCheckCore
@testable import GradCheckSuites

/// Loads `source` as a suite named `test` (path `test.grad`).
func loadSuite(_ source: String, limits: RuntimeLimits = .default) throws -> Suite {
    try SuiteLoader(limits: limits).loadSuite(source: source, name: "test", path: "test.grad")
}

/// The diagnostics of a source that must fail to load (empty when it loads).
func diagnostics(_ source: String) -> [SuiteDiagnostic] {
    do {
        _ = try SuiteLoader().loadSuite(source: source, name: "test", path: "test.grad")
        return []
    } catch {
        return error.diagnostics
    }
}

/// The error messages of a source that must fail to load.
func errorMessages(_ source: String) -> [String] {
    diagnostics(source).filter { $0.severity == .error }.map(\.message)
}

/// The function (or instance) `name` of `source`.
func function(_ name: String, in source: String, limits: RuntimeLimits = .default) throws -> SuiteFunction {
    let suite = try loadSuite(source, limits: limits)
    guard let function = suite.functions.first(where: { $0.id.name == name }) else {
        throw TestFailure("no function \(name) among \(suite.functions.map(\.id.name))")
    }
    return function
}

/// Evaluates the single-output body `body` of `func f(PARAMS)` at `point` over Double.
func evaluate(_ body: String, parameters: String = "x", at point: [Double]) throws -> Double {
    let zeros = Array(repeating: "0", count: point.count).joined(separator: ", ")
    let source = "@points((\(zeros)))\nfunc f(\(parameters)) {\n\(body)\n}\n"
    return try function("f", in: source).evaluate(point)[0]
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
