import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

@Suite struct SmokeTests {
    @Test func specExampleLoads() throws {
        let suites = try SuiteLoader().loadSuites(at: repositoryRoot.appendingPathComponent("Suites").path)
        for suite in suites {
            for function in suite.functions {
                for point in function.sampling.points(count: 2, seed: 1, salt: function.id.description) {
                    let value = try function.evaluate(point)
                    #expect(value.allSatisfy { $0.isFinite }, "\(function.id)")
                    if function.hasHandCodedDerivative {
                        let d: [[Double]] = try function.handCodedDerivative(.correct, at: point)
                        #expect(d.count == function.outputCount)
                    }
                }
            }
            print(suite.name, suite.functions.map(\.id.name))
        }
    }
}
