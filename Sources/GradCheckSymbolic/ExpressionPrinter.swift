/// Writes expressions the way a person writes them: infix, with only the parentheses the precedence of
/// the operators requires.
///
/// Precedence, loosest first: sums and differences; products, quotients and negation; powers; atoms
/// (numbers, names, function calls). An operand gets parentheses when it binds more loosely than its
/// position allows: the right side of a difference cannot be a sum (`a - (b + c)`), the right side of a
/// quotient cannot be a product (`a/(2*b)`), a power's base must be an atom (`(x1 + 1)^2`), and a negative
/// operand after a binary operator is wrapped (`a*(-b)`, `a + (-2)`). Sums and products nest without
/// parentheses to the right as well (`a + b + c`), since they are associative in exact arithmetic.
///
/// ASCII only: `+ - * / ^`, `pi`, function names as in `ScalarElementaryFunctions` (`sqrt(x1)`,
/// `atan2(y, x)`, `pow(x, y)` for a real exponent, `x^3` for an integer one). Inputs are named from the
/// test function's `inputNames` (default `x1`, `x2`, …). The output is cut with "…" past
/// ``maximumLength`` characters or ``maximumDepth`` levels, so printing a swollen expression is cheap.
public struct ExpressionPrinter: Sendable {
    /// The names of the inputs, by index; missing names print as `x1`, `x2`, … (1-based).
    public var inputNames: [String]
    /// The longest output before it is cut with "…".
    public var maximumLength: Int
    /// The deepest nesting printed before it is cut with "…".
    public var maximumDepth: Int

    public init(inputNames: [String] = [], maximumLength: Int = 10_000, maximumDepth: Int = 200) {
        self.inputNames = inputNames
        self.maximumLength = maximumLength
        self.maximumDepth = maximumDepth
    }

    /// The text of `id` in `graph`.
    public func string(for id: NodeID, in graph: ExpressionGraph) -> String {
        var context = Context(graph: graph, printer: self)
        context.write(id, minimumLevel: 0, wrapSigned: false, depth: 0)
        return context.output
    }

    /// The text of an expression.
    public func string(for expression: SymbolicExpression) -> String {
        var graph = ExpressionGraph(nodeLimit: .max)
        guard let id = try? graph.add(expression) else { return "…" }
        return string(for: id, in: graph)
    }

    /// The name of input `i`.
    public func name(ofInput i: Int) -> String {
        inputNames.indices.contains(i) ? inputNames[i] : "x\(i + 1)"
    }

    /// A constant as written in an expression: integers without a decimal point, others in the shortest
    /// form that reads back to the same `Double` (`0.1`, `1e-10`), `inf`, `nan`.
    public static func format(_ c: Double) -> String {
        if c.isNaN { return "nan" }
        if c.isInfinite { return c < 0 ? "-inf" : "inf" }
        if c == c.rounded() && c.magnitude < 1e15 { return String(Int64(c)) }
        return "\(c)"
    }

    private struct Context {
        let graph: ExpressionGraph
        let printer: ExpressionPrinter
        var output = ""
        var truncated = false

        /// Precedence levels: 1 sum, 2 product (and signed terms), 3 power, 4 atom.
        func level(_ id: NodeID) -> Int {
            switch graph.operation(id) {
            case .add, .subtract: 1
            case .multiply, .divide, .negate: 2
            case .constant(let c): c < 0 || (c == 0 && c.sign == .minus) ? 2 : 4
            case .power: 3
            case .pi, .input, .function, .binary: 4
            }
        }

        func isSigned(_ id: NodeID) -> Bool {
            switch graph.operation(id) {
            case .negate: true
            case .constant(let c): c.sign == .minus && !c.isNaN
            default: false
            }
        }

        mutating func emit(_ text: String) {
            guard !truncated else { return }
            if output.utf8.count + text.utf8.count > printer.maximumLength {
                output += "…"
                truncated = true
            } else {
                output += text
            }
        }

        mutating func write(_ id: NodeID, minimumLevel: Int, wrapSigned: Bool, depth: Int) {
            guard !truncated else { return }
            guard depth <= printer.maximumDepth else { return emit("…") }
            let parenthesize = level(id) < minimumLevel || (wrapSigned && isSigned(id))
            if parenthesize { emit("(") }
            let a = graph.first(id), b = graph.second(id)
            let next = depth + 1
            switch graph.operation(id) {
            case .constant(let c): emit(ExpressionPrinter.format(c))
            case .pi: emit("pi")
            case .input(let i): emit(printer.name(ofInput: i))
            case .add:
                write(a!, minimumLevel: 1, wrapSigned: false, depth: next)
                emit(" + ")
                write(b!, minimumLevel: 1, wrapSigned: true, depth: next)
            case .subtract:
                write(a!, minimumLevel: 1, wrapSigned: false, depth: next)
                emit(" - ")
                write(b!, minimumLevel: 2, wrapSigned: true, depth: next)
            case .multiply:
                write(a!, minimumLevel: 2, wrapSigned: false, depth: next)
                emit("*")
                write(b!, minimumLevel: 2, wrapSigned: true, depth: next)
            case .divide:
                write(a!, minimumLevel: 2, wrapSigned: false, depth: next)
                emit("/")
                write(b!, minimumLevel: 3, wrapSigned: true, depth: next)
            case .negate:
                emit("-")
                write(a!, minimumLevel: 2, wrapSigned: true, depth: next)
            case .power(let n):
                write(a!, minimumLevel: 4, wrapSigned: true, depth: next)
                emit(n < 0 ? "^(\(n))" : "^\(n)")
            case .function(let f):
                emit(f.rawValue + "(")
                write(a!, minimumLevel: 0, wrapSigned: false, depth: next)
                emit(")")
            case .binary(let f):
                emit(f.rawValue + "(")
                write(a!, minimumLevel: 0, wrapSigned: false, depth: next)
                emit(", ")
                write(b!, minimumLevel: 0, wrapSigned: false, depth: next)
                emit(")")
            }
            if parenthesize { emit(")") }
        }
    }
}
