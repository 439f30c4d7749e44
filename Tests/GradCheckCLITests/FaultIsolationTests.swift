import Foundation
import GradCheck
@testable import GradCheckCLI
import GradCheckReports
import Testing

/// Runs the built executables (`gradcheck`, and `gradcheck-faults`, which registers one misbehaving
/// strategy of each kind) as a user would, and reads their JSON reports.
enum Executable {
    static var directory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Runs executable `name` with `arguments`, in `currentDirectory` when one is given.
    static func run(
        _ name: String, _ arguments: [String], in currentDirectory: String? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        try launch(directory.appendingPathComponent(name), arguments, in: currentDirectory)
    }

    /// Runs the program at `url` to its end and returns its status, standard output and standard error.
    static func launch(
        _ url: URL, _ arguments: [String], in currentDirectory: String? = nil, environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        if let environment { process.environment = environment }
        // Waited for as the isolated run waits for its children (not with waitUntilExit, which can miss an
        // exit off the main thread).
        let outcome = try ChildProcess.run(process)
        let status: Int32 = switch outcome.ending {
        case .exited(let code): code
        case .signalled(let signal): 128 + signal
        }
        return (status, String(decoding: outcome.output, as: UTF8.self), String(decoding: outcome.errors, as: UTF8.self))
    }
}

@Suite("Fault isolation", .serialized)
struct FaultIsolationTests {
    let selection = ["--function", "starter/cubic", "--function", "starter/shared-nodes", "--no-timing", "--cell-timeout", "1"]

    @Test func everyMisbehaviourEndsAsAnErrorForItsCellAndTheOthersAreUnchanged() throws {
        let faulty = try Executable.run("gradcheck-faults", ["run", "--isolate", "--format", "json"] + selection)
        let plain = try Executable.run("gradcheck", ["run", "--format", "json"] + selection)
        #expect(faulty.status == 1, "\(faulty.errors)")
        #expect(plain.status == 0, "\(plain.errors)")
        let withFaults = try JSONReport.decode(faulty.output), without = try JSONReport.decode(plain.output)

        let expected: [String: String] = [
            "fault-throwing": "fault-throwing threw: this strategy always throws",
            "fault-wrong-shape": "wrong shape: expected 1×",
            "fault-nan": "is nan where the reference is finite",
            "fault-hang": "exceeded the time limit of 1 s",
            "fault-trap": "crashed (signal ",
        ]
        for function in ["starter/cubic", "starter/shared-nodes"] {
            for (strategy, message) in expected {
                let cell = try #require(withFaults.cells.first { $0.function.description == function && $0.strategy == strategy })
                #expect(cell.verdict == .error, "\(function) · \(strategy)")
                #expect(cell.message?.contains(message) == true, "\(function) · \(strategy): \(cell.message ?? "")")
            }
        }
        // No silent pass: every misbehaving cell failed the run, and the standard cells are as without faults.
        let standard = withFaults.cells.filter { !$0.strategy.hasPrefix("fault-") }
        #expect(standard.count == without.cells.count)
        for (a, b) in zip(standard, without.cells) {
            #expect(a.function == b.function && a.strategy == b.strategy && a.variant == b.variant)
            #expect(a.verdict == b.verdict)
            #expect(a.points.map(\.derivative) == b.points.map(\.derivative))
        }
    }

    @Test func withoutIsolationEverythingButTheTrapStillEndsAsAVerdict() throws {
        let strategies = ["fault-throwing", "fault-wrong-shape", "fault-nan", "fault-hang", "reverse"].flatMap { ["--strategy", $0] }
        let result = try Executable.run("gradcheck-faults", ["run", "--format", "json"] + selection + strategies)
        #expect(result.status == 1)
        let report = try JSONReport.decode(result.output)
        #expect(report.cells.filter { $0.strategy.hasPrefix("fault-") }.allSatisfy { $0.verdict == .error })
        #expect(report.cells.filter { $0.strategy == "reverse" }.allSatisfy { $0.verdict == .pass })
    }

    @Test func shardsPartitionTheRunAndTheirUnionIsTheWholeRun() throws {
        let subset = ["--tag", "seed", "--tag", "control-flow", "--strategy", "reverse", "--strategy", "central-difference"]
        let whole = try JSONReport.decode(try Executable.run("gradcheck", ["run", "--format", "json", "--no-timing"] + subset).output)
        var union: [CellResult] = []
        for k in 1...3 {
            let shard = try Executable.run("gradcheck", ["run", "--format", "json", "--no-timing", "--shard", "\(k)/3"] + subset)
            union += try JSONReport.decode(shard.output).cells
        }
        func key(_ cell: CellResult) -> String { "\(cell.function)|\(cell.strategy)|\(cell.variant)" }
        #expect(union.count == whole.cells.count)
        #expect(Set(union.map(key)) == Set(whole.cells.map(key)))
        let byKey = Dictionary(uniqueKeysWithValues: whole.cells.map { (key($0), $0) })
        for cell in union {
            let same = try #require(byKey[key(cell)])
            #expect(cell.verdict == same.verdict && cell.points.map(\.point) == same.points.map(\.point))
            #expect(cell.points.map(\.derivative) == same.points.map(\.derivative))
        }
        #expect(try Executable.run("gradcheck", ["run", "--shard", "4/3"]).status == 64)
        // More shards than functions: an empty shard is a valid, empty run (a CI matrix wider than the corpus).
        let empty = try Executable.run("gradcheck", ["run", "--function", "starter/cubic", "--shard", "2/2", "--no-timing"])
        #expect(empty.status == 0, "\(empty.errors)")
        #expect(empty.output.contains("OK: nothing checked"))
    }
}
