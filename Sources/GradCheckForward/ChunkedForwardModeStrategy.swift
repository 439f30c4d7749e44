import GradCheckCore

/// Forward-mode automatic differentiation with ``ChunkedDual`` numbers: k directions per pass.
///
/// The inputs are split into chunks of k = ``ChunkSize/forInputCount(_:threshold:)`` (at most 16); pass p
/// seeds inputs pk … pk + k − 1 with the unit partials e₀ … e_{k−1} and reads k columns of the Jacobian
/// from the outputs' partials. A full Jacobian costs ⌈n/k⌉ passes instead of the n of ``ForwardModeStrategy``,
/// and each partial is computed by the same rule, in the same order, as a scalar dual number would
/// compute it, so the result is identical to scalar forward mode's.
///
/// Figures: `passes` = `functionEvaluations` = ⌈n/k⌉; `extra["chunkSize"]` = k.
public struct ChunkedForwardModeStrategy: DifferentiationStrategy {
    public var id: String { "forward-chunked" }
    public var family: StrategyFamily { .automatic }
    public var summary: String { "forward-mode AD carrying up to 16 partials per pass (⌈n/k⌉ passes)" }

    public init() {}

    public func derivative<R: RealNumber>(
        of function: any TestFunction, at point: [R], variant: DerivativeVariant
    ) throws -> StrategyOutput<R> {
        let k = ChunkSize.forInputCount(point.count)
        let jacobian: [[R]] = switch k {
        case 1: try Self.jacobian(of: function, at: point, width: ChunkedDual<1, R>.self)
        case 2: try Self.jacobian(of: function, at: point, width: ChunkedDual<2, R>.self)
        case 3: try Self.jacobian(of: function, at: point, width: ChunkedDual<3, R>.self)
        case 4: try Self.jacobian(of: function, at: point, width: ChunkedDual<4, R>.self)
        case 5: try Self.jacobian(of: function, at: point, width: ChunkedDual<5, R>.self)
        case 6: try Self.jacobian(of: function, at: point, width: ChunkedDual<6, R>.self)
        case 7: try Self.jacobian(of: function, at: point, width: ChunkedDual<7, R>.self)
        case 8: try Self.jacobian(of: function, at: point, width: ChunkedDual<8, R>.self)
        case 9: try Self.jacobian(of: function, at: point, width: ChunkedDual<9, R>.self)
        case 10: try Self.jacobian(of: function, at: point, width: ChunkedDual<10, R>.self)
        case 11: try Self.jacobian(of: function, at: point, width: ChunkedDual<11, R>.self)
        case 12: try Self.jacobian(of: function, at: point, width: ChunkedDual<12, R>.self)
        case 13: try Self.jacobian(of: function, at: point, width: ChunkedDual<13, R>.self)
        case 14: try Self.jacobian(of: function, at: point, width: ChunkedDual<14, R>.self)
        case 15: try Self.jacobian(of: function, at: point, width: ChunkedDual<15, R>.self)
        default: try Self.jacobian(of: function, at: point, width: ChunkedDual<16, R>.self)
        }
        let passes = point.isEmpty ? 1 : ChunkSize.passes(inputCount: point.count, chunkSize: k)
        return StrategyOutput(
            jacobian: jacobian,
            figures: StrategyFigures(functionEvaluations: passes, passes: passes, extra: ["chunkSize": Double(k)]))
    }

    /// The Jacobian of `function` at `point` by ⌈n/width⌉ passes of `ChunkedDual<width, R>`.
    public static func jacobian<let width: Int, R: RealNumber>(
        of function: any TestFunction, at point: [R], width _: ChunkedDual<width, R>.Type
    ) throws -> [[R]] {
        let n = point.count
        var inputs = point.map { ChunkedDual<width, R>(value: $0) }
        guard n > 0 else { return Array(repeating: [], count: try function.evaluate(inputs).count) }
        var jacobian: [[R]] = []
        var start = 0
        while start < n {
            let end = Swift.min(start + width, n)
            for j in start..<end { inputs[j].seed(direction: j - start) }
            let outputs = try function.evaluate(inputs)
            for j in start..<end { inputs[j].removePartials() }
            if start == 0 {
                jacobian = Array(repeating: Array(repeating: R(0), count: n), count: outputs.count)
            } else if outputs.count != jacobian.count {
                throw StrategyError.failed(
                    "the function returned \(outputs.count) outputs in a later pass but \(jacobian.count) before")
            }
            for (i, output) in outputs.enumerated() {
                let partials = output.partials
                for j in start..<end { jacobian[i][j] = partials[j - start] }
            }
            start = end
        }
        return jacobian
    }
}
