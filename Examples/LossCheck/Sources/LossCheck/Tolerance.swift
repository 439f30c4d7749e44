/// When gradient descent on the loss stops: the gradient's norm is small enough, or the iterations are
/// spent.
///
/// Its name is also the name of a type inside GradCheck; `import GradCheckTesting` re-exports only the
/// vocabulary of the assertions, so the two never make `Tolerance` ambiguous in this project's tests.
public struct Tolerance: Sendable {
    /// Stop when ‖∇L(w)‖₂ ≤ this.
    public var gradientNorm: Double
    /// Stop after this many steps whatever the gradient.
    public var maximumIterations: Int

    public init(gradientNorm: Double, maximumIterations: Int) {
        self.gradientNorm = gradientNorm
        self.maximumIterations = maximumIterations
    }
}
