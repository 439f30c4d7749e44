/// Patterns that hold across every wrong entry of a report, each a likely cause a person can act on.
///
/// A hint is given only when its pattern holds for *all* wrong entries (with finite values), so it
/// never guesses from one lucky entry among many:
/// - **a sign**: every got/reference ratio is within ``ratioTolerance`` of −1;
/// - **a factor of 2**: every ratio is within ``ratioTolerance`` of 2, or every one of ½;
/// - **an index shift by ±1**: every wrong entry equals (within ``ratioTolerance`` relatively) the
///   reference of its neighbour one column over, the same direction for all, and at least one of
///   them differs from its own reference by more than that (so equal neighbours prove nothing);
/// - **one block**: every wrong entry lies in one block of the report's ``ParameterLayout`` while the
///   layout has several blocks ("only W2 is wrong").
/// The ratios are relative to the reference entry, so an entry whose reference is 0 defeats the ratio
/// hints (no ratio is defined there).
public enum FailureHints {
    /// How close a ratio (or a neighbour's value) must be to the pattern: 10⁻⁶ relative, well above
    /// any reference's error and far below what a different bug would produce by chance.
    public static let ratioTolerance = 1e-6

    /// The hints that hold for `report`, in the order above; empty when the report has no wrong entry
    /// or no pattern holds.
    public static func hints(for report: GradientCheckReport) -> [String] {
        let wrong = report.points.flatMap { point in
            point.entries.filter { $0.outcome == .failed }.map { (point: point, entry: $0) }
        }
        let finite = wrong.filter { $0.entry.value.isFinite && $0.entry.reference.isFinite }
        guard !wrong.isEmpty, finite.count == wrong.count else { return [] }
        var hints: [String] = []
        let ratios = finite.map { $0.entry.reference == 0 ? Double.nan : $0.entry.value / $0.entry.reference }
        let count = wrong.count == 1 ? "the wrong entry is" : "every wrong entry is"
        if ratios.allSatisfy({ close($0, -1) }) {
            hints.append("\(count) ≈ −1× the reference: a sign?")
        } else if ratios.allSatisfy({ close($0, 2) }) {
            hints.append("\(count) ≈ 2× the reference: a factor of 2?")
        } else if ratios.allSatisfy({ close($0, 0.5) }) {
            hints.append("\(count) ≈ ½× the reference: a factor of 2?")
        }
        for shift in [1, -1] where isShift(shift, finite) {
            let sign = shift > 0 ? "+1" : "−1"
            let rule = shift > 0 ? "got[j] = reference[j+1]" : "got[j] = reference[j−1]"
            hints.append("\(count) the reference of its neighbour (\(rule)): an index shift by \(sign)?")
        }
        if let layout = report.layout, layout.blocks.count > 1 {
            // An entry named by the layout is a derivative with respect to that coordinate (a product
            // J·u, indexed by outputs, is not).
            let blocks = Set(wrong.map { wrong -> String? in
                let column = wrong.entry.column
                return wrong.entry.name.contains(layout.name(of: column)) ? layout.block(containing: column)?.name : nil
            })
            if blocks.count == 1, let name = blocks.first ?? nil {
                hints.append(
                    "all \(wrong.count) wrong \(wrong.count == 1 ? "entry lies" : "entries lie") in block \(name): only \(name) is wrong")
            }
        }
        return hints
    }

    /// Whether every entry equals its neighbour's reference `shift` columns over (same point and row).
    private static func isShift(_ shift: Int, _ wrong: [(point: PointCheck, entry: EntryCheck)]) -> Bool {
        struct Key: Hashable { var function: String?, point: Int, row: Int, column: Int }
        var references: [Key: Double] = [:]
        var seen = Set<Key>()
        for (check, _) in wrong where seen.insert(Key(function: check.function, point: check.point.index, row: 0, column: 0)).inserted {
            for entry in check.entries {
                references[Key(function: check.function, point: check.point.index, row: entry.row, column: entry.column)] = entry.reference
            }
        }
        var decisive = false
        for (point, entry) in wrong {
            let key = Key(function: point.function, point: point.point.index, row: entry.row, column: entry.column + shift)
            guard let neighbour = references[key],
                close(entry.value, neighbour, relativeTo: Swift.max(entry.value.magnitude, neighbour.magnitude))
            else { return false }
            if !close(neighbour, entry.reference, relativeTo: Swift.max(neighbour.magnitude, entry.reference.magnitude)) {
                decisive = true
            }
        }
        return decisive
    }

    private static func close(_ ratio: Double, _ target: Double) -> Bool {
        ratio.isFinite && (ratio - target).magnitude <= ratioTolerance * target.magnitude
    }

    private static func close(_ a: Double, _ b: Double, relativeTo scale: Double) -> Bool {
        (a - b).magnitude <= ratioTolerance * scale
    }
}
