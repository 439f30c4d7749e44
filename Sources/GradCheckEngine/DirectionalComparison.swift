import GradCheckCore

/// Checks a derivative along k seeded random directions instead of entry by entry, and, where a
/// direction disagrees, finds the wrong entries by group testing.
///
/// **The comparison.** For a Rademacher direction u (uⱼ = ±1, one random bit each) with support S and an
/// output row i, the derivative under test g gives gᵢ·u = Σ_{j∈S} gᵢⱼ·uⱼ (summed in ``ExtendedReal``,
/// where every product is exact) and the reference gives (J·u)ᵢ, exactly up to its own rounding. They
/// disagree when |gᵢ·u − (J·u)ᵢ| exceeds the allowance
///
///     τ = atol·|S| + rtol·(Aᵢ + Mᵢ + φ·|S|) + Eᵢ + |S|·ε_ext·Aᵢ
///     Aᵢ = Σ_{j∈S} |gᵢⱼ|,   Mᵢ ≥ Σ_{j∈S} |Jᵢⱼ|  (the reference's magnitudes along |u|),
///     φ  = floorFraction · max|g|  (and ≥ max|f|/max(1, max|x|) for difference tolerances),
///
/// where Eᵢ is the reference's own error estimate and the last term bounds the rounding of the sum.
/// Every term comes from the error model of a per-entry check (``EntryJudge``: atol + rtol·max(|rᵢⱼ|, φ)
/// per entry) summed over the |S| entries the direction touches: a derivative whose every entry is within
/// its per-entry allowance is within τ along every direction, at any n, so a correct derivative never
/// fails a directional check that it would pass entry by entry.
///
/// **The guarantee.** Let e = g − ∇f (one row) and suppose one entry is wrong by more than the
/// allowance: |e_q| > τ. Fix every sign but u_q: e·u = e_q·u_q + c, and the two values c ± |e_q| lie
/// 2|e_q| > 2τ apart, so at most one of them is in [−τ, τ]. Hence P(|e·u| ≤ τ) ≤ 1/2 for one direction,
/// and for k independent directions
///
///     P(escape) ≤ 2⁻ᵏ.
///
/// With m entries wrong by more than τ the Erdős–Littlewood–Offord inequality sharpens this to
/// (C(m, ⌊m/2⌋)/2ᵐ)ᵏ ≈ (2/(πm))^(k/2), attained when the m errors are equal. In relative terms: τ is
/// about 2·rtol·‖∇fᵢ‖₁ for an exact method, so every gradient with ‖e‖_∞ ≥ δ·‖∇fᵢ‖₁, δ > 2·rtol (plus the
/// atol and floor terms), escapes k directions with probability at most 2⁻ᵏ. An error spread thinly over
/// many entries, each below τ, is not covered by this bound (it is by a Gaussian direction's
/// P(|e·u| ≤ τ) ≤ √(2/π)·τ/‖e‖₂, which this check does not use).
///
/// **Localization.** A disagreeing direction's support is split in two halves; each half's restricted
/// direction is compared in the same way (its own τ; the reference along the left half from a new pass,
/// along the right half as the parent's minus the left's, J·u being linear in u), and the halves that
/// disagree are split again, down to single inputs: about 2·w·log₂ n comparisons in about
/// w·log₂ n / ``DirectionalSettings/bundleWidth`` reference passes for w wrong entries. A
/// single input's restricted derivative is ±Jᵢⱼ itself, so a localized entry is reported with its value,
/// its reference and its allowance, like an entry of a full check. After each localization the k
/// directions are compared again with the localized entries replaced by their reference values; a
/// direction that still disagrees is localized next, so wrong entries whose errors cancel in one
/// direction are found along another. Localization stops after ``DirectionalSettings/maximumLocalized``
/// entries (``DirectionalEvidence/capped``). A range that disagrees while neither half does is reported
/// as unresolved.
public struct DirectionalComparison: Sendable {
    public var tolerance: Tolerance
    public var settings: DirectionalSettings
    /// max|f| / max(1, max|x|), used only when the tolerance ``Tolerance/scalesWithValue``.
    public var valueScale: ExtendedReal
    /// How many times the reference's error estimate is allowed (1 for an exact reference's rounding
    /// bound; more for an extrapolation's heuristic estimate).
    public var estimateFactor: ExtendedReal

    public init(tolerance: Tolerance, settings: DirectionalSettings, valueScale: ExtendedReal = 0, estimateFactor: ExtendedReal = 1) {
        self.tolerance = tolerance
        self.settings = settings
        self.valueScale = valueScale
        self.estimateFactor = estimateFactor
    }

    /// One directional comparison: output row, direction, both sides and the allowance.
    public struct Record: Sendable, Hashable {
        public var row: Int
        public var direction: Int
        public var got: Double
        public var reference: Double
        public var error: Double
        public var allowed: Double
        public var disagrees: Bool
        /// error / allowed (∞ for a non-finite side).
        public var ratio: Double { error.isFinite ? (allowed > 0 ? error / allowed : (error > 0 ? .infinity : 0)) : .infinity }
    }

    /// The outcome at one point.
    public struct Outcome: Sendable {
        public var evidence: DirectionalEvidence
        /// The localized entries, each outside its allowance, by row then column.
        public var entries: [EntryJudgement]
        /// The comparison along the k full directions that was worst (largest ratio).
        public var worst: Record?
        /// Whether every one of the k directions agreed.
        public var agrees: Bool { evidence.failedDirections.isEmpty }
    }

    /// Compares `candidate` (rows: outputs, columns: inputs) with the reference along the sign vectors
    /// `signs`. `initial` is the reference along ``DirectionSet/full(_:)`` of `signs` (computed once per
    /// point and shared by every derivative checked there); `reference` computes it along any other set.
    public func compare(
        candidate: [[Double]], signs: [[Int8]], initial: DirectionalReferenceResult,
        reference: (DirectionSet) throws -> DirectionalReferenceResult
    ) rethrows -> Outcome {
        var rows = candidate
        let n = candidate.first?.count ?? 0
        let largest = candidate.joined().filter(\.isFinite).map(\.magnitude).max() ?? 0
        var floor = ExtendedReal(tolerance.floorFraction) * ExtendedReal(largest)
        if tolerance.scalesWithValue, valueScale.isFinite { floor = Swift.max(floor, valueScale) }
        var evidence = DirectionalEvidence(mode: settings.mode, directions: signs.count)
        evidence.referencePasses = (signs.count + settings.bundleWidth - 1) / Swift.max(1, settings.bundleWidth)

        func record(row i: Int, base d: Int, range: Range<Int>, derivative: ExtendedReal, magnitude: ExtendedReal, estimate: ExtendedReal) -> Record {
            var sum: ExtendedReal = 0, size: ExtendedReal = 0
            let row = rows[i], sign = signs[d]
            for j in range {
                let g = ExtendedReal(row[j])
                sum += sign[j] < 0 ? -g : g
                size += g.magnitude
            }
            let count = ExtendedReal(range.count)
            let allowed = ExtendedReal(tolerance.atol) * count
                + ExtendedReal(tolerance.rtol) * (size + magnitude + floor * count)
                + estimateFactor * estimate + count * ExtendedReal.ulpOfOne * size
            let error = (sum - derivative).magnitude
            return Record(
                row: i, direction: d, got: Double(sum), reference: Double(derivative), error: Double(error), allowed: Double(allowed),
                disagrees: !(error <= allowed))
        }
        func fullRecords() -> [Record] {
            signs.indices.flatMap { d in
                rows.indices.map { i in
                    record(
                        row: i, base: d, range: 0..<n, derivative: initial.derivatives[d][i], magnitude: initial.magnitudes[d][i],
                        estimate: initial.estimates[d][i])
                }
            }
        }

        let first = fullRecords()
        evidence.comparisons = first.count
        evidence.failedDirections = Array(Set(first.filter(\.disagrees).map(\.direction))).sorted()
        evidence.largestRatio = first.map(\.ratio).max() ?? 0
        let worst = first.max { $0.ratio < $1.ratio }
        var entries: [EntryJudgement] = []
        var tried = Set<[Int]>()
        var current = first
        localizing: while let failing = current.first(where: { $0.disagrees && !tried.contains([$0.direction, $0.row]) }) {
            tried.insert([failing.direction, failing.row])
            // A single input's direction is already ±e₀: it is the entry.
            if n == 1 { entries.append(entry(failing, column: 0, sign: signs[failing.direction][0], floor: floor)) }
            var frontier = n == 1 ? [] : [
                Segment(
                    range: 0..<n, derivative: initial.derivatives[failing.direction][failing.row],
                    magnitude: initial.magnitudes[failing.direction][failing.row],
                    estimate: initial.estimates[failing.direction][failing.row]),
            ]
            while !frontier.isEmpty {
                // The reference along each left half; the right half's is the parent's minus the left's.
                let lefts = frontier.map { $0.range.lowerBound..<($0.range.lowerBound + $0.range.count / 2) }
                let members = lefts.map { DirectionSet.Member(base: failing.direction, range: $0) }
                var derivatives: [ExtendedReal] = [], magnitudes: [ExtendedReal] = [], estimates: [ExtendedReal] = []
                let width = Swift.max(1, settings.bundleWidth)
                for start in stride(from: 0, to: members.count, by: width) {
                    let bundle = DirectionSet(signs: signs, members: Array(members[start..<Swift.min(start + width, members.count)]))
                    let result = try reference(bundle)
                    evidence.referencePasses += 1
                    derivatives += result.derivatives.map { $0[failing.row] }
                    magnitudes += result.magnitudes.map { $0[failing.row] }
                    estimates += result.estimates.map { $0[failing.row] }
                }
                evidence.comparisons += 2 * frontier.count
                var next: [Segment] = []
                for (p, parent) in frontier.enumerated() {
                    let left = Segment(range: lefts[p], derivative: derivatives[p], magnitude: magnitudes[p], estimate: estimates[p])
                    let right = parent.remainder(after: left)
                    var anyHalf = false
                    for half in [left, right] {
                        let r = record(
                            row: failing.row, base: failing.direction, range: half.range, derivative: half.derivative,
                            magnitude: half.magnitude, estimate: half.estimate)
                        guard r.disagrees else { continue }
                        anyHalf = true
                        if half.range.count == 1 {
                            let column = half.range.lowerBound
                            entries.append(entry(r, column: column, sign: signs[failing.direction][column], floor: floor))
                        } else {
                            next.append(half)
                        }
                    }
                    if !anyHalf { evidence.unresolved.append([parent.range.lowerBound, parent.range.upperBound]) }
                }
                if entries.count + next.count > settings.maximumLocalized {
                    evidence.capped = true
                    evidence.unresolved += next.map { [$0.range.lowerBound, $0.range.upperBound] }
                    break localizing
                }
                frontier = next
            }
            // Replace what was found by the reference and look again along every direction.
            for found in entries where rows[found.row][found.column] != found.reference {
                rows[found.row][found.column] = found.reference
            }
            current = fullRecords()
            evidence.comparisons += current.count
            if entries.count >= settings.maximumLocalized {
                evidence.capped = current.contains(where: \.disagrees)
                break
            }
        }
        entries.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        return Outcome(evidence: evidence, entries: entries, worst: worst)
    }

    /// A range of inputs under test, with the reference along its restricted direction.
    private struct Segment {
        var range: Range<Int>
        var derivative: ExtendedReal
        var magnitude: ExtendedReal
        var estimate: ExtendedReal

        /// The other half: J·u is linear in u, so J·u_right = J·u_parent − J·u_left (one reference pass
        /// per split instead of two). Its magnitude is the parent's minus the left's (the magnitudes are
        /// linear in |u| too), and its error bound the sum of both bounds plus the subtraction's rounding.
        func remainder(after left: Segment) -> Segment {
            Segment(
                range: left.range.upperBound..<range.upperBound, derivative: derivative - left.derivative,
                magnitude: Swift.max(0, magnitude - left.magnitude),
                estimate: estimate + left.estimate + ExtendedReal.ulpOfOne * (derivative.magnitude + left.derivative.magnitude))
        }
    }

    /// A localized entry: its restricted direction is ±eⱼ, so the reference along it is ±Jᵢⱼ.
    private func entry(_ record: Record, column j: Int, sign: Int8, floor: ExtendedReal) -> EntryJudgement {
        let reference = sign < 0 ? -record.reference : record.reference
        let value = sign < 0 ? -record.got : record.got
        let scale = Swift.max(reference.magnitude, Double(floor))
        return EntryJudgement(
            row: record.row, column: j, value: value, reference: reference, error: record.error, bound: record.allowed,
            basis: BoundBasis(
                rtol: tolerance.rtol, atol: tolerance.atol, floor: Double(floor), floorSource: .largestEntry, scale: scale,
                widening: 0, certifiedScale: scale),
            outcome: .outside)
    }
}

extension DirectionalComparison.Outcome {
    /// "2 of 8 random directions disagree (worst: (J·u) along #3: got …, reference …, allowed …); 3 wrong
    /// entries localized: ∂f/∂x[17]: got …, reference …; … [directional (auto): …]".
    public func failureSummary(for function: any TestFunction) -> String {
        failureSummary(inputNames: function.inputNames, outputCount: function.outputCount)
    }

    /// The same, for inputs named `inputNames` and `outputCount` outputs.
    public func failureSummary(inputNames names: [String], outputCount: Int) -> String {
        var text = "\(evidence.failedDirections.count) of \(evidence.directions) random directions disagree"
        if let worst {
            let row = outputCount == 1 ? "" : "[\(worst.row)]"
            let (got, want) = EntryFormatting.distinct(worst.got, worst.reference)
            text += " (worst: (J·u)\(row) along #\(worst.direction + 1): got \(got), reference \(want), allowed \(NumberText.short(worst.allowed)))"
        }
        let shown = entries.prefix(5).map { entry in
            let (got, want) = EntryFormatting.distinct(entry.value, entry.reference)
            let name = EntryNaming.name(
                EntryIndex(row: entry.row, column: entry.column), inputNames: names, outputCount: outputCount)
            return "\(name): got \(got), reference \(want)"
        }
        if entries.isEmpty {
            text += "; no single entry localized"
        } else {
            text += "; \(entries.count) wrong \(entries.count == 1 ? "entry" : "entries") localized\(evidence.capped ? " (capped)" : ""): "
                + shown.joined(separator: "; ") + (entries.count > shown.count ? "; …" : "")
        }
        return text + " [\(evidence.summary)]"
    }
}
