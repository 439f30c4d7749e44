import GradCheckCore
import GradCheckEngine

/// The machine-readable report, schema `gradcheck-report/2` (documented in `Docs/report-schema.md`);
/// version 1 files are still read.
///
/// Members are written in a fixed order and numbers in their shortest round-trip form, so the same run
/// (same seed, same build) gives the same bytes, apart from the `timing` members. NaN and ±∞ are
/// written as the strings "nan", "inf" and "-inf". ``decode(_:)`` reads a saved report back into the
/// ``RunReport`` every renderer takes; members marked *derived* in the schema are written for readers'
/// convenience and recomputed, not read.
public struct JSONReport {
    /// The schema identifier of the reports this version writes and reads.
    public static let schema = "gradcheck-report/2"
    /// Earlier schemas this version still reads (their entries' judgements are rebuilt on reading).
    public static let readableLegacySchemas = ["gradcheck-report/1"]

    public var report: RunReport

    public init(_ report: RunReport) { self.report = report }

    public func render() -> String { JSONWriter.write(value()) }

    /// The report as a JSON value.
    public func value() -> JSONValue {
        let summary = ReportSummary(report)
        let tally = report.mutantTally
        // `coverage` is optional (written when measured), so reports without it still read.
        let coverage = report.coverage.isEmpty ? [] : [JSONMember("coverage", .array(report.coverage.map(Self.json)))]
        return .object([
            JSONMember("schema", .string(Self.schema)),
            JSONMember("metadata", Self.json(report.metadata)),
            JSONMember("summary", .object([
                JSONMember("checks", .int(report.cells.count)),
                JSONMember("succeeded", .bool(report.succeeded)),
                JSONMember("outcome", .string(report.outcome.rawValue)),
                JSONMember("verifiedPoints", .int(report.verifiedPoints)),
                JSONMember("verdicts", .object(summary.verdictCounts.map { JSONMember($0.verdict.rawValue, .int($0.count)) })),
                JSONMember("mutants", .object([JSONMember("caught", .int(tally.caught)), JSONMember("total", .int(tally.total))])),
            ])),
            JSONMember("results", .array(report.cells.map(Self.json))),
            JSONMember("appendix", Self.json(report.appendix)),
        ] + coverage)
    }

    static func json(_ coverage: FunctionBranchCoverage) -> JSONValue {
        .object([
            JSONMember("suite", .string(coverage.function.suite)),
            JSONMember("function", .string(coverage.function.name)),
            JSONMember("branchSites", .int(coverage.sites)),
            JSONMember("sidesSeen", .int(coverage.sidesSeen)),
            JSONMember("points", .int(coverage.points)),
            JSONMember("fraction", .double(coverage.fraction)),
            JSONMember("warnings", .array(coverage.warnings.map(JSONValue.string))),
        ])
    }

    static func json(_ appendix: RunAppendix) -> JSONValue {
        .object([
            JSONMember("sweeps", .array(appendix.sweeps.map { sweep in
                .object([
                    JSONMember("suite", .string(sweep.function.suite)),
                    JSONMember("function", .string(sweep.function.name)),
                    JSONMember("point", numbers(sweep.point)),
                    JSONMember("method", .string(sweep.method)),
                    JSONMember("steps", numbers(sweep.steps)),
                    JSONMember("errors", numbers(sweep.errors)),
                    JSONMember("optimalStep", .optional(sweep.optimalStep, JSONValue.double)),
                    JSONMember("order", .optional(sweep.order, JSONValue.double)),
                    JSONMember("tolerance", .double(sweep.tolerance)),
                ])
            })),
            JSONMember("swell", .array(appendix.swell.map { row in
                .object([
                    JSONMember("family", .string(row.family)),
                    JSONMember("parameterName", .string(row.parameterName)),
                    JSONMember("parameter", .int(row.parameter)),
                    JSONMember("functionOperations", .int(row.functionOperations)),
                    JSONMember("functionDAG", .int(row.functionDAG)),
                    JSONMember("treeNodes", .double(row.treeNodes)),
                    JSONMember("simplifiedTreeNodes", .double(row.simplifiedTreeNodes)),
                    JSONMember("dagNodes", .int(row.dagNodes)),
                    JSONMember("adjointDAG", .optional(row.adjointDAG, JSONValue.int)),
                    JSONMember("reverseOmega", .optional(row.reverseOmega, JSONValue.double)),
                ])
            })),
        ])
    }

    static func json(_ metadata: RunMetadata) -> JSONValue {
        .object([
            JSONMember("seed", .int(metadata.seed)),
            JSONMember("pointsPerFunction", .int(metadata.pointsPerFunction)),
            JSONMember("precision", .string(metadata.precision)),
            JSONMember("reference", .string(metadata.reference)),
            JSONMember("buildConfiguration", .string(metadata.buildConfiguration)),
            JSONMember("timed", .bool(metadata.timed)),
            JSONMember("timing", .optional(metadata.timing, json)),
            JSONMember(
                "suiteSources",
                .object(metadata.suiteSources.sorted { $0.key < $1.key }.map { JSONMember($0.key, .string($0.value)) })),
            JSONMember("replayOptions", .array(metadata.replayOptions.map(JSONValue.string))),
        ])
    }

    static func json(_ timing: TimingSchedule) -> JSONValue {
        .object([JSONMember("jobs", .int(timing.jobs)), JSONMember("mode", .string(timing.mode.rawValue))])
    }

    static func json(_ cell: CellResult) -> JSONValue {
        let mutantIndex: Int? = if case .mutant(let index) = cell.variant { index } else { nil }
        return .object([
            JSONMember("suite", .string(cell.function.suite)),
            JSONMember("function", .string(cell.function.name)),
            JSONMember("strategy", .string(cell.strategy)),
            JSONMember("family", .string(cell.family.rawValue)),
            JSONMember("variant", .string(mutantIndex == nil ? "correct" : "mutant")),
            JSONMember("mutantIndex", .optional(mutantIndex, JSONValue.int)),
            JSONMember("expectation", .optional(cell.expectation, JSONValue.string)),
            JSONMember("verdict", .string(cell.verdict.rawValue)),
            JSONMember("message", .optional(cell.message, JSONValue.string)),
            JSONMember("tolerance", json(cell.tolerance)),
            JSONMember("worstPoint", .optional(cell.worstPointIndex, JSONValue.int)),
            JSONMember("error", .optional(CellDescription.worstErrors(cell), json)),
            JSONMember("points", .array(cell.points.map(json))),
            JSONMember("cost", .optional(cell.cost, json)),
            JSONMember("timing", .optional(cell.timing, json)),
        ])
    }

    static func json(_ tolerance: Tolerance) -> JSONValue {
        .object([
            JSONMember("rtol", .double(tolerance.rtol)),
            JSONMember("atol", .double(tolerance.atol)),
            JSONMember("floorFraction", .double(tolerance.floorFraction)),
            JSONMember("scalesWithValue", .bool(tolerance.scalesWithValue)),
        ])
    }

    /// A point; `directional` only for a point checked along directions.
    static func json(_ point: PointResult) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("point", numbers(point.point)),
            JSONMember("verdict", .string(point.verdict.rawValue)),
            JSONMember("message", .optional(point.message, JSONValue.string)),
            JSONMember("derivative", .optional(point.derivative, rows)),
            JSONMember("reference", .optional(point.reference, rows)),
            JSONMember("error", .optional(point.errors, json)),
            JSONMember("errorEstimate", .optional(point.errorEstimate, rows)),
            JSONMember("consensus", .optional(point.consensus, JSONValue.string)),
            JSONMember("entries", .optional(point.entries) { entries in .array(entries.map(json)) }),
        ]
        if let directional = point.directional { members.append(JSONMember("directional", json(directional))) }
        return .object(members)
    }

    /// What a directional check did at a point (absent for a point checked entry by entry).
    static func json(_ evidence: DirectionalEvidence) -> JSONValue {
        .object([
            JSONMember("mode", .string(evidence.mode.rawValue)),
            JSONMember("directions", .int(evidence.directions)),
            JSONMember("failedDirections", .array(evidence.failedDirections.map { .int($0) })),
            JSONMember("comparisons", .int(evidence.comparisons)),
            JSONMember("referencePasses", .int(evidence.referencePasses)),
            JSONMember("capped", .bool(evidence.capped)),
            JSONMember("unresolved", .array(evidence.unresolved.map { .array($0.map { .int($0) }) })),
            JSONMember("largestRatio", .double(evidence.largestRatio)),
        ])
    }

    /// One entry's judgement; `ratio`, `relativeError` and `certifiedDigits` are derived.
    static func json(_ entry: EntryJudgement) -> JSONValue {
        .object([
            JSONMember("row", .int(entry.row)),
            JSONMember("column", .int(entry.column)),
            JSONMember("value", .double(entry.value)),
            JSONMember("reference", .double(entry.reference)),
            JSONMember("error", .double(entry.error)),
            JSONMember("bound", .double(entry.bound)),
            JSONMember("ratio", .double(entry.ratio)),
            JSONMember("outcome", .string(entry.outcome.rawValue)),
            JSONMember("relativeError", .double(entry.relativeError)),
            JSONMember("certifiedDigits", .double(entry.certifiedDigits)),
            JSONMember("estimate", .optional(entry.estimate, JSONValue.double)),
            JSONMember("basis", .object([
                JSONMember("rtol", .double(entry.basis.rtol)),
                JSONMember("atol", .double(entry.basis.atol)),
                JSONMember("floor", .double(entry.basis.floor)),
                JSONMember("floorSource", .string(entry.basis.floorSource.rawValue)),
                JSONMember("scale", .double(entry.basis.scale)),
                JSONMember("widening", .double(entry.basis.widening)),
                JSONMember("certifiedScale", .double(entry.basis.certifiedScale)),
            ])),
        ])
    }

    static func json(_ errors: ErrorMeasures) -> JSONValue {
        .object([
            JSONMember("maxAbs", .double(errors.maxAbsolute)),
            JSONMember("maxRel", .double(errors.maxRelative)),
            JSONMember("normwiseRel", .double(errors.normwiseRelative)),
            JSONMember("digits", .double(errors.digits)),
            JSONMember("worstEntry", .object([
                JSONMember("row", .int(errors.worstEntry.row)), JSONMember("column", .int(errors.worstEntry.column)),
            ])),
        ])
    }

    static func json(_ cost: CostMeasurement) -> JSONValue {
        let figures = cost.figures
        return .object([
            JSONMember("flops", json(cost.derivative)),
            JSONMember("functionFlops", json(cost.function)),
            JSONMember("ratio", .double(cost.ratio)),
            JSONMember("passes", .optional(figures.passes, JSONValue.int)),
            JSONMember("evaluations", .optional(figures.functionEvaluations, JSONValue.int)),
            JSONMember("tapeEntries", .optional(figures.tapeEntries, JSONValue.int)),
            JSONMember("tapeBytes", .optional(figures.tapeBytes, JSONValue.int)),
            JSONMember("extra", .object(figures.extra.sorted { $0.key < $1.key }.map { JSONMember($0.key, .double($0.value)) })),
            JSONMember("notes", .array(figures.notes.map(JSONValue.string))),
        ])
    }

    static func json(_ counts: OperationCounts) -> JSONValue {
        .object([
            JSONMember("additions", .int(counts.additions)),
            JSONMember("multiplications", .int(counts.multiplications)),
            JSONMember("divisions", .int(counts.divisions)),
            JSONMember("elementary", .int(counts.elementary)),
            JSONMember("comparisons", .int(counts.comparisons)),
            JSONMember("total", .int(counts.total)),
        ])
    }

    static func json(_ timing: TimingMeasurement) -> JSONValue {
        .object([
            JSONMember("medianNs", .double(timing.medianNanoseconds)),
            JSONMember("functionMedianNs", .double(timing.functionMedianNanoseconds)),
            JSONMember("ratio", .double(timing.ratio)),
            JSONMember("calls", .int(timing.calls)),
            JSONMember("quartilesNs", .optional(timing.quartilesNanoseconds, json)),
            JSONMember("functionQuartilesNs", .optional(timing.functionQuartilesNanoseconds, json)),
        ])
    }

    static func json(_ quartiles: Quartiles) -> JSONValue { numbers([quartiles.lower, quartiles.upper]) }

    static func numbers(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.double)) }

    static func rows(_ rows: [[Double]]) -> JSONValue { .array(rows.map(numbers)) }
}
