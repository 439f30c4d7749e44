/// A function's own tolerance settings (`@tolerance(rtol:, atol:, floor:)` in a suite): each field that is
/// set replaces the strategy family's default; the others keep it.
public struct ToleranceOverride: Sendable, Hashable {
    public var rtol: Double?
    public var atol: Double?
    /// The floor φ as a fraction of the reference's largest entry (see `Tolerance` in GradCheckEngine); 0 makes the test
    /// purely componentwise, for gradients whose entries differ by many orders of magnitude.
    public var floorFraction: Double?

    public init(rtol: Double? = nil, atol: Double? = nil, floorFraction: Double? = nil) {
        self.rtol = rtol
        self.atol = atol
        self.floorFraction = floorFraction
    }
}
