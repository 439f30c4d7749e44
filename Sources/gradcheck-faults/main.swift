// A test-only build of `gradcheck` with deliberately misbehaving strategies registered beside the
// standard ones, for the fault-isolation tests (`Tests/GradCheckCLITests/FaultIsolationTests.swift`).
// It is not a product: `swift build` builds it, nothing installs it.
import Foundation
import GradCheck
import GradCheckCLI

/// A strategy that misbehaves in one way, on every function, and otherwise does nothing useful.
struct Misbehaving: DifferentiationStrategy {
    enum Fault: String, CaseIterable { case throwing, wrongShape = "wrong-shape", nan, hang, trap }
    let fault: Fault
    var id: String { "fault-" + fault.rawValue }
    let family = StrategyFamily.automatic
    var summary: String { "deliberately misbehaving: \(fault.rawValue)" }

    struct Failure: Error, CustomStringConvertible { var description: String { "this strategy always throws" } }

    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        switch fault {
        case .throwing: throw Failure()
        case .wrongShape: return StrategyOutput(jacobian: [point + point])
        case .nan: return StrategyOutput(jacobian: (0..<function.outputCount).map { _ in point.map { _ in R(Double.nan) } })
        case .hang:
            while true { Thread.sleep(forTimeInterval: 0.05) }
        case .trap:
            preconditionFailure("a deliberate trap in a strategy")
        }
    }
}

var registry = StandardStrategies.registry()
for fault in Misbehaving.Fault.allCases { try registry.register(Misbehaving(fault: fault)) }
let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
let result = GradCheckTool(registry: registry, executablePath: executable).run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.exitCode.rawValue)
