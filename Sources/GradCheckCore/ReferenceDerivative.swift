/// The independent high-precision derivative every strategy is compared with.
///
/// The `GradCheck` module supplies the standard one (exact forward mode in ``ExtendedReal``); the runner
/// only needs this interface, so a different reference can be injected.
public protocol ReferenceDerivative: Sendable {
    /// How the reference is computed, for the run's metadata, e.g. "forward mode in Float80".
    var description: String { get }
    /// The function's value and the Jacobian rows at `point`, in extended precision.
    func evaluate(_ function: any TestFunction, at point: [ExtendedReal]) throws -> (value: [ExtendedReal], jacobian: [[ExtendedReal]])
}
