import GradCheckCore
import GradCheckEngine

/// Compares a derivative with a reference entry by entry, and decides the point.
///
/// With φ = max(floorFraction · maxᵢⱼ |rᵢⱼ|, minimumFloor) (1 when that is 0), entry (i, j) is allowed an
/// absolute error of atol + rtol·max(|rᵢⱼ|, φ) + estimateFactor·eᵢⱼ, where eᵢⱼ is the reference's own
/// error estimate (0 for an exact reference). Its outcome:
/// - undecided when the reference entry or its estimate is not finite, or when the estimate exceeds
///   ``failureLimit``·max(|rᵢⱼ|, φ) (the reference has not even one digit);
/// - otherwise failed when the value is not finite or outside the allowed error (NaN never passes): the
///   error exceeds what the reference's own uncertainty can explain (4× its estimate), so it is real;
/// - otherwise undecided when the estimate exceeds ``decisionLimit``·max(|rᵢⱼ|, φ) — a reference that
///   uncertain could let a real error through, so it cannot vouch for a pass — and passed when not.
/// The point fails when an entry fails, is undecided when an entry is undecided, and passes otherwise.
struct EntryComparison {
    var tolerance: Tolerance
    var estimateFactor: Double
    var decisionLimit: Double
    /// The inputs' names in entry names (`x[0]`, `x[1]`, … for a function over an array).
    var inputNames: [String]
    /// Whether entries are named `∂f[i]/∂…` (a vector function) rather than `∂f/∂…`.
    var vectorValued: Bool
    /// A lower bound for the floor φ, from outside the derivative (see ``DifferenceReferenceCheck``).
    var minimumFloor: Double = 0
    /// Names for the entries, row by row, when they are not derivatives ∂fᵢ/∂xⱼ (a product J·u, say).
    var entryNames: [[String]]? = nil

    /// An estimate above this fraction of the entry's scale (10⁻¹) leaves the entry undecided even when the
    /// value is far from the reference: the reference does not know its first digit.
    static let failureLimit = 0.1

    func compare(
        at point: SamplePoint, function: String? = nil, candidate: [[Double]], reference: [[ExtendedReal]],
        estimates: [[Double]]?
    ) -> PointCheck {
        let shapeIsRight = candidate.count == reference.count
            && zip(candidate, reference).allSatisfy { $0.count == $1.count }
        guard shapeIsRight else {
            let got = "\(candidate.count)×\(candidate.map(\.count).max() ?? 0)"
            let want = "\(reference.count)×\(reference.first?.count ?? 0)"
            return PointCheck(
                point: point, function: function, outcome: .failed, message: "wrong shape: expected \(want), got \(got)")
        }
        let largest = reference.joined().filter(\.isFinite).map(\.magnitude).max() ?? 0
        let proposed = Swift.max(largest * ExtendedReal(tolerance.floorFraction), ExtendedReal(minimumFloor))
        let floor = proposed > 0 ? proposed : 1
        var entries: [EntryCheck] = []
        for (i, row) in reference.enumerated() {
            for (j, r) in row.enumerated() {
                let a = ExtendedReal(candidate[i][j])
                let scale = Swift.max(r.magnitude, floor)
                let estimate = estimates.map { ExtendedReal($0[i][j]) }
                let difference = (a - r).magnitude
                let allowed = ExtendedReal(tolerance.atol) + ExtendedReal(tolerance.rtol) * scale
                    + ExtendedReal(estimateFactor) * (estimate ?? 0)
                let e = estimate ?? 0
                let outcome: CheckOutcome
                if !r.isFinite || !e.isFinite || e > ExtendedReal(Self.failureLimit) * scale {
                    outcome = .undecided
                } else if !a.isFinite || !(difference <= allowed) {
                    outcome = .failed
                } else {
                    outcome = e > ExtendedReal(decisionLimit) * scale ? .undecided : .passed
                }
                entries.append(EntryCheck(
                    row: i, column: j, name: entryName(row: i, column: j), value: candidate[i][j], reference: Double(r),
                    absoluteError: a.isFinite ? Double(difference) : .nan,
                    relativeError: a.isFinite ? Double(difference / scale) : .nan,
                    allowed: Double(allowed), referenceEstimate: estimate.map { Double($0) }, outcome: outcome))
            }
        }
        if entries.contains(where: { $0.outcome == .failed }) {
            return PointCheck(point: point, function: function, outcome: .failed, entries: entries)
        }
        if let unsure = entries.first(where: { $0.outcome == .undecided }) {
            return PointCheck(
                point: point, function: function, outcome: .undecided, message: undecidedReason(unsure),
                entries: entries)
        }
        return PointCheck(point: point, function: function, outcome: .passed, entries: entries)
    }

    /// `∂f/∂x[1]` for a scalar function, `∂f[0]/∂x[1]` for a vector one.
    func entryName(row: Int, column: Int) -> String {
        if let entryNames, entryNames.indices.contains(row), entryNames[row].indices.contains(column) {
            return entryNames[row][column]
        }
        let input = inputNames.indices.contains(column) ? inputNames[column] : "x[\(column)]"
        return vectorValued ? "∂f[\(row)]/∂\(input)" : "∂f/∂\(input)"
    }

    /// `x[0]`, `x[1]`, …: the names of a function over an array.
    static func arrayInputNames(_ count: Int) -> [String] { (0..<count).map { "x[\($0)]" } }

    private func undecidedReason(_ entry: EntryCheck) -> String {
        guard entry.reference.isFinite, let estimate = entry.referenceEstimate, estimate.isFinite else {
            return "no difference stencil near the point gave a finite value for \(entry.name): "
                + "the function is not finite or not differentiable around the point"
        }
        return "the reference's error estimate for \(entry.name) (\(NumberText.short(estimate))) is too large to decide "
            + "(more than \(NumberText.short(decisionLimit)) of the entry's scale): a kink, a discontinuity or noise near the point?"
    }
}
