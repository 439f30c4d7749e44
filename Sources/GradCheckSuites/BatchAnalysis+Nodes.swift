/// The elementwise nodes of batched loops. Each node writes its own scratch buffer; a node whose inputs
/// are all the same for every iteration computes once.
extension BatchAnalysis {
    /// `f` applied to every value of `operand`.
    mutating func map(_ operand: @escaping BatchCode, _ f: @escaping (Double) -> Double) -> BatchCode {
        let out = node()
        return { context in
            switch operand(context) {
            case .scalar(let x): return .scalar(f(x))
            case .buffer(let xs):
                let buffer = context.buffer(out)
                for j in 0..<context.count { buffer[j] = f(xs[j]) }
                return .buffer(buffer)
            }
        }
    }

    /// A cheap unary operation applied to every value, specialised per operation.
    mutating func map<Op: UnaryOperation>(_: Op.Type, _ operand: @escaping BatchCode) -> BatchCode {
        let out = node()
        return { context in
            switch operand(context) {
            case .scalar(let x): return .scalar(Op.apply(x))
            case .buffer(let xs):
                let buffer = context.buffer(out)
                for j in 0..<context.count { buffer[j] = Op.apply(xs[j]) }
                return .buffer(buffer)
            }
        }
    }

    /// An arithmetic operator applied pairwise, specialised per operator so that the loops vectorise.
    mutating func zip<Op: ArithmeticOperation>(_: Op.Type, _ lhs: @escaping BatchCode, _ rhs: @escaping BatchCode) -> BatchCode {
        let out = node()
        return { context in
            let buffer = context.buffer(out)
            switch (lhs(context), rhs(context)) {
            case (.scalar(let a), .scalar(let b)):
                return .scalar(Op.apply(a, b))
            case (.buffer(let a), .scalar(let b)):
                for j in 0..<context.count { buffer[j] = Op.apply(a[j], b) }
            case (.scalar(let a), .buffer(let b)):
                for j in 0..<context.count { buffer[j] = Op.apply(a, b[j]) }
            case (.buffer(let a), .buffer(let b)):
                for j in 0..<context.count { buffer[j] = Op.apply(a[j], b[j]) }
            }
            return .buffer(buffer)
        }
    }

    /// A function of two arguments applied pairwise.
    mutating func zipFunction(
        _ lhs: @escaping BatchCode, _ rhs: @escaping BatchCode, _ f: @escaping (Double, Double) -> Double
    ) -> BatchCode {
        let out = node()
        return { context in
            let (a, b) = (lhs(context), rhs(context))
            if case .scalar(let x) = a, case .scalar(let y) = b { return .scalar(f(x, y)) }
            let buffer = context.buffer(out)
            for j in 0..<context.count { buffer[j] = f(a[j], b[j]) }
            return .buffer(buffer)
        }
    }
}

/// Negation and squaring as types, so that their batched loops are specialised per operation.
protocol UnaryOperation {
    static func apply(_ x: Double) -> Double
}

enum NegateOperation: UnaryOperation {
    @inline(__always) static func apply(_ x: Double) -> Double { -x }
}

/// `x^2` in `Double`: `x * x`, as the scalar code computes it.
enum SquareOperation: UnaryOperation {
    @inline(__always) static func apply(_ x: Double) -> Double { x * x }
}
