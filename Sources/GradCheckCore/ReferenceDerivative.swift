/// The independent high-precision derivative every strategy is compared with.
///
/// The `GradCheck` module supplies the standard one (exact forward mode in ``ExtendedReal``, cross-checked
/// against extrapolated differences); the runner only needs this interface, so a different reference
/// can be injected.
public protocol ReferenceDerivative: Sendable {
    /// How the reference is computed, for the run's metadata, e.g. "forward mode in Float80".
    var description: String { get }
    /// The function's value and Jacobian at `point` in extended precision, with the cross-check's verdict.
    func evaluate(_ function: any TestFunction, at point: [ExtendedReal]) throws -> ReferenceResult
}

/// The reference at one point.
public struct ReferenceResult: Sendable {
    /// f(x).
    public var value: [ExtendedReal]
    /// The Jacobian rows.
    public var jacobian: [[ExtendedReal]]
    /// Why the reference is in doubt here, if it is: the cross-check disagreed beyond its own error
    /// estimate. No strategy is passed or failed at a disputed point.
    public var dispute: String?

    public init(value: [ExtendedReal], jacobian: [[ExtendedReal]], dispute: String? = nil) {
        self.value = value
        self.jacobian = jacobian
        self.dispute = dispute
    }
}
