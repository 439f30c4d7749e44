import GradCheckCore

/// Makes the ``SuiteFunction`` instances of a checked suite, and checks what can only be checked per
/// instance: the number of outputs of a vector-valued function, and the length of every `return` of a
/// gradient or Jacobian whose length is known statically (see ``StaticShapes``).
struct SuiteBuilder {
    let source: SourceFile
    var sink: DiagnosticSink
    let suite: String
    let program: SuiteProgram
    /// `return` statements already reported, so that one mistake is reported once, not per instance.
    private var reported: Set<Int> = []

    init(source: SourceFile, sink: DiagnosticSink, suite: String, program: SuiteProgram) {
        self.source = source
        self.sink = sink
        self.suite = suite
        self.program = program
    }

    /// Every instance of `entry`: one per combination of its `@dimensions` values, or just one.
    mutating func instances(of entry: Checker.Entry) -> [SuiteFunction] {
        var combinations: [[String: Int]] = [[:]]
        for (name, values) in entry.metadata.dimensions {
            combinations = combinations.flatMap { partial in values.map { partial.merging([name: $0]) { $1 } } }
        }
        let lengthNames = AttributeChecker.lengthNames(entry.declaration.parameters)
        if lengthNames.count != entry.metadata.dimensions.count { return [] }
        return combinations.compactMap { instance(of: entry, lengths: $0) }
    }

    /// `name` or `name[n=10,m=3]`.
    static func instanceName(_ name: String, lengthNames: [String], lengths: [String: Int]) -> String {
        guard !lengthNames.isEmpty else { return name }
        return "\(name)[" + lengthNames.map { "\($0)=\(lengths[$0] ?? 0)" }.joined(separator: ",") + "]"
    }

    mutating func instance(of entry: Checker.Entry, lengths: [String: Int]) -> SuiteFunction? {
        let declaration = entry.declaration
        let function = program.functions[entry.function]
        let lengthNames = AttributeChecker.lengthNames(declaration.parameters)
        let name = Self.instanceName(declaration.name, lengthNames: lengthNames, lengths: lengths)
        var inputNames: [String] = []
        var domain: [ClosedRange<Double>] = []
        for (index, parameter) in declaration.parameters.enumerated() {
            let interval = entry.metadata.domain?[index]
            if let lengthName = parameter.lengthName {
                let n = lengths[lengthName] ?? 0
                inputNames += (0..<n).map { "\(parameter.name)[\($0)]" }
                if let interval { domain += Array(repeating: interval, count: n) }
            } else {
                inputNames.append(parameter.name)
                if let interval { domain.append(interval) }
            }
        }
        let points = entry.metadata.points.compactMap { point -> [Double]? in
            var flat: [Double] = []
            for (parameter, argument) in zip(declaration.parameters, point.arguments) {
                switch argument {
                case .scalar(let value): flat.append(value)
                case .vector(let values):
                    guard values.count == lengths[parameter.lengthName ?? ""] else { return nil }
                    flat += values
                }
            }
            return flat
        }
        let sampling = Sampling(explicitPoints: points, domain: domain)
        let isVectorValued = function.resultType == .vector
        var outputCount = 1
        if isVectorValued {
            guard let count = outputs(of: entry, function: function, name: name, lengths: lengths, sampling: sampling) else {
                return nil
            }
            outputCount = count
        }
        for index in [entry.derivative].compactMap({ $0 }) + entry.mutants.map(\.function) {
            checkDerivative(index, of: declaration.name, instance: name, lengths: lengths, inputs: inputNames.count, outputs: outputCount)
        }
        return SuiteFunction(
            id: FunctionID(suite: suite, name: name), summary: entry.metadata.summary, tags: entry.metadata.tags,
            inputNames: inputNames, outputCount: outputCount, sampling: sampling, mutants: entry.mutants.map(\.description),
            expectedFailures: entry.metadata.expectedFailures, toleranceOverride: entry.metadata.tolerance,
            dimensions: lengths, location: source.location(of: declaration.nameOffset), isVectorValued: isVectorValued,
            program: program, function: entry.function, derivative: entry.derivative,
            mutantFunctions: entry.mutants.map(\.function))
    }

    /// The number of outputs of a vector-valued instance: known statically, or found by running the
    /// function once in `Double` at its first point (or the middle of its domain, or all ones).
    mutating func outputs(
        of entry: Checker.Entry, function: FunctionIR, name: String, lengths: [String: Int], sampling: Sampling
    ) -> Int? {
        let shapes = StaticShapes(function: function, lengths: lengths)
        var known: [(length: Int, offset: Int)] = []
        var allKnown = true
        for (value, offset) in StaticShapes.returns(in: function.body) {
            guard case .vector(let vector) = value, let length = shapes.length(vector) else {
                allKnown = false
                continue
            }
            if let first = known.first, first.length != length {
                if reported.insert(offset).inserted {
                    let (line, _) = source.lineAndColumn(of: first.offset)
                    sink.error(
                        "'\(name)' returns \(length) values here but \(first.length) on line \(line)", at: offset)
                }
                return nil
            }
            known.append((length, offset))
        }
        if allKnown, let first = known.first { return first.length }
        let middle = sampling.domain.map { ($0.lowerBound + $0.upperBound) / 2 }
        let point = sampling.explicitPoints.first
            ?? (middle.isEmpty ? Array(repeating: 1.0, count: Self.inputCount(function, lengths)) : middle)
        do {
            if case .vector(let values) = try program.run(entry.function, inputs: point, lengths: lengths) {
                return values.count
            }
        } catch {
            sink.error(
                "cannot tell how many outputs '\(name)' has without running it, and running it failed: \(error)",
                at: entry.declaration.nameOffset)
            return nil
        }
        return nil
    }

    static func inputCount(_ function: FunctionIR, _ lengths: [String: Int]) -> Int {
        function.parameters.reduce(0) { total, parameter in
            switch parameter {
            case .scalar: total + 1
            case .vector(_, _, let lengthName, _): total + (lengths[lengthName] ?? 0)
            }
        }
    }

    /// Reports `return`s of a derivative whose statically known length does not fit the instance.
    mutating func checkDerivative(
        _ index: Int, of target: String, instance: String, lengths: [String: Int], inputs: Int, outputs: Int
    ) {
        let function = program.functions[index]
        let shapes = StaticShapes(function: function, lengths: lengths)
        for (value, offset) in StaticShapes.returns(in: function.body) where !reported.contains(offset) {
            var problem: String?
            switch value {
            case .vector(let vector):
                if let length = shapes.length(vector), length != inputs {
                    problem = "the gradient of '\(target)' returns \(length) entries, but '\(instance)' has \(inputs) input\(inputs == 1 ? "" : "s")"
                }
            case .matrix(let matrix):
                let (rows, columns) = shapes.shape(matrix)
                if let rows, rows != outputs {
                    problem = "the Jacobian of '\(target)' returns \(rows) rows, but '\(instance)' has \(outputs) output\(outputs == 1 ? "" : "s")"
                } else if let columns, columns != inputs {
                    problem = "the rows of the Jacobian of '\(target)' have \(columns) entries, but '\(instance)' has \(inputs) input\(inputs == 1 ? "" : "s")"
                }
            default: break
            }
            if let problem {
                reported.insert(offset)
                sink.error(problem, at: offset)
            }
        }
    }
}
