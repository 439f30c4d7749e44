/// The noise level of a function along one input, measured from its values (Moré and Wild's ECnoise:
/// "Estimating computational noise", SIAM J. Sci. Comput. 33(3), 2011).
///
/// f is evaluated at the m + 1 = 7 points x + k·h·eⱼ, k = −3…3. If f is a smooth function plus noise of
/// standard deviation σ (rounding, summation order, a result computed in `Float`, a value rounded to fewer
/// bits) and h is small enough that the smooth part's k-th differences are negligible, the k-th
/// differences Δᵏf are dominated by the noise, and
///
///     σₖ² = γₖ / (m + 1 − k) · Σᵢ (Δᵏfᵢ)²,   γₖ = (k!)² / (2k)!
///
/// estimates σ² for every such k (for independent noise, E[(Δᵏf)²] = σ²·(2k)!/(k!)²). The estimate taken is
/// the first σₖ (k ≤ m − 2) for which σₖ, σₖ₊₁, σₖ₊₂ agree within a factor of 4 and Δᵏf changes sign (noise,
/// not a smooth trend). The table is rejected, and retried with another h, when h is too large (the values
/// span more than 10% of their size: the smooth part dominates) or too small (more than half the first
/// differences are zero: the function is quantized at this scale). The steps tried are h = s·10⁻⁶, then
/// s·10⁻⁴, s·10⁻⁸, s·10⁻², s·10⁻¹⁰ for the input's scale s.
///
/// Noise does not shrink with h, while the trace of a kink or of a jump in a higher derivative does (as
/// h^p), and can pass for noise in a table at a larger h. So the estimate is never more than 4× the
/// largest σₖ (k ≥ 2) of any table taken whose values all differ and whose σₖ are all positive (a table
/// with repeated values, or values in exact arithmetic progression, is quantized at that step and may
/// hide the noise): real noise shows in every such table.
///
/// Assumptions: the noise is stationary near x and roughly independent between the points (true of
/// rounding); the function is smooth at the scale h apart from it. Where no table is accepted (a kink at x,
/// a jump) the estimate is σ₃ of the first table (within the bound above), a rough size that is only used
/// to bound the noise of difference quotients. Cost: 6 evaluations per table, usually one table per input.
struct FunctionNoise {
    /// k = −halfWidth…halfWidth.
    static let halfWidth = 3
    /// The relative steps tried, in order.
    static let relativeSteps: [Double] = [1e-6, 1e-4, 1e-8, 1e-2, 1e-10]

    /// The verdict on one table.
    enum Table: Equatable {
        case noise(Double)
        case stepTooLarge
        case stepTooSmall
        case inconclusive
    }

    /// σ per output of f along input j, from tables of `valuesAt(δ)` = f(x + δ·eⱼ) (nil where unusable)
    /// at the steps `relativeSteps`·`scale`; `center` is f(x).
    static func estimate(center: [Double], scale: Double, valuesAt: (Double) -> [Double]?) -> [Double] {
        let m = center.count
        var sigma = [Double?](repeating: nil, count: m)
        var fallback: [Double]?
        var bound = [Double](repeating: .infinity, count: m)
        for relative in relativeSteps {
            let h = relative * scale
            guard h > 0, h.isFinite else { continue }
            var columns: [[Double]] = []
            for k in -halfWidth...halfWidth {
                if k == 0 { columns.append(center); continue }
                guard let values = valuesAt(Double(k) * h), values.count == m else { columns = []; break }
                columns.append(values)
            }
            guard !columns.isEmpty else { continue }
            for i in 0..<m {
                let series = columns.map { $0[i] }
                let verdict = judge(series)
                let levels = differenceLevels(series).dropFirst()
                let unquantized = zip(series.dropFirst(), series).allSatisfy { $0 != $1 } && levels.allSatisfy { $0 > 0 }
                if unquantized, let high = levels.max() {
                    bound[i] = Swift.min(bound[i], 4 * high)
                }
                if sigma[i] == nil, case .noise(let level) = verdict { sigma[i] = level }
            }
            if fallback == nil { fallback = (0..<m).map { i in differenceLevels(columns.map { $0[i] })[2] } }
            if sigma.allSatisfy({ $0 != nil }) { break }
        }
        return (0..<m).map { Swift.min(sigma[$0] ?? fallback?[$0] ?? .infinity, bound[$0]) }
    }

    /// The verdict on one table of values at equally spaced points.
    static func judge(_ values: [Double]) -> Table {
        guard let low = values.min(), let high = values.max(), values.allSatisfy(\.isFinite) else { return .inconclusive }
        if high - low > 0.1 * Swift.max(low.magnitude, high.magnitude) { return .stepTooLarge }
        let firstDifferences = zip(values.dropFirst(), values).map { $0 - $1 }
        if firstDifferences.filter({ $0 == 0 }).count * 2 > firstDifferences.count { return .stepTooSmall }
        let levels = differenceLevels(values)
        var differences = values
        for k in 1...(levels.count - 2) {
            differences = zip(differences.dropFirst(), differences).map { $0 - $1 }
            let three = levels[(k - 1)...(k + 1)]
            guard let smallest = three.min(), let largest = three.max() else { continue }
            let changesSign = differences.contains { $0 > 0 } && differences.contains { $0 < 0 }
            if smallest > 0 && largest <= 4 * smallest && changesSign { return .noise(levels[k - 1]) }
        }
        return .inconclusive
    }

    /// σ₁ … σₘ of the table (see the type's description).
    static func differenceLevels(_ values: [Double]) -> [Double] {
        var differences = values
        var levels: [Double] = []
        var gamma = 1.0
        for k in 1..<values.count {
            differences = zip(differences.dropFirst(), differences).map { $0 - $1 }
            gamma *= Double(k) / Double(4 * k - 2)  // γₖ = γₖ₋₁ · k² / ((2k)(2k − 1))
            let meanSquare = differences.reduce(0) { $0 + $1 * $1 } / Double(differences.count)
            levels.append((gamma * meanSquare).squareRoot())
        }
        return levels
    }
}
