import GradCheckCore

extension ToleranceOverride {
    /// `base` with the fields that are set replaced.
    public func applied(to base: Tolerance) -> Tolerance {
        var tolerance = base
        if let rtol { tolerance.rtol = rtol }
        if let atol { tolerance.atol = atol }
        if let floorFraction { tolerance.floorFraction = floorFraction }
        return tolerance
    }
}
