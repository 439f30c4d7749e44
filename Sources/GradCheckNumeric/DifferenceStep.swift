import GradCheckCore

/// Step sizes for finite differences, made exactly representable.
///
/// A difference quotient divides by the step it *meant* to take; if x + h rounds, the step actually taken
/// is (x + h) − x, not h, and the quotient is off by the rounding of h relative to itself (up to ε/h,
/// which dominates at small h). Taking h' = (x + h) − x, computed in the working precision, makes the
/// step exact: x + h' is representable and the quotient uses the true distance.
public enum DifferenceStep {
    /// h = scale · max(1, |x|), then made exactly representable at x.
    ///
    /// - Parameters:
    ///   - x: the coordinate being perturbed.
    ///   - scale: the relative step, e.g. √ε for a forward difference, ∛ε for a central one.
    public static func step<R: RealNumber>(at x: R, scale: R) -> R {
        let magnitude = x.magnitude
        let nominal = scale * (magnitude > R(1) ? magnitude : R(1))
        let exact = (x + nominal) - x
        return exact > R(0) ? exact : nominal
    }

    /// The point with coordinate `index` moved by `delta`.
    @inlinable public static func shifted<R: RealNumber>(_ point: [R], index: Int, by delta: R) -> [R] {
        var moved = point
        moved[index] = point[index] + delta
        return moved
    }
}
