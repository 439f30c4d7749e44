/// The built-in functions of the language and their arities.
///
/// Real functions of one argument: `sin cos tan cot asin acos atan sinh cosh tanh exp expm1 log log1p
/// log2 log10 sqrt cbrt abs sigmoid softplus relu erf`. Of two: `atan2(y, x)`, `pow(x, y)` (always the real
/// power `S.pow(x, y)`; write `x^n` for an integer power), `hypot(x, y)`, `max(a, b)`, `min(a, b)`.
/// `abs`, `max` and `min` of Int arguments are Int (so that they can compute indices).
/// `len(v)` is the length of a vector (the number of rows of a matrix); `zeros(n)` a vector of n zeros,
/// `zeros(m, n)` an m × n matrix of zeros (for building Jacobians).
enum Builtin {
    case real1(RealFunction1)
    case real2(RealFunction2)
    case len
    case zeros

    init?(_ name: String) {
        if let function = RealFunction1(rawValue: name) {
            self = .real1(function)
        } else if let function = RealFunction2(rawValue: name) {
            self = .real2(function)
        } else if name == "len" {
            self = .len
        } else if name == "zeros" {
            self = .zeros
        } else {
            return nil
        }
    }

    /// The numbers of arguments accepted.
    var arity: ClosedRange<Int> {
        switch self {
        case .real1, .len: 1...1
        case .real2: 2...2
        case .zeros: 1...2
        }
    }

    /// Every built-in name, for suggestions and to reserve them.
    static let names: [String] =
        RealFunction1.allCases.map(\.rawValue) + RealFunction2.allCases.map(\.rawValue) + ["len", "zeros"]
}

/// Attribute values are constants: these evaluate the built-ins on `Double` for them.
extension RealFunction1 {
    func apply(_ x: Double) -> Double {
        switch self {
        case .sin: .sin(x)
        case .cos: .cos(x)
        case .tan: .tan(x)
        case .cot: .cot(x)
        case .asin: .asin(x)
        case .acos: .acos(x)
        case .atan: .atan(x)
        case .sinh: .sinh(x)
        case .cosh: .cosh(x)
        case .tanh: .tanh(x)
        case .exp: .exp(x)
        case .expm1: .expm1(x)
        case .log: .log(x)
        case .log1p: .log1p(x)
        case .log2: .log2(x)
        case .log10: .log10(x)
        case .sqrt: .sqrt(x)
        case .cbrt: .cbrt(x)
        case .abs: Double.abs(x)
        case .sigmoid: .sigmoid(x)
        case .softplus: .softplus(x)
        case .relu: .relu(x)
        case .erf: .erf(x)
        }
    }
}

extension RealFunction2 {
    /// The function of its two arguments in the order they are written (`atan2(y, x)`).
    func apply(_ first: Double, _ second: Double) -> Double {
        switch self {
        case .atan2: .atan2(y: first, x: second)
        case .pow: .pow(first, second)
        case .hypot: .hypot(first, second)
        case .max: Double.max(first, second)
        case .min: Double.min(first, second)
        }
    }
}
