import Foundation
import GradCheckCore
import GradCheckEngine

extension JSONReport {
    /// Reads a saved report (the text of a `gradcheck-report/2` or `/1` document) back into a ``RunReport``.
    ///
    /// A version 1 document has no entry records: they are rebuilt from its derivative, reference,
    /// tolerance and per-point floor and rtol, as that version judged them (``LegacyJudgements``).
    ///
    /// Unknown members are ignored (later minor additions to the schema stay readable); derived members
    /// (`summary`, `worstPoint`, a result's `error`, totals and ratios) are recomputed, not read. Every
    /// error says where: the line and column of a syntax error, the path of a missing or wrong member.
    public static func decode(_ text: String) throws(ReportReadError) -> RunReport {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .syntax(error)
        }
        do {
            return try report(JSONReader(value))
        } catch {
            throw .content(error)
        }
    }

    /// Reads a saved report from bytes, which must be UTF-8.
    public static func decode(_ data: Data) throws(ReportReadError) -> RunReport {
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        return try decode(text)
    }

    static func report(_ root: JSONReader) throws(ReportDecodingError) -> RunReport {
        let schema = try root.field("schema")
        let name = try schema.string()
        guard name == Self.schema || Self.readableLegacySchemas.contains(name) else {
            let readable = ([Self.schema] + Self.readableLegacySchemas).joined(separator: ", ")
            throw ReportDecodingError(
                path: "schema", problem: "unsupported schema \(JSONWriter.quoted(name)); this version reads \(readable)")
        }
        let metadata = try metadata(root.field("metadata"))
        var cells: [CellResult] = []
        for element in try root.field("results").array() {
            var cell = try cell(element)
            if name != Self.schema { cell = LegacyJudgements.rebuilt(cell, from: element) }
            try checkVerdict(of: cell, at: element)
            cells.append(cell)
        }
        let appendix = try root.optionalField("appendix").map { (field: JSONReader) throws(ReportDecodingError) in try Self.appendix(field) }
        var coverage: [FunctionBranchCoverage] = []
        for element in try root.optionalField("coverage")?.array() ?? [] {
            coverage.append(try Self.coverage(element))
        }
        return RunReport(metadata: metadata, cells: cells, appendix: appendix ?? RunAppendix(), coverage: coverage)
    }

    /// One function's branch coverage; `fraction` is derived, not read.
    static func coverage(_ json: JSONReader) throws(ReportDecodingError) -> FunctionBranchCoverage {
        let sites = try json.field("branchSites").count()
        let sidesSeenField = try json.field("sidesSeen")
        let sidesSeen = try sidesSeenField.count()
        guard sidesSeen <= 2 * sites else { throw sidesSeenField.mismatch("at most twice branchSites") }
        var warnings: [String] = []
        for warning in try json.field("warnings").array() { warnings.append(try warning.string()) }
        return FunctionBranchCoverage(
            function: FunctionID(suite: try json.field("suite").string(), name: try json.field("function").string()),
            sites: sites, sidesSeen: sidesSeen, points: try json.field("points").count(), warnings: warnings)
    }

    static func appendix(_ json: JSONReader) throws(ReportDecodingError) -> RunAppendix {
        var appendix = RunAppendix()
        for sweep in try json.field("sweeps").array() {
            appendix.sweeps.append(
                SweepRecord(
                    function: FunctionID(suite: try sweep.field("suite").string(), name: try sweep.field("function").string()),
                    point: try sweep.field("point").doubles(), method: try sweep.field("method").string(),
                    steps: try sweep.field("steps").doubles(), errors: try sweep.field("errors").doubles(),
                    optimalStep: try sweep.optionalField("optimalStep")?.double(), order: try sweep.optionalField("order")?.double(),
                    tolerance: try sweep.field("tolerance").double()))
        }
        for row in try json.field("swell").array() {
            appendix.swell.append(
                SwellRecord(
                    family: try row.field("family").string(), parameterName: try row.field("parameterName").string(),
                    parameter: try row.field("parameter").count(), functionOperations: try row.field("functionOperations").count(),
                    functionDAG: try row.field("functionDAG").count(), treeNodes: try row.field("treeNodes").double(),
                    simplifiedTreeNodes: try row.field("simplifiedTreeNodes").double(), dagNodes: try row.field("dagNodes").count(),
                    adjointDAG: try row.optionalField("adjointDAG")?.count(), reverseOmega: try row.optionalField("reverseOmega")?.double()))
        }
        return appendix
    }

    static func metadata(_ json: JSONReader) throws(ReportDecodingError) -> RunMetadata {
        // `suiteSources` and `replayOptions` were added within version 1: a report without them names no
        // suite file and no option.
        var suiteSources: [String: String] = [:]
        for (suite, path) in try json.optionalField("suiteSources")?.members() ?? [] {
            suiteSources[suite] = try path.string()
        }
        var replayOptions: [String] = []
        for word in try json.optionalField("replayOptions")?.array() ?? [] { replayOptions.append(try word.string()) }
        return RunMetadata(
            seed: try json.field("seed").integer(UInt64.self),
            pointsPerFunction: try json.field("pointsPerFunction").count(),
            precision: try json.field("precision").string(),
            reference: try json.field("reference").string(),
            buildConfiguration: try json.field("buildConfiguration").string(),
            timed: try json.field("timed").bool(), timing: try json.optionalField("timing").map(timing),
            suiteSources: suiteSources, replayOptions: replayOptions)
    }

    /// How a run's timings were taken (`metadata.timing`, added within version 2).
    static func timing(_ json: JSONReader) throws(ReportDecodingError) -> TimingSchedule {
        let modeField = try json.field("mode")
        guard let mode = TimingSchedule.Mode(rawValue: try modeField.string()) else {
            throw modeField.mismatch("\"interleaved\" or \"after-checks\"")
        }
        let jobsField = try json.field("jobs")
        let jobs = try jobsField.count()
        guard jobs >= 1 else { throw jobsField.mismatch("a whole number of jobs from 1") }
        return TimingSchedule(jobs: jobs, mode: mode)
    }

    static func cell(_ json: JSONReader) throws(ReportDecodingError) -> CellResult {
        let variantField = try json.field("variant")
        let variant: DerivativeVariant
        switch try variantField.string() {
        case "correct": variant = .correct
        case "mutant":
            let index = try json.field("mutantIndex")
            variant = .mutant(try index.count())
        default: throw variantField.mismatch("\"correct\" or \"mutant\"")
        }
        var points: [PointResult] = []
        for element in try json.field("points").array() { points.append(try point(element)) }
        return CellResult(
            function: FunctionID(suite: try json.field("suite").string(), name: try json.field("function").string()),
            strategy: try json.field("strategy").string(),
            family: try json.field("family").enumeration(StrategyFamily.self),
            variant: variant,
            expectation: try json.optionalField("expectation")?.string(),
            verdict: try json.field("verdict").enumeration(Verdict.self),
            message: try json.optionalField("message")?.string(),
            tolerance: try tolerance(json.field("tolerance")),
            points: points,
            cost: try json.optionalField("cost").map { (field: JSONReader) throws(ReportDecodingError) in try cost(field) },
            timing: try json.optionalField("timing").map { (field: JSONReader) throws(ReportDecodingError) in try timing(field) })
    }

    static func tolerance(_ json: JSONReader) throws(ReportDecodingError) -> Tolerance {
        Tolerance(
            rtol: try nonNegative(json.field("rtol")), atol: try nonNegative(json.field("atol")),
            floorFraction: try nonNegative(json.field("floorFraction")),
            scalesWithValue: try json.optionalField("scalesWithValue")?.bool() ?? false)
    }

    /// A finite number ≥ 0 (a tolerance: NaN would make every comparison fail silently, a negative one
    /// would reject everything).
    static func nonNegative(_ json: JSONReader) throws(ReportDecodingError) -> Double {
        let value = try json.double()
        guard value.isFinite, value >= 0 else { throw json.mismatch("a finite number ≥ 0") }
        return value
    }

    /// Rejects a cell whose verdict its variant cannot have, which would otherwise be rendered as it
    /// claims (a mutant marked `pass` counted as neither caught nor failing). A cell with an expectation
    /// (every mutant, and a correct derivative expected to fail) ends as expected-failure,
    /// unexpected-pass or an undecided verdict, never pass or fail; one without ends as anything but
    /// expected-failure or unexpected-pass. The run's status and every summary are derived from the cells.
    static func checkVerdict(of cell: CellResult, at json: JSONReader) throws(ReportDecodingError) {
        let expected = cell.isMutant || cell.expectation != nil
        let impossible: Set<Verdict> = expected ? [.pass, .fail] : [.expectedFailure, .unexpectedPass]
        guard impossible.contains(cell.verdict) else { return }
        let what = cell.isMutant ? "a mutant" : expected ? "a derivative expected to fail" : "a derivative with no expectation"
        let allowed = Verdict.allCases.filter { !impossible.contains($0) }.map(\.rawValue).joined(separator: ", ")
        throw ReportDecodingError(
            path: json.path.isEmpty ? "verdict" : json.path + ".verdict",
            problem: "\(what) cannot have the verdict \(JSONWriter.quoted(cell.verdict.rawValue)); expected one of \(allowed)")
    }

    static func point(_ json: JSONReader) throws(ReportDecodingError) -> PointResult {
        PointResult(
            point: try json.field("point").doubles(),
            verdict: try json.field("verdict").enumeration(Verdict.self),
            message: try json.optionalField("message")?.string(),
            derivative: try json.optionalField("derivative")?.rows(),
            reference: try json.optionalField("reference")?.rows(),
            errors: try json.optionalField("error").map { (field: JSONReader) throws(ReportDecodingError) in try errors(field) },
            errorEstimate: try json.optionalField("errorEstimate")?.rows(),
            entries: try json.optionalField("entries").map { (field: JSONReader) throws(ReportDecodingError) in
                var entries: [EntryJudgement] = []
                for entry in try field.array() { entries.append(try judgement(entry)) }
                return entries
            },
            consensus: try json.optionalField("consensus")?.string(),
            directional: try json.optionalField("directional").map { (field: JSONReader) throws(ReportDecodingError) in
                try directional(field)
            })
    }

    static func directional(_ json: JSONReader) throws(ReportDecodingError) -> DirectionalEvidence {
        var failed: [Int] = [], unresolved: [[Int]] = []
        for direction in try json.field("failedDirections").array() { failed.append(try direction.count()) }
        for range in try json.field("unresolved").array() {
            var bounds: [Int] = []
            for bound in try range.array() { bounds.append(try bound.count()) }
            unresolved.append(bounds)
        }
        return DirectionalEvidence(
            mode: try json.field("mode").enumeration(DirectionalMode.self), directions: try json.field("directions").count(),
            failedDirections: failed, comparisons: try json.field("comparisons").count(),
            referencePasses: try json.field("referencePasses").count(), capped: try json.field("capped").bool(),
            unresolved: unresolved, largestRatio: try json.field("largestRatio").double())
    }

    static func judgement(_ json: JSONReader) throws(ReportDecodingError) -> EntryJudgement {
        let basis = try json.field("basis")
        return EntryJudgement(
            row: try json.field("row").count(), column: try json.field("column").count(),
            value: try json.field("value").double(), reference: try json.field("reference").double(),
            error: try json.field("error").double(), bound: try json.field("bound").double(),
            basis: BoundBasis(
                rtol: try basis.field("rtol").double(), atol: try basis.field("atol").double(),
                floor: try basis.field("floor").double(), floorSource: try basis.field("floorSource").enumeration(FloorSource.self),
                scale: try basis.field("scale").double(), widening: try basis.field("widening").double(),
                certifiedScale: try basis.field("certifiedScale").double()),
            estimate: try json.optionalField("estimate")?.double(),
            outcome: try json.field("outcome").enumeration(EntryOutcome.self))
    }

    static func errors(_ json: JSONReader) throws(ReportDecodingError) -> ErrorMeasures {
        let entry = try json.field("worstEntry")
        return ErrorMeasures(
            maxAbsolute: try json.field("maxAbs").double(),
            maxRelative: try json.field("maxRel").double(),
            normwiseRelative: try json.field("normwiseRel").double(),
            digits: try json.field("digits").double(),
            worstEntry: EntryIndex(row: try entry.field("row").count(), column: try entry.field("column").count()))
    }

    static func cost(_ json: JSONReader) throws(ReportDecodingError) -> CostMeasurement {
        var extra: [String: Double] = [:]
        for (key, value) in try json.field("extra").members() { extra[key] = try value.double() }
        let figures = StrategyFigures(
            functionEvaluations: try json.optionalField("evaluations")?.count(),
            passes: try json.optionalField("passes")?.count(),
            tapeEntries: try json.optionalField("tapeEntries")?.count(),
            tapeBytes: try json.optionalField("tapeBytes")?.count(),
            extra: extra,
            notes: try json.optionalField("notes")?.array().map { (note: JSONReader) throws(ReportDecodingError) in try note.string() } ?? [])
        return CostMeasurement(
            derivative: try counts(json.field("flops")), function: try counts(json.field("functionFlops")), figures: figures)
    }

    static func counts(_ json: JSONReader) throws(ReportDecodingError) -> OperationCounts {
        OperationCounts(
            additions: try json.field("additions").count(),
            multiplications: try json.field("multiplications").count(),
            divisions: try json.field("divisions").count(),
            elementary: try json.field("elementary").count(),
            comparisons: try json.field("comparisons").count())
    }

    static func timing(_ json: JSONReader) throws(ReportDecodingError) -> TimingMeasurement {
        TimingMeasurement(
            medianNanoseconds: try json.field("medianNs").double(),
            functionMedianNanoseconds: try json.field("functionMedianNs").double(),
            calls: try json.field("calls").count(),
            quartilesNanoseconds: try json.optionalField("quartilesNs").map { (field: JSONReader) throws(ReportDecodingError) in
                try quartiles(field)
            },
            functionQuartilesNanoseconds: try json.optionalField("functionQuartilesNs").map {
                (field: JSONReader) throws(ReportDecodingError) in try quartiles(field)
            })
    }

    /// `[lower, upper]`. Absent (or null) in reports written before quartiles were recorded.
    static func quartiles(_ json: JSONReader) throws(ReportDecodingError) -> Quartiles {
        let values = try json.doubles()
        guard values.count == 2 else { throw json.mismatch("an array of two numbers, [lower, upper]") }
        return Quartiles(lower: values[0], upper: values[1])
    }
}

/// Why a saved report could not be read.
public enum ReportReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not UTF-8 text.
    case notUTF8
    /// The text is not JSON.
    case syntax(JSONSyntaxError)
    /// The JSON is not a report this version reads.
    case content(ReportDecodingError)

    public var description: String {
        switch self {
        case .notUTF8: "not a GradCheck JSON report: the file is not UTF-8 text"
        case .syntax(let error): "not valid JSON: \(error)"
        case .content(let error): "not a GradCheck report (\(JSONReport.schema)): \(error)"
        }
    }
}
