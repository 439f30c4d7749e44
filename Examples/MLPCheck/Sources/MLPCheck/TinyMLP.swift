import Foundation

/// A two-layer perceptron with a squared-error loss over a small fixed data set, and its backpropagation
/// written by hand, as a project would have them in its own code (plain `Double`, no GradCheck).
///
///     h = tanh(W1·x + b1)          W1: hidden × inputs, b1: hidden
///     y = W2·h + b2                W2: outputs × hidden, b2: outputs
///     L = (1/2N)·Σₛ ‖y(xₛ) − tₛ‖²
///
/// The parameters are one flat vector, block by block in the order of ``layout``, each matrix row by
/// row: W1 (4×3 = 12), b1 (4), W2 (2×4 = 8), b2 (2): 26 parameters.
///
/// Backpropagation (per sample, with δy = (y − t)/N):
///
///     ∂L/∂W2[k,i] += δy[k]·h[i]      ∂L/∂b2[k] += δy[k]
///     δh[i] = Σₖ W2[k,i]·δy[k]       δz[i] = δh[i]·(1 − h[i]²)
///     ∂L/∂W1[i,j] += δz[i]·x[j]      ∂L/∂b1[i] += δz[i]
public struct TinyMLP: Sendable {
    public static let inputs = 3, hidden = 4, outputs = 2

    /// The blocks of the parameter vector, in order, with their shapes.
    public static let layout: [(name: String, shape: [Int])] = [
        ("W1", [hidden, inputs]), ("b1", [hidden]), ("W2", [outputs, hidden]), ("b2", [outputs]),
    ]

    /// The number of parameters: 26.
    public static let parameterCount = hidden * inputs + hidden + outputs * hidden + outputs

    /// The samples: inputs xₛ and targets tₛ.
    public var samples: [(x: [Double], t: [Double])]

    public init(samples: [(x: [Double], t: [Double])]) {
        self.samples = samples
    }

    /// Five fixed samples.
    public static let example = TinyMLP(samples: [
        ([0.5, -1.0, 0.25], [1.0, 0.0]),
        ([-0.3, 0.8, 1.1], [0.0, 1.0]),
        ([1.2, 0.1, -0.7], [1.0, 1.0]),
        ([0.0, -0.4, 0.9], [0.0, 0.0]),
        ([-1.1, 0.6, -0.2], [1.0, -1.0]),
    ])

    /// A fixed parameter vector: 0.5·sin(k + 1) for parameter k.
    public static let initialParameters = (0..<parameterCount).map { 0.5 * sin(Double($0 + 1)) }

    /// L(θ).
    public func loss(_ theta: [Double]) -> Double {
        let p = Parameters(theta)
        var sum = 0.0
        for (x, t) in samples {
            let (_, y) = p.forward(x)
            for k in 0..<Self.outputs { sum += (y[k] - t[k]) * (y[k] - t[k]) }
        }
        return sum / Double(2 * samples.count)
    }

    /// ∇L(θ) by backpropagation, written by hand.
    public func gradient(_ theta: [Double]) -> [Double] {
        backpropagate(theta, hiddenUnitsInW2: Self.hidden)
    }

    /// The gradient with an off-by-one: the loop over hidden units that accumulates ∂L/∂W2 stops one
    /// short (`0..<hidden - 1`), so the last column of W2 gets no gradient. Deliberately wrong, for the
    /// tests that show how the check reports it.
    public func gradientWithOffByOneInW2(_ theta: [Double]) -> [Double] {
        backpropagate(theta, hiddenUnitsInW2: Self.hidden - 1)
    }

    private func backpropagate(_ theta: [Double], hiddenUnitsInW2: Int) -> [Double] {
        let p = Parameters(theta)
        var g = Parameters(zeros: ())
        let n = Double(samples.count)
        for (x, t) in samples {
            let (h, y) = p.forward(x)
            let dy = (0..<Self.outputs).map { (y[$0] - t[$0]) / n }
            var dh = [Double](repeating: 0, count: Self.hidden)
            for k in 0..<Self.outputs {
                for i in 0..<hiddenUnitsInW2 { g.w2[k][i] += dy[k] * h[i] }
                g.b2[k] += dy[k]
                for i in 0..<Self.hidden { dh[i] += p.w2[k][i] * dy[k] }
            }
            for i in 0..<Self.hidden {
                let dz = dh[i] * (1 - h[i] * h[i])
                for j in 0..<Self.inputs { g.w1[i][j] += dz * x[j] }
                g.b1[i] += dz
            }
        }
        return g.flattened
    }
}

/// The parameter blocks of ``TinyMLP`` as matrices and vectors.
struct Parameters {
    var w1: [[Double]], b1: [Double], w2: [[Double]], b2: [Double]

    /// Reads the blocks from the flat vector, in the layout's order.
    init(_ theta: [Double]) {
        var k = 0
        func take(_ count: Int) -> [Double] {
            defer { k += count }
            return Array(theta[k..<k + count])
        }
        w1 = (0..<TinyMLP.hidden).map { _ in take(TinyMLP.inputs) }
        b1 = take(TinyMLP.hidden)
        w2 = (0..<TinyMLP.outputs).map { _ in take(TinyMLP.hidden) }
        b2 = take(TinyMLP.outputs)
    }

    /// All zeros.
    init(zeros: Void) {
        self.init([Double](repeating: 0, count: TinyMLP.parameterCount))
    }

    var flattened: [Double] { w1.flatMap { $0 } + b1 + w2.flatMap { $0 } + b2 }

    /// The hidden activations h and the outputs y at x.
    func forward(_ x: [Double]) -> (h: [Double], y: [Double]) {
        let h = (0..<TinyMLP.hidden).map { i in
            tanh(zip(w1[i], x).reduce(b1[i]) { $0 + $1.0 * $1.1 })
        }
        let y = (0..<TinyMLP.outputs).map { k in zip(w2[k], h).reduce(b2[k]) { $0 + $1.0 * $1.1 } }
        return (h, y)
    }
}
