import GradCheck

/// A function of the benchmark: a compiled Swift program of n inputs and one output, generic over the
/// scalar type, with a hand-written gradient and a size parameter.
///
/// The benchmark calls ``value(_:)`` and ``handGradient(at:into:)`` on the concrete type, so every
/// strategy's number type gets a specialised copy of the program (no existential, no generic
/// dispatch): the plain `Double` evaluation is the same machine code a hand-written loop would be, and
/// the ratio time(∇f)/time(f) measures the strategy, not the calling convention.
///
/// Conformers are also ``TestFunction``s (`evaluate` returns `[value(x)]`), so the registry's strategies
/// and the extended-precision reference can run them too.
public protocol BenchmarkFunction: TestFunction {
    /// The name `--function` selects, e.g. `rosenbrock`.
    static var benchmarkName: String { get }
    /// One line: what is computed, with its formula.
    static var formula: String { get }
    /// The instance whose input count is as close to `size` as its shape allows (a k × k layer has k²).
    init(size: Int)
    /// The number of inputs n.
    var inputCount: Int { get }
    /// The program, over any scalar.
    func value<S: DifferentiableScalar>(_ x: [S]) -> S
    /// The gradient written by hand, into `gradient` (which has n entries).
    func handGradient<R: RealNumber>(at x: [R], into gradient: inout [R])
    /// The point the benchmark differentiates at (deterministic, well inside the domain).
    func benchmarkPoint() -> [Double]
}

extension BenchmarkFunction {
    public var id: FunctionID { FunctionID(suite: "bench", name: "\(Self.benchmarkName)[n=\(inputCount)]") }
    public var summary: String { Self.formula }
    public var tags: [String] { ["bench"] }
    public var inputNames: [String] { (0..<inputCount).map { "x[\($0)]" } }
    public var outputCount: Int { 1 }
    public var hasHandCodedDerivative: Bool { true }
    public var sampling: Sampling { Sampling(explicitPoints: [benchmarkPoint()]) }

    public func evaluate<S: DifferentiableScalar>(_ x: [S]) throws -> [S] {
        guard x.count == inputCount else {
            throw StrategyError.failed("\(id) takes \(inputCount) inputs, got \(x.count)")
        }
        return [value(x)]
    }

    public func handCodedDerivative<R: RealNumber>(_ variant: DerivativeVariant, at x: [R]) throws -> [[R]] {
        guard variant == .correct else { throw StrategyError.unsupported("\(id) has no mutants") }
        var gradient = [R](repeating: R(0), count: x.count)
        handGradient(at: x, into: &gradient)
        return [gradient]
    }
}

/// The benchmark's functions, by name.
public enum BenchmarkFunctions {
    /// Every benchmark function type, in table order.
    public static let all: [any BenchmarkFunction.Type] = [
        RosenbrockLoop.self, LogisticMap.self, SquarePlusOneProduct.self, DenseTanhLayer.self,
    ]

    /// The names `--function` accepts.
    public static var names: [String] { all.map { $0.benchmarkName } }

    /// The type named `name`, if any.
    public static func named(_ name: String) -> (any BenchmarkFunction.Type)? {
        all.first { $0.benchmarkName == name }
    }
}
