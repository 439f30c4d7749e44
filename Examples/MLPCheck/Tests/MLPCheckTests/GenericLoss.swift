import GradCheckTesting
import MLPCheck

/// The same loss as ``TinyMLP/loss(_:)``, written once over any ``DifferentiableScalar`` so that the
/// check can use exact extended-precision AD as its reference (the generic shape): a pinned failure text
/// then has exact numbers in it. ``genericCopyMatchesTheShippedLoss`` keeps it equal to the shipped code (`expectGenericCopy`).
struct GenericMLPLoss: GenericScalarFunction {
    let samples: [(x: [Double], t: [Double])]

    init(_ mlp: TinyMLP) { samples = mlp.samples }

    func callAsFunction<S: DifferentiableScalar>(_ theta: [S]) throws -> S {
        let (inputs, hidden, outputs) = (TinyMLP.inputs, TinyMLP.hidden, TinyMLP.outputs)
        let b1 = hidden * inputs, w2 = b1 + hidden, b2 = w2 + outputs * hidden
        var sum = S(0)
        for (x, t) in samples {
            let h = (0..<hidden).map { i in
                S.tanh((0..<inputs).reduce(theta[b1 + i]) { $0 + theta[i * inputs + $1] * S(x[$1]) })
            }
            for k in 0..<outputs {
                let y = (0..<hidden).reduce(theta[b2 + k]) { $0 + theta[w2 + k * hidden + $1] * h[$1] }
                sum = sum + (y - S(t[k])) * (y - S(t[k]))
            }
        }
        return sum / S(Double(2 * samples.count))
    }
}

extension ParameterLayout {
    /// The example's layout: W1 4×3, b1 4, W2 2×4, b2 2.
    static let tinyMLP = ParameterLayout(TinyMLP.layout)
}
