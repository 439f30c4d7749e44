import GradCheckCore

/// Richardson extrapolation of difference quotients over a geometric sequence of steps, with an error
/// estimate (Ridders' method, the tableau of Numerical Recipes' `dfridr`).
///
/// The quotient is computed at h₀, h₀/c, h₀/c², … (c = ``contraction``). Column k of the tableau removes
/// the next term of the error expansion: Aₖ(i) = (Aₖ₋₁(i)·q^k − Aₖ₋₁(i−1)) / (q^k − 1), with q = c² for a
/// central quotient (error in powers of h²) and q = c for a one-sided one (powers of h). Each new entry's
/// error is estimated as the larger of its distances to the two entries it was made from; the entry with
/// the smallest estimate is the answer. The sweep stops when the diagonal grows worse than ``safety``
/// times the best estimate (round-off has taken over) once the estimates have converged.
///
/// Because the steps start large (h₀ = ``initialStepFraction``·|x|, or that fraction of 1 at x = 0), the
/// truncation error is driven far below that of a single quotient at the optimal step: typically 12–14
/// correct digits in Double, against 10 for a central difference. Steps below √ε times the first step's
/// scale are never taken (their quotients are mostly round-off), and no estimate is below the round-off
/// of the smallest step's quotient (ε·(|f(x+h)| + |f(x−h)|)/2h) or 8ε·|value|.
public struct RichardsonExtrapolation: Sendable {
    /// h₀ as a fraction of |x| (of 1 where x = 0).
    public var initialStepFraction: Double = 0.1
    /// The ratio between successive steps.
    public var contraction: Double = 1.4
    /// The most usable steps in one tableau (h shrinks by c^(levels−1), about 10⁴ with the defaults);
    /// unusable steps before the first usable one are skipped without counting.
    public var levels: Int = 28
    /// The sweep may stop only once every entry's estimate is below this fraction of its value: until
    /// then a large first step may still be in the region where the quotient is meaningless (a step of
    /// many periods of an oscillation), whose erratic tableau must not end the sweep.
    public var convergedFraction: Double = 1e-6
    /// The factor by which the diagonal may grow before the sweep stops.
    public var safety: Double = 2
    /// Whether the quotients' ``DifferenceSample/noise`` is carried through the tableau (off by default).
    ///
    /// When on, each tableau entry carries the noise bound of the quotients it combines: the entry
    /// (q^k·a − b)/(q^k − 1) gets (q^k·nₐ + n_b)/(q^k − 1), so the noise of the first column is amplified by
    /// at most ∏ₖ (q^k + 1)/(q^k − 1) (≈ 8.6 for central quotients with c = 1.4). An entry's error is then
    /// max(tableau estimate, its noise), the best entry is the one with the smallest such error, and the
    /// sweep stops once a new quotient's noise alone exceeds every entry's best error: smaller steps only
    /// add noise. Use it when the noise of the function is measured (not the rounding bound ε·|f|/h).
    public var tracksNoise = false

    public init() {}

    /// The extrapolated quotient entry by entry, with its error estimate.
    public struct Estimate<R: RealNumber> {
        public var values: [R]
        public var errors: [R]
        /// The noise part of each error (with ``tracksNoise``; otherwise the round-off floor).
        public var noise: [R] = []
        /// How many quotients went into it.
        public var quotients: Int
    }

    /// The most unusable steps skipped before the first usable one (1.4⁻⁶⁰ ≈ 2·10⁻⁹ of the start).
    static let maximumSkips = 60

    /// The starting steps for coordinate value `x`: the fraction of max(1, |x|), and also of |x| itself
    /// when |x| is below 10⁻² (a coordinate that small may vary on its own scale).
    public func initialSteps<R: RealNumber>(at x: R) -> [R] {
        let magnitude = x.magnitude
        let fraction = R(initialStepFraction)
        let unit = fraction * (magnitude > R(1) ? magnitude : R(1))
        return magnitude > R(0) && magnitude < R(0.01) ? [unit, fraction * magnitude] : [unit]
    }

    /// Extrapolates from each of `starts` and keeps the result whose largest *relative* error estimate
    /// (estimate over max(|value|, the largest |value|·10⁻³)) is smallest: a start far too large for the
    /// function's scale can give a consistent-looking tableau of nonsense whose absolute estimate is small
    /// only because its values are.
    public func bestExtrapolation<R: RealNumber>(
        from starts: [R], errorExponentStep: Int, quotient: (R) throws -> DifferenceSample<R>?
    ) rethrows -> Estimate<R>? {
        var best: Estimate<R>?
        for start in starts {
            guard let estimate = try extrapolate(from: start, errorExponentStep: errorExponentStep, quotient: quotient) else {
                continue
            }
            if best == nil || Self.relativeError(estimate) < Self.relativeError(best!) { best = estimate }
        }
        return best
    }

    /// The largest error estimate relative to its value (floored at 10⁻³ of the largest value).
    static func relativeError<R: RealNumber>(_ estimate: Estimate<R>) -> R {
        let largest = estimate.values.map(\.magnitude).max() ?? R(0)
        let floor = largest * R(1e-3)
        return zip(estimate.values, estimate.errors).map { value, error in
            let scale = Swift.max(value.magnitude, floor)
            // All values zero: the estimate says nothing about accuracy (a symmetric function sampled at
            // steps far too large gives exact zeros), so it never wins against a start with a scale.
            return scale > R(0) ? error / scale : (error > R(0) ? R(Double.infinity) : R(0))
        }.max() ?? R(0)
    }

    /// Extrapolates `quotient(h)` to h → 0. `quotient` returns nil where the step is unusable (a stencil
    /// across a branch, a non-finite value): such steps before the first usable one are skipped; one after
    /// it ends the sweep. `errorExponentStep` is 2 for central quotients and 1 for one-sided ones.
    /// Returns nil when fewer than two steps were usable.
    public func extrapolate<R: RealNumber>(
        from h0: R, errorExponentStep: Int, quotient: (R) throws -> DifferenceSample<R>?
    ) rethrows -> Estimate<R>? {
        let c = R(contraction)
        // Below √ε relative to the first step's scale a quotient is mostly round-off: stop there.
        let smallestStep = R.sqrt(R.machineEpsilon) * h0 / R(initialStepFraction)
        let q = errorExponentStep == 2 ? c * c : c
        var h = h0
        var previousRow: [[R]] = []
        var best: [R] = [], bestError: [R] = [], bestNoise: [R] = []
        var used = 0
        var noise: [R] = []
        var previousNoiseRow: [[R]] = []
        // Steps skipped before the first usable one (a stencil across a branch, a value that is not finite) do
        // not count against `levels`, so a start far too large still reaches the steps that work.
        // A step that is zero or not finite (a start at a subnormal x) ends the sweep, and the skips are
        // bounded too: never more than `maximumSkips` unusable steps.
        var skipped = 0
        while used < levels && h >= smallestStep && h > R(0) && h.isFinite && skipped <= Self.maximumSkips {
            defer { h = h / c }
            guard let sample = try quotient(h), sample.values.allSatisfy(\.isFinite) else {
                if used > 0 { break }
                skipped += 1
                continue
            }
            let first = sample.values
            noise = sample.noise
            used += 1
            var row = [first]
            var noiseRow = [tracksNoise ? sample.noise : first.map { _ in R(0) }]
            if used == 1 {
                best = first
                bestError = first.map { _ in R(Double.infinity) }
                bestNoise = noiseRow[0]
            } else if tracksNoise, first.indices.allSatisfy({ noiseRow[0][$0] > bestError[$0] }) {
                break  // this quotient's noise alone exceeds every best error: smaller steps only add noise
            }
            var factor = q
            for k in 1..<(previousRow.count + 1) {
                let next = zip(row[k - 1], previousRow[k - 1]).map { (factor * $0 - $1) / (factor - 1) }
                let nextNoise = zip(noiseRow[k - 1], previousNoiseRow[k - 1]).map { (factor * $0 + $1) / (factor - 1) }
                factor = factor * q
                for e in next.indices {
                    let estimate = Swift.max(
                        (next[e] - row[k - 1][e]).magnitude, (next[e] - previousRow[k - 1][e]).magnitude, nextNoise[e])
                    if estimate <= bestError[e] {
                        bestError[e] = estimate
                        best[e] = next[e]
                        bestNoise[e] = nextNoise[e]
                    }
                }
                row.append(next)
                noiseRow.append(nextNoise)
            }
            if let last = row.last, previousRow.count >= 1, let previousLast = previousRow.last {
                let deteriorated = last.indices.allSatisfy { e in
                    bestError[e] <= R(convergedFraction) * best[e].magnitude
                        && (last[e] - previousLast[e]).magnitude >= R(safety) * bestError[e]
                }
                if deteriorated { break }
            }
            previousRow = row
            previousNoiseRow = noiseRow
        }
        guard used >= 2 else { return nil }
        if tracksNoise {
            let floor = best.indices.map { Swift.max(bestNoise[$0], 8 * R.machineEpsilon * best[$0].magnitude) }
            return Estimate(values: best, errors: zip(bestError, floor).map { Swift.max($0, $1) }, noise: bestNoise, quotients: used)
        }
        // No estimate is smaller than the round-off of the smallest step's quotient, nor than the rounding
        // of the value itself.
        let floor = best.indices.map { Swift.max(noise[$0], 8 * R.machineEpsilon * best[$0].magnitude) }
        return Estimate(values: best, errors: zip(bestError, floor).map { Swift.max($0, $1) }, noise: noise, quotients: used)
    }
}

/// One difference quotient and its round-off: noise ≈ ε·(|f(x + h)| + |f(x − h)|)/(2h) per entry for a
/// central quotient, ε·(|f(x + h)| + |f(x)|)/h for a one-sided one.
public struct DifferenceSample<R: RealNumber> {
    public var values: [R]
    public var noise: [R]

    public init(values: [R], noise: [R]) {
        self.values = values
        self.noise = noise
    }

    /// The central quotient (f₊ − f₋)/2h with its round-off.
    public static func central(_ fPlus: [R], _ fMinus: [R], h: R) -> DifferenceSample {
        let twoH = (h + h).magnitude
        return DifferenceSample(
            values: DifferenceQuotient.central(fPlus, fMinus, h: h),
            noise: zip(fPlus, fMinus).map { R.machineEpsilon * ($0.magnitude + $1.magnitude) / twoH })
    }

    /// The one-sided quotient (f₁ − f₀)/h (h may be negative) with its round-off.
    public static func oneSided(_ f0: [R], _ f1: [R], h: R) -> DifferenceSample {
        DifferenceSample(
            values: DifferenceQuotient.forward(f0, f1, h: h),
            noise: zip(f0, f1).map { R.machineEpsilon * ($0.magnitude + $1.magnitude) / h.magnitude })
    }
}
