/// The syntax tree of a suite, as the parser builds it: untyped, names unresolved, every node carrying
/// the byte offset that diagnostics point at.

/// A whole file: its declarations in order.
struct SyntaxTree: Sendable {
    var declarations: [Declaration]
}

enum Declaration: Sendable {
    case function(FunctionDecl)
    case derivative(DerivativeDecl)
}

/// `func NAME(PARAMS) { … }` with its attributes and `///` description.
struct FunctionDecl: Sendable {
    var name: String
    var nameOffset: Int
    var parameters: [Parameter]
    var body: Block
    var attributes: [Attribute]
    var documentation: [String]
    /// The offset of the `func` keyword.
    var offset: Int
    /// Whether the parser reported errors inside it (its body is then checked without reporting, so that
    /// a skipped statement does not cascade into more errors).
    var hadSyntaxErrors = false
}

/// A parameter: `x` (a scalar) or `x[n]` (a vector whose length is bound to `n`).
struct Parameter: Sendable {
    var name: String
    var offset: Int
    var lengthName: String?
    var lengthOffset: Int
}

/// `gradient NAME { … }` or `jacobian NAME { … }`.
struct DerivativeDecl: Sendable {
    enum Kind: String, Sendable { case gradient, jacobian }
    var kind: Kind
    var target: String
    var targetOffset: Int
    var body: Block
    var attributes: [Attribute]
    var documentation: [String]
    var offset: Int
    var hadSyntaxErrors = false
}

/// `@name` or `@name(arguments)`.
struct Attribute: Sendable {
    var name: String
    /// The offset of the `@`.
    var offset: Int
    /// The arguments, or nil when the attribute has no parentheses.
    var arguments: [AttributeArgument]?
}

/// One argument of an attribute: `label: value` or `value`. Values are expressions, extended inside
/// attributes with strings, tuples `(a, b)` and ranges `lo...hi`.
struct AttributeArgument: Sendable {
    var label: String?
    var labelOffset: Int
    var value: Expr
}

/// `{ statements }`.
struct Block: Sendable {
    var statements: [Statement]
    /// The offset of the closing brace (where "missing return" points).
    var closeOffset: Int
}

struct Statement: Sendable {
    var kind: StatementKind
    var offset: Int
}

enum AssignmentOperator: String, Sendable {
    case assign = "="
    case add = "+="
    case subtract = "-="
    case multiply = "*="
    case divide = "/="

    /// The arithmetic a compound assignment performs.
    var binary: BinaryOperator? {
        switch self {
        case .assign: nil
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        }
    }
}

/// A declared type: `var k: Int = 0`.
enum TypeAnnotation: String, Sendable {
    case int = "Int"
    case real = "Real"
    case bool = "Bool"
    case vector = "Vector"
}

/// The target of an assignment: `name`, `name[i]` or `name[i][j]`.
struct AssignmentTarget: Sendable {
    var name: String
    var nameOffset: Int
    var indices: [Expr]
}

indirect enum StatementKind: Sendable {
    case declaration(isConstant: Bool, name: String, nameOffset: Int, type: TypeAnnotation?, value: Expr)
    case assignment(target: AssignmentTarget, op: AssignmentOperator, operatorOffset: Int, value: Expr)
    case conditional(branches: [(condition: Expr, body: Block)], otherwise: Block?)
    case forLoop(variable: String, variableOffset: Int, lower: Expr, upper: Expr, inclusive: Bool, body: Block)
    case whileLoop(condition: Expr, body: Block)
    case breakLoop
    case continueLoop
    case returnValue(Expr)
}

enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "!"
}

enum BinaryOperator: String, Sendable {
    case or = "||"
    case and = "&&"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case power = "^"

    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: true
        default: false
        }
    }
}

/// An expression: what it is, where it starts, and how deep its tree is (bounded by the parser so that
/// no later recursive pass can exhaust the stack). A chain of operators counts as deep as it is evaluated
/// (see ``OperatorChain``): one level per operator for a short chain, one level for a long one.
struct Expr: Sendable {
    var kind: ExprKind
    var offset: Int
    var depth: Int

    init(_ kind: ExprKind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        if case .chain(let first, let links) = kind {
            depth = OperatorChain.depth(first, links)
        } else {
            depth = 1 + kind.children.reduce(0) { max($0, $1.depth) }
        }
    }
}

indirect enum ExprKind: Sendable {
    case integer(Int?, Double)
    case real(Double)
    case boolean(Bool)
    case name(String)
    case call(name: String, arguments: [Expr])
    case index(Expr, Expr, bracketOffset: Int)
    case vector([Expr])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr, operatorOffset: Int)
    /// Two or more operators of one left-associative level (`a + b - c`, `p && q && r`): the first operand
    /// and the links, evaluated from left to right (see ``OperatorChain``). One operator is a `binary`.
    case chain(Expr, [ChainLink])
    /// Attributes only: `"text"`.
    case string(String)
    /// Attributes only: `(a, b, …)` with two or more entries.
    case tuple([Expr])
    /// Attributes only: `lo...hi`.
    case range(Expr, Expr)

    var children: [Expr] {
        switch self {
        case .integer, .real, .boolean, .name, .string: []
        case .call(_, let arguments): arguments
        case .index(let base, let index, _): [base, index]
        case .vector(let elements), .tuple(let elements): elements
        case .unary(_, let operand): [operand]
        case .binary(_, let lhs, let rhs, _): [lhs, rhs]
        case .chain(let first, let links): [first] + links.map(\.operand)
        case .range(let lower, let upper): [lower, upper]
        }
    }
}
