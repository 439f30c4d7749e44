import Foundation

/// L2-regularised logistic regression: the loss and its hand-written gradient, as a project would have
/// them in its own code (plain `Double`, no GradCheck).
///
///     L(w) = Σᵢ log(1 + exp(−yᵢ·(w·xᵢ))) + ½·λ·‖w‖²
///     ∇L(w) = −Σᵢ yᵢ·σ(−yᵢ·(w·xᵢ))·xᵢ + λ·w,   σ(t) = 1 / (1 + e⁻ᵗ)
public struct LogisticLoss: Sendable {
    /// The samples: features xᵢ and labels yᵢ ∈ {−1, +1}.
    public var features: [[Double]]
    public var labels: [Double]
    /// The regularisation weight λ.
    public var lambda: Double

    public init(features: [[Double]], labels: [Double], lambda: Double) {
        self.features = features
        self.labels = labels
        self.lambda = lambda
    }

    /// A small fixed data set with three features.
    public static let example = LogisticLoss(
        features: [[1, 0.5, -1], [0.2, -1.5, 0.3], [-0.7, 0.1, 2], [1.1, 1.3, -0.4]],
        labels: [1, -1, 1, -1],
        lambda: 0.1)

    /// L(w).
    public func value(_ w: [Double]) -> Double {
        var sum = 0.0
        for (x, y) in zip(features, labels) {
            sum += log1p(exp(-y * dot(w, x)))
        }
        return sum + 0.5 * lambda * dot(w, w)
    }

    /// ∇L(w), written by hand.
    public func gradient(_ w: [Double]) -> [Double] {
        var g = w.map { lambda * $0 }
        for (x, y) in zip(features, labels) {
            let weight = -y / (1 + exp(y * dot(w, x)))  // −y·σ(−y·w·x)
            for j in g.indices { g[j] += weight * x[j] }
        }
        return g
    }

    /// The gradient with a classic bug: the regularisation term λ·w forgotten.
    public func gradientForgettingRegularisation(_ w: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: w.count)
        for (x, y) in zip(features, labels) {
            let weight = -y / (1 + exp(y * dot(w, x)))
            for j in g.indices { g[j] += weight * x[j] }
        }
        return g
    }

    func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
