import GradCheckCore

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

    /// How far rounding in the working precision `R` alone moves each entry of the Jacobian at `point`:
    /// δᵢⱼ = |J_R,ᵢⱼ − Jᵢⱼ|, where J_R is the Jacobian computed with the reference's own rules in `R` and
    /// J the extended-precision one. Nil when the reference cannot tell (the default).
    ///
    /// This is the measured sensitivity of the *derivative* to the working precision — the input
    /// rounding, the cancellations and the branch decisions every exact method in `R` goes through —
    /// as opposed to the rounding of f's value, which says nothing about the derivative.
    func roundingSensitivity<R: RealNumber>(
        _ function: any TestFunction, at point: [Double], jacobian: [[ExtendedReal]], in precision: R.Type
    ) -> [[ExtendedReal]]?

    /// J·u at `point` for every direction of `directions` (see ``DirectionalReferenceResult``), at a cost
    /// independent of the number of entries of J. Throws ``StrategyError/unsupported(_:)`` when the
    /// reference has no directional mode (the default).
    func directionalDerivatives(
        _ function: any TestFunction, at point: [ExtendedReal], along directions: DirectionSet
    ) throws -> DirectionalReferenceResult
}

extension ReferenceDerivative {
    public func directionalDerivatives(
        _ function: any TestFunction, at point: [ExtendedReal], along directions: DirectionSet
    ) throws -> DirectionalReferenceResult {
        throw StrategyError.unsupported("the reference \(description) has no directional mode")
    }

    public func roundingSensitivity<R: RealNumber>(
        _ function: any TestFunction, at point: [Double], jacobian: [[ExtendedReal]], in precision: R.Type
    ) -> [[ExtendedReal]]? { nil }
}

/// The reference at one point.
public struct ReferenceResult: Sendable {
    /// f(x).
    public var value: [ExtendedReal]
    /// The Jacobian rows.
    public var jacobian: [[ExtendedReal]]
    /// For each entry, the size of the terms that were summed into it (≥ |entry|; see the reference's
    /// number type): where it is much larger than the entry, the entry is what remains of a cancellation
    /// and no floating-point method can have it to more than about ε·magnitude. Nil when unknown.
    public var magnitudes: [[ExtendedReal]]?
    /// For each entry, how far rounding in the strategies' working precision alone moves it (see
    /// ``ReferenceDerivative/roundingSensitivity(_:at:jacobian:in:)``); set by the runner, nil when unknown.
    public var sensitivity: [[ExtendedReal]]?
    /// Why the reference is in doubt here, if it is: the cross-check disagreed beyond its own error
    /// estimate. No strategy is passed or failed at a disputed point.
    public var dispute: String?

    public init(
        value: [ExtendedReal], jacobian: [[ExtendedReal]], magnitudes: [[ExtendedReal]]? = nil,
        sensitivity: [[ExtendedReal]]? = nil, dispute: String? = nil
    ) {
        self.value = value
        self.jacobian = jacobian
        self.magnitudes = magnitudes
        self.sensitivity = sensitivity
        self.dispute = dispute
    }
}
