import Foundation
import GradCheckCore
import GradCheckEngine
import GradCheckReports
import GradCheckReverse

/// Renders a ``ComputationTrace`` as the first article prints it: text, Markdown tables, or a Graphviz graph.
public struct TraceReport {
    public var function: FunctionID
    public var point: [Double]
    public var trace: ComputationTrace
    /// The input whose tangent trace is shown.
    public var tangentInput: Int

    public init(function: FunctionID, point: [Double], trace: ComputationTrace, tangentInput: Int) {
        self.function = function
        self.point = point
        self.trace = trace
        self.tangentInput = tangentInput
    }

    // MARK: Text and Markdown

    public func text() -> String {
        render(markdown: false)
    }

    public func markdown() -> String {
        render(markdown: true)
    }

    private func render(markdown: Bool) -> String {
        let at = point.map { NumberText.short($0) }.joined(separator: ", ")
        let name = TerminalText.visible(function.description)
        var out = markdown ? "## Trace of `\(name)` at (\(at))\n\n" : "trace of \(name) at (\(at))\n\n"
        let direction = trace.inputNames[tangentInput]
        let (adjointSteps, gradient) = trace.adjointTrace()
        out += section("Forward primal trace", markdown: markdown, rows: primalRows(), headers: ["node", "computation", "value"])
        out += section(
            "Forward tangent trace (∂/∂\(direction))", markdown: markdown, rows: tangentRows(), headers: ["tangent", "rule", "value"])
        out += section(
            "Reverse adjoint trace (ȳ = 1)", markdown: markdown, rows: adjointRows(adjointSteps),
            headers: ["adjoint", "update", "value"])
        let names = trace.inputNames.indices.map { "∂f/∂\(trace.inputNames[$0]) = \(Self.adjoint($0 + 1 - trace.inputCount)) = \(NumberText.short(gradient[$0]))" }
        out += (markdown ? "Gradient: " : "gradient: ") + names.joined(separator: ", ") + "\n"
        return out
    }

    private func section(_ title: String, markdown: Bool, rows: [[String]], headers: [String]) -> String {
        if markdown {
            var out = "### \(title)\n\n| " + headers.joined(separator: " | ") + " |\n|"
            out += headers.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(MarkdownEscaping.cell).joined(separator: " | ") + " |\n" }
            return out + "\n"
        }
        var table = TextTable(headers: headers, alignments: [.left, .left, .right])
        for row in rows { table.append(row) }
        return title + "\n" + table.render() + "\n"
    }

    private func primalRows() -> [[String]] {
        var rows = trace.nodes.map { node -> [String] in
            let computation = node.operation == .input
                ? trace.inputNames[node.label + trace.inputCount - 1] : expression(node)
            return [Self.primal(node.label), computation, NumberText.short(node.value)]
        }
        for (index, output) in trace.outputs.enumerated() {
            let name = trace.outputs.count == 1 ? "y" : "y\(Self.subscripted(index + 1))"
            rows.append([name, output.map(Self.primal) ?? "constant", ""])
        }
        return rows
    }

    private func tangentRows() -> [[String]] {
        trace.tangentTrace(input: tangentInput).map { step in
            let rule: String
            if step.terms.isEmpty {
                rule = step.label + trace.inputCount - 1 == tangentInput ? "seed" : "0"
            } else {
                let symbols = step.terms.map { "∂\(Self.primal(step.label))/∂\(Self.primal($0.operand))·\(Self.tangent($0.operand))" }
                let numbers = step.terms.map { "\(Self.parenthesised($0.partial))·\(Self.parenthesised($0.tangent))" }
                rule = symbols.joined(separator: " + ") + " = " + numbers.joined(separator: " + ")
            }
            return [Self.tangent(step.label), rule, NumberText.short(step.tangent)]
        }
    }

    private func adjointRows(_ steps: [ComputationTrace.AdjointStep]) -> [[String]] {
        var rows: [[String]] = []
        if let output = trace.outputs.first.flatMap({ $0 }) { rows.append([Self.adjoint(output), "seed", "1"]) }
        for step in steps {
            let target = Self.adjoint(step.target)
            let update = (step.accumulates ? "\(target) + " : "")
                + "\(Self.adjoint(step.source))·∂\(Self.primal(step.source))/∂\(Self.primal(step.target))"
                + " = " + (step.accumulates ? "\(NumberText.short(step.adjoint - step.sourceAdjoint * step.partial)) + " : "")
                + "\(Self.parenthesised(step.sourceAdjoint))·\(Self.parenthesised(step.partial))"
            rows.append([target, update, NumberText.short(step.adjoint)])
        }
        return rows
    }

    /// `v₀²`, `sin v₁`, `v₋₁ / v₂`, `√v₄`, `v₋₁ · v₅`, `atan2(v₁, v₂)`.
    func expression(_ node: ComputationTrace.Node) -> String {
        let a = node.operands.map(operandText)
        switch node.operation {
        case .add: return a.joined(separator: " + ")
        case .subtract: return a.joined(separator: " − ")
        case .negate: return "−" + (a.first ?? "?")
        case .multiply: return a.joined(separator: " · ")
        case .divide: return a.joined(separator: " / ")
        case .integerPower:
            if node.operands.count == 2, case .constant(let n) = node.operands[1], let exponent = Int(exactly: n) {
                return a[0] + Self.superscripted(exponent)
            }
            return a.joined(separator: "^")
        case .sqrt: return "√" + (a.first ?? "?")
        case .cbrt: return "∛" + (a.first ?? "?")
        case .atan2, .pow, .hypot: return "\(node.operation)(" + a.joined(separator: ", ") + ")"
        default: return "\(node.operation) " + a.joined(separator: ", ")
        }
    }

    private func operandText(_ operand: ComputationTrace.Operand) -> String {
        switch operand {
        case .node(let label): Self.primal(label)
        case .constant(let value): NumberText.short(value)
        }
    }

    // MARK: Graphviz

    /// The computational graph: one node per vᵢ (label, computation and value), an edge per operand,
    /// labelled with the local partial; inputs as boxes, outputs double-circled.
    public func dot() -> String {
        var out = "digraph \"\(DotEscaping.string(function.description))\" {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n"
        let outputs = Set(trace.outputs.compactMap { $0 })
        for node in trace.nodes {
            let computation = node.operation == .input ? trace.inputNames[node.label + trace.inputCount - 1] : expression(node)
            let shape = node.operation == .input ? "box" : outputs.contains(node.label) ? "doublecircle" : "ellipse"
            let label = "\(Self.primal(node.label)) = \(computation)\\n\(NumberText.short(node.value))"
            out += "  n\(node.label + trace.inputCount) [shape=\(shape), label=\"\(DotEscaping.string(label, keepingNewlines: true))\"];\n"
        }
        for node in trace.nodes {
            for (operand, partial) in zip(node.operands, node.partials) {
                guard case .node(let source) = operand else { continue }
                out += "  n\(source + trace.inputCount) -> n\(node.label + trace.inputCount) [label=\"\(NumberText.short(partial))\"];\n"
            }
        }
        return out + "}\n"
    }

    // MARK: Notation

    // The digits of |n| come from `magnitude`, which is defined for Int.min too (`abs` is not).

    static func subscripted(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return (n < 0 ? "₋" : "") + String(String(n.magnitude).map { digits[Int(String($0))!] })
    }

    static func superscripted(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(n.magnitude).map { digits[Int(String($0))!] })
    }

    static func primal(_ label: Int) -> String { "v" + subscripted(label) }
    static func tangent(_ label: Int) -> String { "v̇" + subscripted(label) }
    static func adjoint(_ label: Int) -> String { "v̄" + subscripted(label) }

    static func parenthesised(_ value: Double) -> String {
        value < 0 ? "(\(NumberText.short(value)))" : NumberText.short(value)
    }
}

/// Escaping for Markdown table cells.
enum MarkdownEscaping {
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
    }
}

/// Escaping for Graphviz double-quoted strings.
enum DotEscaping {
    /// `text` in a double-quoted DOT string: control characters shown as `\u{1B}` (``TerminalText``), then
    /// backslashes and quotes escaped; with `keepingNewlines`, the two characters `\n` stay a DOT line
    /// break.
    static func string(_ text: String, keepingNewlines: Bool = false) -> String {
        let escaped = TerminalText.visible(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return keepingNewlines ? escaped.replacingOccurrences(of: "\\\\n", with: "\\n") : escaped
    }
}
