import GradCheckCore

/// The arguments of each attribute.
extension AttributeChecker {
    /// `@dimensions(n: 2, 10, 100, m: 3)`: a label starts the values of one length name.
    mutating func dimensions(_ attribute: Attribute, lengthNames: [String]) -> [(name: String, values: [Int])] {
        guard let arguments = arguments(attribute, example: "@dimensions(n: 2, 10, 100)") else { return [] }
        guard !lengthNames.isEmpty else {
            sink.error("'@dimensions' applies to functions with vector parameters, like 'func f(x[n])'", at: attribute.offset)
            return []
        }
        var groups: [String: [Int]] = [:]
        var current: String?
        for (position, argument) in arguments.enumerated() {
            if let label = argument.label {
                if !lengthNames.contains(label) {
                    let hint = NameSuggestion.hint(label, among: lengthNames)
                    sink.error("'\(label)' is not the length of a vector parameter\(hint)", at: argument.labelOffset)
                    current = nil
                    continue
                }
                if groups[label] != nil {
                    sink.error("duplicate dimension '\(label)'", at: argument.labelOffset)
                }
                current = label
                groups[label] = []
            } else if current == nil {
                if position == 0 {
                    sink.error("expected a length name first, as in @dimensions(\(lengthNames[0]): 2, 10)", at: argument.value.offset)
                }
                continue
            }
            guard let name = current else { continue }
            guard case .integer(let value?, _) = argument.value.kind, value >= 1, value <= Self.maximumDimension else {
                sink.error("a dimension is an integer from 1 to \(Self.maximumDimension)", at: argument.value.offset)
                continue
            }
            if groups[name, default: []].contains(value) {
                sink.error("duplicate value \(value) for '\(name)'", at: argument.value.offset)
                continue
            }
            groups[name, default: []].append(value)
        }
        var result: [(name: String, values: [Int])] = []
        var instances = 1
        for name in lengthNames {
            guard let values = groups[name], !values.isEmpty else {
                sink.error("'@dimensions' gives no values for '\(name)'", at: attribute.offset)
                return []
            }
            let (product, overflow) = instances.multipliedReportingOverflow(by: values.count)
            instances = overflow ? .max : product
            result.append((name, values))
        }
        if instances > Self.maximumInstances {
            sink.error("'@dimensions' makes \(instances) instances; at most \(Self.maximumInstances) are allowed", at: attribute.offset)
            return []
        }
        return result
    }

    /// `@points((a, b), …)`: each point a tuple with one value per parameter (a vector parameter takes
    /// `[…]`); a point of a one-parameter function may omit the parentheses.
    mutating func points(
        _ attribute: Attribute, parameters: [Parameter], dimensions: [(name: String, values: [Int])]
    ) -> [(arguments: [PointArgument], offset: Int)] {
        guard let arguments = arguments(attribute, example: "@points((1, 2), (0.5, -1))") else { return [] }
        var result: [(arguments: [PointArgument], offset: Int)] = []
        for argument in arguments {
            if argument.label != nil {
                sink.error("a point has no label; write its values in parameter order", at: argument.labelOffset)
                continue
            }
            let values: [Expr]
            if case .tuple(let elements) = argument.value.kind { values = elements } else { values = [argument.value] }
            guard values.count == parameters.count else {
                let names = parameters.map(\.name).joined(separator: ", ")
                let hint = values.count == 1 && parameters.count > 1 ? "; write each point as a tuple: @points((…))" : ""
                sink.error(
                    "a point needs \(parameters.count) value\(parameters.count == 1 ? "" : "s") (\(names)), but this one has \(values.count)\(hint)",
                    at: argument.value.offset)
                continue
            }
            var point: [PointArgument] = []
            var lengths: [String: Int] = [:]
            var valid = true
            for (parameter, value) in zip(parameters, values) {
                guard let lengthName = parameter.lengthName else {
                    if let number = finiteConstant(value) { point.append(.scalar(number)) } else { valid = false }
                    continue
                }
                guard case .vector(let elements) = value.kind else {
                    sink.error("'\(parameter.name)' is a vector: write its value as [a, b, …]", at: value.offset)
                    valid = false
                    continue
                }
                let numbers = elements.compactMap { finiteConstant($0) }
                guard numbers.count == elements.count else {
                    valid = false
                    continue
                }
                if let known = lengths[lengthName], known != numbers.count {
                    sink.error(
                        "'\(parameter.name)' has \(numbers.count) entries but another vector of length '\(lengthName)' has \(known)",
                        at: value.offset)
                    valid = false
                } else if let allowed = dimensions.first(where: { $0.name == lengthName })?.values,
                    !allowed.contains(numbers.count)
                {
                    let list = allowed.map(String.init).joined(separator: ", ")
                    sink.error(
                        "'\(parameter.name)' has \(numbers.count) entries, but @dimensions gives \(lengthName): \(list)",
                        at: value.offset)
                    valid = false
                }
                lengths[lengthName] = numbers.count
                point.append(.vector(numbers))
            }
            if valid { result.append((point, argument.value.offset)) }
        }
        return result
    }

    /// `@domain(x1: lo...hi, …)`: one interval per parameter.
    mutating func domain(_ attribute: Attribute, parameters: [Parameter]) -> [ClosedRange<Double>]? {
        guard let arguments = arguments(attribute, example: "@domain(x: -1...1)") else { return nil }
        var intervals: [String: ClosedRange<Double>] = [:]
        var valid = true
        let names = parameters.map(\.name)
        for argument in arguments {
            guard let label = argument.label else {
                sink.error("expected 'name: lo...hi'", at: argument.value.offset)
                valid = false
                continue
            }
            guard names.contains(label) else {
                sink.error("'\(label)' is not a parameter\(NameSuggestion.hint(label, among: names))", at: argument.labelOffset)
                valid = false
                continue
            }
            if intervals[label] != nil {
                sink.error("duplicate interval for '\(label)'", at: argument.labelOffset)
                valid = false
                continue
            }
            guard case .range(let lower, let upper) = argument.value.kind else {
                sink.error("expected an interval 'lo...hi' for '\(label)'", at: argument.value.offset)
                valid = false
                continue
            }
            guard let lo = finiteConstant(lower), let hi = finiteConstant(upper) else {
                valid = false
                continue
            }
            guard lo <= hi else {
                sink.error(
                    "the interval for '\(label)' is empty: \(Self.number(lo)) is greater than \(Self.number(hi))",
                    at: argument.value.offset)
                valid = false
                continue
            }
            intervals[label] = lo...hi
        }
        let missing = names.filter { intervals[$0] == nil }
        if valid, !missing.isEmpty {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            sink.error("'@domain' gives no interval for \(list)", at: attribute.offset)
        }
        return valid && missing.isEmpty ? names.map { intervals[$0]! } : nil
    }

    /// A number as written in a message: `3` rather than `3.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `@tags(a, b, "c d", non-smooth)`.
    mutating func tags(_ attribute: Attribute) -> [String] {
        guard let arguments = arguments(attribute, example: "@tags(classic, loop)") else { return [] }
        var result: [String] = []
        for argument in arguments {
            guard argument.label == nil, let tag = Self.tag(argument.value), !tag.isEmpty else {
                sink.error("a tag is a name (like 'loop' or 'non-smooth') or a string", at: argument.value.offset)
                continue
            }
            if result.contains(tag) {
                sink.error("duplicate tag '\(tag)'", at: argument.value.offset)
                continue
            }
            result.append(tag)
        }
        return result
    }

    /// A name, a string, or names joined by hyphens.
    static func tag(_ expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name): name
        case .string(let text): text
        case .integer(let value?, _): String(value)
        case .binary(.subtract, let lhs, let rhs, _):
            tag(lhs).flatMap { left in tag(rhs).map { "\(left)-\($0)" } }
        case .chain(let first, let links) where links.allSatisfy({ $0.op == .subtract }):
            hyphenated([first] + links.map(\.operand))
        default: nil
        }
    }

    /// The tags of `parts` joined by hyphens, or nil when one is not a tag.
    static func hyphenated(_ parts: [Expr]) -> String? {
        let words = parts.map(tag)
        return words.contains { $0 == nil } ? nil : words.compactMap { $0 }.joined(separator: "-")
    }

    /// `@tolerance(rtol: 1e-8, atol: 1e-12, floor: 0)`: each given value replaces the strategy family's
    /// default, the others keep it. `floor:` (an extension of the format) is the relative floor φ as a
    /// fraction of the reference's largest entry; 0 judges every entry on its own scale.
    mutating func tolerance(_ attribute: Attribute) -> ToleranceOverride? {
        guard let arguments = arguments(attribute, example: "@tolerance(rtol: 1e-8, atol: 1e-12)") else { return nil }
        var values: [String: Double] = [:]
        for argument in arguments {
            guard let label = argument.label, ["rtol", "atol", "floor"].contains(label) else {
                let hint = argument.label.map { NameSuggestion.hint($0, among: ["rtol", "atol", "floor"]) } ?? ""
                sink.error("expected 'rtol:', 'atol:' or 'floor:'\(hint)", at: argument.labelOffset)
                continue
            }
            if values[label] != nil {
                sink.error("duplicate '\(label)'", at: argument.labelOffset)
                continue
            }
            guard let value = finiteConstant(argument.value) else { continue }
            guard value >= 0 else {
                sink.error("a tolerance cannot be negative", at: argument.value.offset)
                continue
            }
            values[label] = value
        }
        guard !values.isEmpty else { return nil }
        return ToleranceOverride(rtol: values["rtol"], atol: values["atol"], floorFraction: values["floor"])
    }

    /// `@xfail("strategy-id", "reason")`.
    mutating func expectedFailure(_ attribute: Attribute) -> (String, String)? {
        guard let arguments = arguments(attribute, example: "@xfail(\"complex-step\", \"not analytic\")") else { return nil }
        guard arguments.count == 2, arguments.allSatisfy({ $0.label == nil }),
            case .string(let strategy) = arguments[0].value.kind, case .string(let reason) = arguments[1].value.kind
        else {
            sink.error("'@xfail' takes two strings: a strategy id and the reason", at: arguments[0].value.offset)
            return nil
        }
        let valid = !strategy.isEmpty && strategy.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard valid else {
            sink.error(
                "'\(strategy)' is not a strategy id (lower-case letters, digits and '-')", at: arguments[0].value.offset)
            return nil
        }
        guard !trimSpaces(reason).isEmpty else {
            sink.error("the reason of '@xfail' cannot be empty", at: arguments[1].value.offset)
            return nil
        }
        return (strategy, reason)
    }
}
