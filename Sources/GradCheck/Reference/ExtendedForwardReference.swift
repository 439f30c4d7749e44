import GradCheckCore

/// The standard reference: exact forward mode (all partials at once) in ``ExtendedReal``.
///
/// In `Float80` (ε ≈ 1.1e-19) its rounding errors are about 2,000 times smaller than `Double`'s, so a
/// `Double` strategy's error against it is the strategy's own error. The rules are those of
/// ``ReferenceNumber``, independent of every strategy.
public struct ExtendedForwardReference: ReferenceDerivative {
    public init() {}

    public var description: String { "forward mode (all partials at once) in \(ExtendedReal.precisionName)" }

    public func evaluate(
        _ function: any TestFunction, at point: [ExtendedReal]
    ) throws -> (value: [ExtendedReal], jacobian: [[ExtendedReal]]) {
        let inputs = point.indices.map { ReferenceNumber(input: point[$0], index: $0, count: point.count) }
        let outputs = try function.evaluate(inputs)
        let rows = outputs.map { output in
            output.partials.isEmpty ? [ExtendedReal](repeating: 0, count: point.count) : output.partials
        }
        return (outputs.map(\.value), rows)
    }
}
