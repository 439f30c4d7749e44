import GradCheckCore

/// What the attributes of a test function say, checked.
struct FunctionMetadata {
    /// `@points`: one value per parameter each (a vector parameter has a vector), with the offset of
    /// the point for diagnostics.
    var points: [(arguments: [PointArgument], offset: Int)] = []
    /// `@domain`: one interval per parameter, in parameter order.
    var domain: [ClosedRange<Double>]?
    /// `@dimensions`: the values of each vector length, in the order of the function's length names.
    var dimensions: [(name: String, values: [Int])] = []
    var tags: [String] = []
    var tolerance: ToleranceOverride?
    var expectedFailures: [String: String] = [:]
    /// The `///` lines joined into one text.
    var summary: String = ""
}

/// The value of one parameter at an explicit point.
enum PointArgument: Equatable {
    case scalar(Double)
    case vector([Double])
}

/// Checks attributes: names, where they may appear, how many times, and their arguments (see the table
/// of `Docs/suite-language.md`). Attribute values are constants: literals, `pi`, arithmetic and built-in
/// functions of constants (`@domain(t: -pi...pi)`, `@points((sqrt(2), 1))`).
struct AttributeChecker {
    var sink: DiagnosticSink
    /// The most instances a function's `@dimensions` may produce.
    static let maximumInstances = 1_000
    /// The largest value `@dimensions` accepts.
    static let maximumDimension = 10_000_000

    static let functionAttributes = ["points", "domain", "dimensions", "tags", "tolerance", "xfail", "helper"]
    static let derivativeAttributes = ["mutant"]

    /// Reports attributes unknown, misplaced or repeated; returns those to interpret.
    mutating func screen(_ attributes: [Attribute], allowed: [String], on what: String) -> [String: [Attribute]] {
        var byName: [String: [Attribute]] = [:]
        for attribute in attributes {
            let known = Self.functionAttributes + Self.derivativeAttributes
            guard known.contains(attribute.name) else {
                let hint = NameSuggestion.suggest(attribute.name, among: known).map { "; did you mean '@\($0)'?" } ?? ""
                sink.error("unknown attribute '@\(attribute.name)'\(hint)", at: attribute.offset)
                continue
            }
            guard allowed.contains(attribute.name) else {
                sink.error("'@\(attribute.name)' does not apply to \(what)", at: attribute.offset)
                continue
            }
            if attribute.name != "xfail", byName[attribute.name] != nil {
                sink.error("duplicate '@\(attribute.name)'", at: attribute.offset)
                continue
            }
            byName[attribute.name, default: []].append(attribute)
        }
        return byName
    }

    /// The arguments of `attribute`, reporting when it has none.
    mutating func arguments(_ attribute: Attribute, example: String) -> [AttributeArgument]? {
        guard let arguments = attribute.arguments, !arguments.isEmpty else {
            sink.error("'@\(attribute.name)' needs arguments, as in \(example)", at: attribute.offset)
            return nil
        }
        return arguments
    }

    /// The `@mutant` description of a derivative: nil when it is not a mutant, "" when malformed.
    mutating func mutantDescription(_ declaration: DerivativeDecl) -> String? {
        let attributes = screen(declaration.attributes, allowed: Self.derivativeAttributes, on: "a \(declaration.kind.rawValue)")
        guard let attribute = attributes["mutant"]?.first else { return nil }
        guard let arguments = arguments(attribute, example: "@mutant(\"sign of the sqrt rule flipped\")") else { return "" }
        guard arguments.count == 1, arguments[0].label == nil, case .string(let text) = arguments[0].value.kind, !text.isEmpty
        else {
            sink.error("'@mutant' takes one non-empty string: what is wrong with this derivative", at: arguments[0].value.offset)
            return ""
        }
        return text
    }

    /// Checks the attributes of a `@helper` function: `@helper` alone.
    mutating func helperAttributes(_ declaration: FunctionDecl) {
        let attributes = screen(declaration.attributes, allowed: ["helper"], on: "a @helper function")
        if let attribute = attributes["helper"]?.first, let arguments = attribute.arguments, !arguments.isEmpty {
            sink.error("'@helper' takes no arguments", at: attribute.offset)
        }
    }

    mutating func functionMetadata(_ declaration: FunctionDecl, signature: FunctionSignature) -> FunctionMetadata {
        var metadata = FunctionMetadata()
        metadata.summary = Self.summary(declaration.documentation)
        let attributes = screen(declaration.attributes, allowed: Self.functionAttributes, on: "a function")
        let lengthNames = Self.lengthNames(signature.parameters)
        if let attribute = attributes["dimensions"]?.first {
            metadata.dimensions = dimensions(attribute, lengthNames: lengthNames)
        } else if let first = lengthNames.first {
            sink.error(
                "'\(declaration.name)' has vector parameters: give their lengths with @dimensions(\(first): …)",
                at: declaration.nameOffset)
        }
        if let attribute = attributes["points"]?.first {
            metadata.points = points(attribute, parameters: signature.parameters, dimensions: metadata.dimensions)
        }
        if let attribute = attributes["domain"]?.first {
            metadata.domain = domain(attribute, parameters: signature.parameters)
        }
        if attributes["points"] == nil && attributes["domain"] == nil {
            sink.warning(
                "'\(declaration.name)' has neither @points nor @domain, so it is never evaluated", at: declaration.nameOffset)
        }
        if let attribute = attributes["tags"]?.first { metadata.tags = tags(attribute) }
        if let attribute = attributes["tolerance"]?.first { metadata.tolerance = tolerance(attribute) }
        for attribute in attributes["xfail"] ?? [] {
            if let (strategy, reason) = expectedFailure(attribute) {
                if metadata.expectedFailures[strategy] != nil {
                    sink.error("duplicate '@xfail' for strategy '\(strategy)'", at: attribute.offset)
                }
                metadata.expectedFailures[strategy] = reason
            }
        }
        if let attribute = attributes["helper"]?.first, let arguments = attribute.arguments, !arguments.isEmpty {
            sink.error("'@helper' takes no arguments", at: attribute.offset)
        }
        return metadata
    }

    /// `///` lines as one text: lines joined by spaces, blank lines kept as paragraph breaks.
    static func summary(_ lines: [String]) -> String {
        var paragraphs: [[String]] = [[]]
        for line in lines {
            let trimmed = trimSpaces(line)
            if trimmed.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(trimmed)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n\n")
    }

    /// The distinct length names of `parameters`, in order of first appearance.
    static func lengthNames(_ parameters: [Parameter]) -> [String] {
        var names: [String] = []
        for parameter in parameters {
            if let name = parameter.lengthName, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A constant attribute value, evaluated in `Double`.
    mutating func constant(_ expr: Expr) -> Double? {
        switch expr.kind {
        case .integer(_, let value), .real(let value):
            return value
        case .name("pi"):
            return .pi
        case .unary(.negate, let operand):
            return constant(operand).map { -$0 }
        case .binary(let op, let lhs, let rhs, _) where [.add, .subtract, .multiply, .divide, .power].contains(op):
            guard let a = constant(lhs), let b = constant(rhs) else { return nil }
            return Self.apply(op, a, b)
        case .chain(let first, let links) where links.allSatisfy({ [.add, .subtract, .multiply, .divide].contains($0.op) }):
            // Left to right, as written; a loop, so a long sum costs no stack.
            guard var value = constant(first) else { return nil }
            for link in links {
                guard let b = constant(link.operand) else { return nil }
                value = Self.apply(link.op, value, b)
            }
            return value
        case .call(let name, let arguments):
            let values = arguments.map { constant($0) }
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            switch (Builtin(name), values.count) {
            case (.real1(let function)?, 1): return function.apply(values[0]!)
            case (.real2(let function)?, 2): return function.apply(values[0]!, values[1]!)
            default:
                sink.error("'\(name)(…)' is not a constant: attribute values use numbers, pi and built-in functions", at: expr.offset)
                return nil
            }
        case .name(let name):
            sink.error("attribute values must be constants, but '\(name)' is a name", at: expr.offset)
            return nil
        default:
            sink.error("expected a number", at: expr.offset)
            return nil
        }
    }

    /// `a op b` in `Double` for the arithmetic operators of attribute values (`^` for any other).
    static func apply(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        default: Double.pow(a, b)
        }
    }

    /// A finite constant.
    mutating func finiteConstant(_ expr: Expr) -> Double? {
        guard let value = constant(expr) else { return nil }
        guard value.isFinite else {
            sink.error("this value is not finite", at: expr.offset)
            return nil
        }
        return value
    }
}

/// `text` without leading and trailing spaces and tabs.
func trimSpaces(_ text: String) -> String {
    var characters = Substring(text)
    while let first = characters.first, first == " " || first == "\t" { characters.removeFirst() }
    while let last = characters.last, last == " " || last == "\t" || last == "\r" { characters.removeLast() }
    return String(characters)
}
