import GradCheckTesting

// Small models of the kind people check, each written once generically (so the same code runs as a
// closure over Double or Float and as a generic function against the exact reference), with a
// hand-written gradient and a wrong variant of it.

/// Whether a hand-written gradient is the right one or carries its typical bug.
enum GradientVariant: Sendable {
    case correct
    case wrong
}

/// Σᵢ huber(xᵢ − tᵢ) with δ = 1: r²/2 for |r| ≤ δ, δ·(|r| − δ/2) beyond. Its gradient is continuous (the
/// second derivative jumps at |r| = δ). The wrong gradient takes the inner branch everywhere.
struct HuberLoss: GenericScalarFunction {
    static let targets = [0.5, -0.25, 1.0]
    static let delta = 1.0

    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        var sum = S(0)
        for (xi, t) in zip(x, Self.targets) {
            let r = xi - S(t)
            sum += S.abs(r) <= S(Self.delta) ? r * r / 2 : S(Self.delta) * (S.abs(r) - S(Self.delta / 2))
        }
        return sum
    }

    static func gradient<S: DifferentiableScalar>(_ x: [S], _ variant: GradientVariant = .correct) -> [S] {
        zip(x, targets).map { xi, t in
            let r = xi - S(t)
            if S.abs(r) <= S(delta) || variant == .wrong { return r }
            return r > S(0) ? S(delta) : S(-delta)
        }
    }
}

/// Softmax cross-entropy of logits x for the label 2: log Σⱼ exp(xⱼ) − x₂ (shifted by the largest logit).
/// Gradient: softmax(x) − e₂. The wrong gradient flips its sign.
struct SoftmaxCrossEntropy: GenericScalarFunction {
    static let label = 2

    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        let top = x.reduce(x[0]) { S.max($0, $1) }
        return S.log(x.reduce(S(0)) { $0 + S.exp($1 - top) }) + top - x[Self.label]
    }

    static func gradient<S: DifferentiableScalar>(_ x: [S], _ variant: GradientVariant = .correct) -> [S] {
        let top = x.reduce(x[0]) { S.max($0, $1) }
        let e = x.map { S.exp($0 - top) }
        let total = e.reduce(S(0), +)
        let g = e.indices.map { e[$0] / total - (($0 == label) ? S(1) : S(0)) }
        return variant == .correct ? g : g.map { -$0 }
    }
}

/// Logistic regression's loss over four fixed samples, weights x[0…2] and bias x[3], plus λ‖w‖²:
/// (1/N) Σ softplus(−yₖ·(w·aₖ + b)) + λ·Σ wᵢ². The wrong gradient forgets the 2 of the penalty.
struct LogisticLoss: GenericScalarFunction {
    static let samples: [[Double]] = [[0.5, -1, 2], [1.5, 0.25, -0.5], [-1, 1, 0.75], [0.2, -0.3, -1.2]]
    static let labels: [Double] = [1, -1, 1, -1]
    static let lambda = 0.1

    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        var loss = S(0)
        for (a, y) in zip(Self.samples, Self.labels) {
            let z = zip(x, a).reduce(x[3]) { $0 + $1.0 * S($1.1) }
            loss += S.softplus(S(-y) * z)
        }
        return loss / S(Double(Self.samples.count)) + S(Self.lambda) * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2])
    }

    static func gradient<S: DifferentiableScalar>(_ x: [S], _ variant: GradientVariant = .correct) -> [S] {
        var g = [S](repeating: S(0), count: 4)
        let n = S(Double(samples.count))
        for (a, y) in zip(samples, labels) {
            let z = zip(x, a).reduce(x[3]) { $0 + $1.0 * S($1.1) }
            let weight = S(-y) * S.sigmoid(S(-y) * z) / n  // d softplus(−y·z)/dz
            for i in 0..<3 { g[i] += weight * S(a[i]) }
            g[3] += weight
        }
        let penalty = variant == .correct ? S(2 * lambda) : S(lambda)
        for i in 0..<3 { g[i] += penalty * x[i] }
        return g
    }
}

/// A two-layer perceptron's squared error on two fixed samples: parameters W (3×2, row-major, x[0…5]),
/// b (3, x[6…8]) and v (3, x[9…11]); output v·tanh(W·a + b), loss Σ ½(output − y)². The gradient is
/// hand-written backpropagation; the wrong one reads the hidden unit one index off for ∂/∂v.
struct TwoLayerPerceptron: GenericScalarFunction {
    static let inputs: [[Double]] = [[0.5, -1.25], [1.5, 0.75]]
    static let targets: [Double] = [0.3, -0.8]

    func callAsFunction<S: DifferentiableScalar>(_ x: [S]) throws -> S {
        var loss = S(0)
        for (a, y) in zip(Self.inputs, Self.targets) {
            let hidden = (0..<3).map { i in S.tanh(x[2 * i] * S(a[0]) + x[2 * i + 1] * S(a[1]) + x[6 + i]) }
            let output = (0..<3).reduce(S(0)) { $0 + x[9 + $1] * hidden[$1] }
            loss += (output - S(y)) * (output - S(y)) / 2
        }
        return loss
    }

    static func gradient<S: DifferentiableScalar>(_ x: [S], _ variant: GradientVariant = .correct) -> [S] {
        var g = [S](repeating: S(0), count: 12)
        for (a, y) in zip(inputs, targets) {
            let hidden = (0..<3).map { i in S.tanh(x[2 * i] * S(a[0]) + x[2 * i + 1] * S(a[1]) + x[6 + i]) }
            let output = (0..<3).reduce(S(0)) { $0 + x[9 + $1] * hidden[$1] }
            let error = output - S(y)
            for i in 0..<3 {
                g[9 + i] += error * hidden[variant == .correct ? i : (i + 1) % 3]
                let back = error * x[9 + i] * (S(1) - hidden[i] * hidden[i])
                g[2 * i] += back * S(a[0])
                g[2 * i + 1] += back * S(a[1])
                g[6 + i] += back
            }
        }
        return g
    }
}

/// The chained ("extended") Rosenbrock function Σᵢ₌₀ⁿ⁻² 100·(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², and its gradient.
enum ChainedRosenbrock {
    static func value(_ x: [Double]) -> Double {
        // Through a buffer pointer: the same sum in the same order, without bounds checks (a debug build
        // of the 10,000-input test evaluates it about 140,000 times).
        x.withUnsafeBufferPointer { x in
            var sum = 0.0
            for i in 0..<(x.count - 1) {
                let a = x[i + 1] - x[i] * x[i], b = 1 - x[i]
                sum += 100 * a * a + b * b
            }
            return sum
        }
    }

    static func gradient(_ x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        for i in 0..<(x.count - 1) {
            let a = x[i + 1] - x[i] * x[i]
            g[i] += -400 * x[i] * a - 2 * (1 - x[i])
            g[i + 1] += 200 * a
        }
        return g
    }

    /// xᵢ = 1 + 0.5·sin(i): a point of n inputs in [0.5, 1.5], away from the minimum.
    static func point(_ n: Int) -> [Double] { (0..<n).map { 1 + 0.5 * Double.sin(Double($0)) } }
}

/// `value` rounded to `bits` significant bits: a function with noise of relative size 2^−bits.
func roundedToBits(_ value: Double, _ bits: Int) -> Double {
    guard value != 0, value.isFinite else { return value }
    let quantum = Double(sign: .plus, exponent: value.exponent - (bits - 1), significand: 1)
    return (value / quantum).rounded() * quantum
}
