import GradCheckCore
import GradCheckNumeric

/// The reference for a plain closure: Richardson-extrapolated differences with an error estimate per
/// entry that includes the function's own measured noise.
///
/// A closure cannot be run with another number type, so there is no exact reference for it; this is the
/// most accurate derivative that can be had from values alone, and it says how accurate it is. For each
/// input j:
/// - **scale**: sⱼ = |xⱼ|, or for xⱼ = 0 the largest |xₖ| of the point (1 when the point is 0): an input of
///   size 10⁻⁸ is moved by steps relative to 10⁻⁸;
/// - **noise**: σᵢ, the noise level of output i along input j, measured from the closure's values
///   (``FunctionNoise``, Moré and Wild's ECnoise), at least ε·|fᵢ(x)|/2 (the rounding of the result, ε the
///   working precision's epsilon);
/// - **central differences** (f(x + h·eⱼ) − f(x − h·eⱼ))/(h₊ + h₋) are extrapolated to h → 0 over a geometric
///   sequence of steps (``RichardsonExtrapolation``, Ridders' tableau, with ``RichardsonExtrapolation/tracksNoise``):
///   each quotient carries the noise bound 3·√2·σ/(h₊ + h₋) (three standard deviations of the quotient's
///   noise), amplified through the tableau, and every entry's error estimate is at least its noise;
///   starts h₀ = s·10⁻¹, s·10⁻², s·10⁻³ and u·10⁻¹ … u·10⁻⁵ with u = max(1, |xⱼ|) (and u/2 in a precision
///   coarser than `Double`, where the noise over h dominates sooner), largest first, the
///   later ones tried only while some entry's estimate is above both ``goodEnough`` of the column's
///   largest entry and twice its noise (where smaller steps cannot help); each entry keeps the start with
///   the smallest estimate; every step is made exactly representable in the working precision;
/// - **one-sided limits** (``DifferenceReference/oneSidedLimits``) are extrapolated from the right and
///   from the left when the central tableau leaves doubt: its second differences do not shrink with the
///   step ((f₊ − 2f₀ + f₋)/h stays put: a kink, which central quotients of |x| or ReLU hide exactly), or the
///   first (largest) start that gives a tableau leaves an estimate above both ``goodEnough`` and twice its
///   noise or uses every level of the tableau without converging (the smaller starts that follow can be
///   limited by noise before they are accurate). Limits that each agree across two starts and differ from each other
///   make the column not differentiable here (a kink: the check is undecided there); limits that agree
///   replace a central value that disagrees with them or has a larger estimate (a jump in the second
///   derivative, as in Huber's loss at δ, leaves an O(h) term the central tableau does not remove);
/// - where no central stencil gives finite values (the edge of a domain), the one-sided limits are used;
///   where nothing works the entry is NaN with an infinite estimate (the check is then undecided there).
/// Typically 11–14 correct digits for a `Double` function of low noise, about 6 + 2·(4…14) evaluations
/// per input.
struct DifferenceReference {
    var precision = WorkingPrecision.double
    /// Starting steps as fractions of the input's own scale sⱼ, then of u = max(1, |xⱼ|).
    var ownScaleFractions: [Double] = [0.1, 1e-2, 1e-3]
    var unitScaleFractions: [Double] = [0.1, 1e-2, 1e-3, 1e-4, 1e-5]
    /// Later starts are tried only while some entry's estimate exceeds this fraction of the column's
    /// largest entry (and twice its noise).
    var goodEnough = 1e-11
    var extrapolation: RichardsonExtrapolation = {
        var extrapolation = RichardsonExtrapolation()
        extrapolation.tracksNoise = true
        return extrapolation
    }()

    var description: String {
        "Richardson-extrapolated differences of the closure in \(precision.name) (error estimate per entry, with the function's measured noise)"
    }

    /// A column found not differentiable: output `row`'s one-sided limits differ.
    struct Kink: Equatable {
        var row: Int
        var right: Double
        var left: Double
    }

    struct Result {
        /// f(x).
        var value: [Double]
        /// The Jacobian rows.
        var jacobian: [[Double]]
        /// The estimated absolute error of each entry (∞ where no stencil worked or at a kink).
        var estimate: [[Double]]
        /// The measured noise σ of each output along each input (rows: outputs).
        var noise: [[Double]]
        /// The columns that are not differentiable at the point, by input.
        var kinks: [Int: Kink]
    }

    /// The reference at `x` (coordinates already in the working precision). Throws what `function`
    /// throws at `x`; a throw at a moved point only makes that step unusable. Where f(x) is not finite,
    /// the result's value says so (the check is undecided).
    func evaluate(_ function: ([Double]) throws -> [Double], at x: [Double]) throws -> Result {
        let value = try function(x)
        var columns: [Column] = []
        let pointScale = x.filter(\.isFinite).map(\.magnitude).max() ?? 0
        withoutActuallyEscaping(function) { function in
            for j in x.indices {
                let scale = x[j].magnitude > 0 && x[j].isFinite ? x[j].magnitude : (pointScale > 0 ? pointScale : 1)
                columns.append(column(Mover(function: function, x: x, input: j, center: value, round: precision.round), scale: scale))
            }
        }
        let rows = value.indices
        var kinks: [Int: Kink] = [:]
        for (j, column) in columns.enumerated() { if let kink = column.kink { kinks[j] = kink } }
        return Result(
            value: value, jacobian: rows.map { i in columns.map { $0.values[i] } },
            estimate: rows.map { i in columns.map { $0.errors[i] } }, noise: rows.map { i in columns.map { $0.noise[i] } },
            kinks: kinks)
    }

    /// One column of the reference.
    struct Column {
        var values: [Double]
        var errors: [Double]
        var noise: [Double]
        var kink: Kink?
    }

    private func column(_ mover: Mover, scale: Double) -> Column {
        let f0 = mover.center
        let m = f0.count
        guard f0.allSatisfy(\.isFinite) else {
            return Column(values: f0.map { _ in .nan }, errors: f0.map { _ in .infinity }, noise: f0.map { _ in .infinity })
        }
        let measured = FunctionNoise.estimate(center: f0, scale: scale) { mover.values(movedBy: $0)?.values }
        let sigma = (0..<m).map { Swift.max(measured[$0], precision.epsilon * f0[$0].magnitude / 2) }
        var best = [Double](repeating: .nan, count: m)
        var bestError = [Double](repeating: .infinity, count: m)
        var bestNoise = [Double](repeating: .infinity, count: m)
        func keep(_ estimate: RichardsonExtrapolation.Estimate<Double>?) {
            guard let estimate, estimate.values.count == m else { return }
            for i in 0..<m where estimate.values[i].isFinite && estimate.errors[i] < bestError[i] {
                best[i] = estimate.values[i]
                bestError[i] = estimate.errors[i]
                bestNoise[i] = estimate.noise.indices.contains(i) ? estimate.noise[i] : 0
            }
        }
        func settled() -> Bool {
            let largest = best.filter(\.isFinite).map(\.magnitude).max() ?? 0
            return (0..<m).allSatisfy { bestError[$0] <= Swift.max(goodEnough * largest, 2 * bestNoise[$0]) }
        }
        // The central tableau of the first start that gives one, with its second differences, for the
        // kink test.
        var secondDifferences: [(step: Double, values: [Double])] = []
        var firstTableau = true
        var settledAtOnce = false
        let unit = Swift.max(1, mover.x[mover.input].magnitude)
        // Largest first: once a column is noise-limited, smaller steps only add noise.
        // In a precision coarser than Double, noise dominates sooner: start larger too (0.5·u).
        let coarse = precision.epsilon > Double.ulpOfOne ? [0.5 * unit] : []
        let starts = Array(Set(ownScaleFractions.map { $0 * scale } + unitScaleFractions.map { $0 * unit } + coarse)).sorted(by: >)
        for h0 in starts {
            var samples: [(step: Double, values: [Double])] = []
            let tableau = extrapolation.extrapolate(from: h0, errorExponentStep: 2) { h -> DifferenceSample<Double>? in
                guard let ahead = mover.values(movedBy: h), let behind = mover.values(movedBy: -h) else { return nil }
                let width = ahead.step - behind.step
                samples.append((h, (0..<m).map { (ahead.values[$0] - 2 * f0[$0] + behind.values[$0]) / h }))
                return DifferenceSample(
                    values: (0..<m).map { (ahead.values[$0] - behind.values[$0]) / width },
                    noise: sigma.map { 3 * 2.0.squareRoot() * $0 / width })
            }
            keep(tableau)
            if firstTableau && samples.count >= 2 {
                secondDifferences = samples
                firstTableau = false
                // A tableau that used every level neither converged nor reached its noise: an O(h) term.
                settledAtOnce = settled() && (tableau?.quotients ?? 0) < extrapolation.levels
            }
            if settled() { break }
        }
        let smooth = Self.secondDifferencesShrink(secondDifferences, sigma: sigma)
        guard !smooth || !settledAtOnce || best.contains(where: { !$0.isFinite }) else {
            return Column(values: best, errors: bestError, noise: sigma)
        }
        // Doubt: a kink, a jump in the second derivative, the edge of a domain, or a rough function.
        let limits = oneSidedLimits(mover, scale: scale, sigma: sigma)
        var kink: Kink?
        for i in 0..<m {
            guard let right = limits.right[i], let left = limits.left[i] else {
                if !best[i].isFinite, let side = limits.right[i] ?? limits.left[i] {
                    (best[i], bestError[i]) = (side.value, side.error)
                }
                continue
            }
            let size = Swift.max(right.value.magnitude, left.value.magnitude, f0[i].magnitude / unit)
            let margin = 10 * (right.error + left.error) + relativeAgreement * size
            if right.consistent && left.consistent && (right.value - left.value).magnitude > margin {
                if kink == nil { kink = Kink(row: i, right: right.value, left: left.value) }
                continue
            }
            let mean = (right.value + left.value) / 2
            let meanError = Swift.max(right.error, left.error, (right.value - left.value).magnitude / 2)
            let sidesAgree = right.consistent && left.consistent
            if !best[i].isFinite || (sidesAgree && meanError < bestError[i])
                || (best[i] - mean).magnitude > bestError[i] + meanError
            {
                (best[i], bestError[i]) = (mean, meanError)
            }
        }
        if kink != nil { bestError = bestError.map { _ in .infinity } }
        return Column(values: best, errors: bestError, noise: sigma, kink: kink)
    }

    /// Whether the second differences (f₊ − 2f₀ + f₋)/h of a central tableau shrink with h, as they do
    /// (∝ h·f″) where f is smooth; at a kink they stay near the jump in slope. Second differences within
    /// 16σ/h of zero are noise and count as shrinking. Needs two steps at least 1.9 apart.
    static func secondDifferencesShrink(_ samples: [(step: Double, values: [Double])], sigma: [Double]) -> Bool {
        guard let first = samples.first, let last = samples.last, first.step >= 1.9 * last.step else { return false }
        return last.values.indices.allSatisfy { i in
            let noise = 16 * sigma[i] / last.step
            return last.values[i].magnitude <= noise || last.values[i].magnitude < 0.7 * first.values[i].magnitude
        }
    }
}

/// The closure moved along one input.
struct Mover {
    let function: ([Double]) throws -> [Double]
    let x: [Double]
    let input: Int
    let center: [Double]
    let round: (Double) -> Double

    /// f at x moved by `delta` along the input (rounded to the working precision), with the step actually
    /// taken; nil where that is unusable: a step that vanished in rounding, a value that is not finite, a
    /// throw (a function that refuses points outside its domain), or a wrong count of outputs.
    func values(movedBy delta: Double) -> (values: [Double], step: Double)? {
        var moved = x
        moved[input] = round(x[input] + delta)
        let step = moved[input] - x[input]
        guard step != 0, step.isFinite, let values = try? function(moved) else { return nil }
        return values.count == center.count && values.allSatisfy(\.isFinite) ? (values, step) : nil
    }
}
