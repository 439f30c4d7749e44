import GradCheck
import GradCheckReports

/// The good reports that the report target of `gradcheck fuzz` damages: real runs, made in process once
/// per process by the runner on three functions of the compiled starter corpus (the first seed with its
/// mutant, a Jacobian, a loop) at one point without timings, then the same run with timings, quartiles
/// and a chart appendix (sweeps and swell rows) as a timed run with charts saves it, and the same run as
/// a `gradcheck-report/1` document (no entry records), which the reader still reads.
///
/// Between them they hold every member of the schema, so every reader path has a good value to damage.
enum FuzzSeedReports {
    /// The reports, the plain run first.
    static let reports: [RunReport] = {
        var configuration = RunConfiguration()
        configuration.pointsPerFunction = 1
        configuration.measureTimings = false
        let names: Set = ["nutty", "polar-to-cartesian", "for-loop-series"]
        let functions = StarterCorpus.functions.filter { names.contains($0.id.name) }
        let runner = Runner(reference: ExtendedForwardReference(), configuration: configuration)
        let plain = runner.run(functions, strategies: StandardStrategies.registry().strategies)

        var timed = plain
        timed.metadata.timed = true
        timed.metadata.suiteSources = ["starter": "Suites/starter.grad"]
        timed.metadata.replayOptions = ["--rtol", "1e-9", "--max-iterations", "500"]
        for index in timed.cells.indices {
            let nanoseconds = Double(40 + 7 * index)
            timed.cells[index].timing = TimingMeasurement(
                medianNanoseconds: nanoseconds, functionMedianNanoseconds: 20, calls: 10_000,
                quartilesNanoseconds: Quartiles(lower: nanoseconds * 0.9, upper: nanoseconds * 1.2),
                functionQuartilesNanoseconds: Quartiles(lower: 18, upper: 23))
        }
        let first = functions[0].id
        timed.appendix = RunAppendix(
            sweeps: [
                SweepRecord(
                    function: first, point: [2, 1], method: "central-difference", steps: [1e-1, 1e-4, 1e-8, 1e-12],
                    errors: [3e-3, 2e-9, 4e-8, 5e-4], optimalStep: 1e-5, order: 2, tolerance: 3.6e-9),
                SweepRecord(
                    function: first, point: [2, 1], method: "forward-difference", steps: [1e-1, 1e-8], errors: [0.2, 7e-9],
                    optimalStep: nil, order: nil, tolerance: 1.5e-6),
            ],
            swell: [
                SwellRecord(
                    family: "logistic-map", parameterName: "n", parameter: 4, functionOperations: 12, functionDAG: 9,
                    treeNodes: 1_234, simplifiedTreeNodes: 310, dagNodes: 45, adjointDAG: 60, reverseOmega: 3.5),
                SwellRecord(
                    family: "nested-sine", parameterName: "depth", parameter: 2, functionOperations: 2, functionDAG: 3,
                    treeNodes: 7, simplifiedTreeNodes: 7, dagNodes: 5, adjointDAG: nil, reverseOmega: nil),
            ])
        return [plain, timed]
    }()

    /// The reports as JSON documents, and the plain run as a version 1 document.
    static let documents: [JSONValue] = reports.map { JSONReport($0).value() } + [legacy(JSONReport(reports[0]).value())]

    /// `document` as the first schema wrote it: that schema name, and no entry records in the points.
    private static func legacy(_ document: JSONValue) -> JSONValue {
        switch document {
        case .object(let members):
            return .object(members.filter { $0.key != "entries" }.map { member in
                member.key == "schema" ? JSONMember("schema", .string("gradcheck-report/1")) : JSONMember(member.key, legacy(member.value))
            })
        case .array(let elements):
            return .array(elements.map(legacy))
        default:
            return document
        }
    }
}
