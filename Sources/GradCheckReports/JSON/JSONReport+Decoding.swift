import Foundation
import GradCheckCore

extension JSONReport {
    /// Reads a saved report (the text of a `gradcheck-report/1` document) back into a ``RunReport``.
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
        guard try schema.string() == Self.schema else {
            throw ReportDecodingError(
                path: "schema", problem: "unsupported schema \(JSONWriter.quoted(try schema.string())); this version reads \(Self.schema)")
        }
        let metadata = try metadata(root.field("metadata"))
        var cells: [CellResult] = []
        for element in try root.field("results").array() { cells.append(try cell(element)) }
        let appendix = try root.optionalField("appendix").map { (field: JSONReader) throws(ReportDecodingError) in try Self.appendix(field) }
        return RunReport(metadata: metadata, cells: cells, appendix: appendix ?? RunAppendix())
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
                    parameter: try row.field("parameter").int(), functionOperations: try row.field("functionOperations").int(),
                    functionDAG: try row.field("functionDAG").int(), treeNodes: try row.field("treeNodes").double(),
                    simplifiedTreeNodes: try row.field("simplifiedTreeNodes").double(), dagNodes: try row.field("dagNodes").int(),
                    adjointDAG: try row.optionalField("adjointDAG")?.int(), reverseOmega: try row.optionalField("reverseOmega")?.double()))
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
            pointsPerFunction: try json.field("pointsPerFunction").int(),
            precision: try json.field("precision").string(),
            reference: try json.field("reference").string(),
            buildConfiguration: try json.field("buildConfiguration").string(),
            timed: try json.field("timed").bool(),
            suiteSources: suiteSources, replayOptions: replayOptions)
    }

    static func cell(_ json: JSONReader) throws(ReportDecodingError) -> CellResult {
        let variantField = try json.field("variant")
        let variant: DerivativeVariant
        switch try variantField.string() {
        case "correct": variant = .correct
        case "mutant":
            let index = try json.field("mutantIndex")
            let number = try index.int()
            guard number >= 0 else { throw index.mismatch("an index ≥ 0") }
            variant = .mutant(number)
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
            rtol: try json.field("rtol").double(), atol: try json.field("atol").double(),
            floorFraction: try json.field("floorFraction").double(),
            scalesWithValue: try json.optionalField("scalesWithValue")?.bool() ?? false)
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
            outsideTolerance: try json.optionalField("outsideTolerance").map { (field: JSONReader) throws(ReportDecodingError) in
                var entries: [EntryIndex] = []
                for entry in try field.array() {
                    entries.append(EntryIndex(row: try entry.field("row").int(), column: try entry.field("column").int()))
                }
                return entries
            },
            consensus: try json.optionalField("consensus")?.string(),
            floor: try json.optionalField("floor")?.double(),
            rtol: try json.optionalField("rtol")?.double())
    }

    static func errors(_ json: JSONReader) throws(ReportDecodingError) -> ErrorMeasures {
        let entry = try json.field("worstEntry")
        return ErrorMeasures(
            maxAbsolute: try json.field("maxAbs").double(),
            maxRelative: try json.field("maxRel").double(),
            normwiseRelative: try json.field("normwiseRel").double(),
            digits: try json.field("digits").double(),
            worstEntry: EntryIndex(row: try entry.field("row").int(), column: try entry.field("column").int()))
    }

    static func cost(_ json: JSONReader) throws(ReportDecodingError) -> CostMeasurement {
        var extra: [String: Double] = [:]
        for (key, value) in try json.field("extra").members() { extra[key] = try value.double() }
        let figures = StrategyFigures(
            functionEvaluations: try json.optionalField("evaluations")?.int(),
            passes: try json.optionalField("passes")?.int(),
            tapeEntries: try json.optionalField("tapeEntries")?.int(),
            tapeBytes: try json.optionalField("tapeBytes")?.int(),
            extra: extra,
            notes: try json.optionalField("notes")?.array().map { (note: JSONReader) throws(ReportDecodingError) in try note.string() } ?? [])
        return CostMeasurement(
            derivative: try counts(json.field("flops")), function: try counts(json.field("functionFlops")), figures: figures)
    }

    static func counts(_ json: JSONReader) throws(ReportDecodingError) -> OperationCounts {
        OperationCounts(
            additions: try json.field("additions").int(),
            multiplications: try json.field("multiplications").int(),
            divisions: try json.field("divisions").int(),
            elementary: try json.field("elementary").int(),
            comparisons: try json.field("comparisons").int())
    }

    static func timing(_ json: JSONReader) throws(ReportDecodingError) -> TimingMeasurement {
        TimingMeasurement(
            medianNanoseconds: try json.field("medianNs").double(),
            functionMedianNanoseconds: try json.field("functionMedianNs").double(),
            calls: try json.field("calls").int())
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
