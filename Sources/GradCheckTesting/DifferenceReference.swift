import GradCheckCore
import GradCheckNumeric

/// The reference for a plain closure over `Double`: Richardson-extrapolated differences with an error
/// estimate per entry.
///
/// A closure over `Double` cannot be run with another number type, so there is no exact reference for
/// it; this is the most accurate derivative that can be had from values alone, and it says how accurate
/// it is. For each input j:
/// - central differences (f(x + h·eⱼ) − f(x − h·eⱼ))/(h₊ + h₋) are extrapolated to h → 0 over a geometric
///   sequence of steps (``RichardsonExtrapolation``, Ridders' tableau), starting from
///   h₀ = s·max(1, |xⱼ|) for each s in ``startingFractions``; every step is made exactly representable;
/// - each entry keeps the start whose error estimate is smallest, so a point near a kink — where the
///   large steps straddle it — is handled by the smaller starts (which are tried only while an estimate
///   is still larger than ``goodEnough`` of the column's largest entry);
/// - where no central stencil gives finite values (the edge of a domain), one-sided quotients on either
///   side are extrapolated instead;
/// - where nothing works, the entry is NaN with an infinite estimate (the check is then undecided there).
/// Typically 11–14 correct digits in `Double`, at about 2·16 evaluations per input and start.
///
/// Each column is computed from f(x) and the closure alone, independently of the others, so
/// ``evaluate(_:at:jobs:)`` can compute them on several threads and give the same result bit for bit.
struct DifferenceReference: Sendable {
    static let description = "Richardson-extrapolated central differences of the closure in Double (error estimate per entry)"

    var startingFractions: [Double] = [0.1, 1e-2, 1e-3, 1e-4, 1e-5]
    /// Smaller starts are tried only while some entry's estimate exceeds this fraction of the column's
    /// largest entry.
    var goodEnough = 1e-11
    var extrapolation = RichardsonExtrapolation()

    struct Result {
        /// f(x).
        var value: [Double]
        /// The Jacobian rows.
        var jacobian: [[Double]]
        /// The estimated absolute error of each entry (∞ where no stencil worked).
        var estimate: [[Double]]
    }

    /// The reference at `x`. Throws what `function` throws at `x`; a throw at a moved point only makes
    /// that step unusable. Where f(x) is not finite, the result's value says so (the check is undecided).
    func evaluate(_ function: ([Double]) throws -> [Double], at x: [Double]) throws -> Result {
        let value = try function(x)
        return Self.assemble(value: value, columns: x.indices.map { extrapolatedColumn(function, at: x, value: value, input: $0) })
    }

    /// Inputs from which ``evaluate(_:at:jobs:)`` computes columns in parallel: below, a column costs
    /// less than starting a thread (about 2·16 evaluations per start).
    static let minimumParallelInputs = 32

    /// The same reference, its columns computed on up to `jobs` threads at once when x has at least
    /// ``minimumParallelInputs`` inputs (``ParallelWork``); the result is bit for bit that of
    /// ``evaluate(_:at:)``. `function` is called from those threads concurrently, hence `@Sendable`.
    func evaluate(_ function: @escaping @Sendable ([Double]) throws -> [Double], at x: [Double], jobs: Int) throws -> Result {
        let value = try function(x)
        let columns = ParallelWork.map(Array(x.indices), jobs: x.count >= Self.minimumParallelInputs ? jobs : 1) { j in
            extrapolatedColumn(function, at: x, value: value, input: j)
        }
        return Self.assemble(value: value, columns: columns)
    }

    /// The result from f(x) and each input's column of entries with their estimates.
    private static func assemble(value: [Double], columns: [(entries: [Double], errors: [Double])]) -> Result {
        Result(
            value: value, jacobian: value.indices.map { i in columns.map { $0.entries[i] } },
            estimate: value.indices.map { i in columns.map { $0.errors[i] } })
    }

    private func extrapolatedColumn(
        _ function: ([Double]) throws -> [Double], at x: [Double], value f0: [Double], input j: Int
    ) -> (entries: [Double], errors: [Double]) {
        let m = f0.count
        var best = [Double](repeating: .nan, count: m)
        var bestError = [Double](repeating: .infinity, count: m)
        func keep(_ estimate: RichardsonExtrapolation.Estimate<Double>?) {
            guard let estimate, estimate.values.count == m else { return }
            for i in 0..<m where estimate.values[i].isFinite && estimate.errors[i] < bestError[i] {
                best[i] = estimate.values[i]
                bestError[i] = estimate.errors[i]
            }
        }
        // f at x moved along input j, or nil where that is unusable: a step that vanished in rounding,
        // a value that is not finite, or a throw (a function that refuses points outside its domain).
        func at(_ delta: Double) -> (values: [Double], step: Double)? {
            var moved = x
            moved[j] = x[j] + delta
            let step = moved[j] - x[j]  // the step actually taken
            guard step != 0, let values = try? function(moved) else { return nil }
            return values.count == m && values.allSatisfy(\.isFinite) ? (values, step) : nil
        }
        // No round-off floor on the estimates: this reference floors its tolerance by the function's own
        // scale instead (see the check's φ), which keeps stationary points decidable.
        let zeros = [Double](repeating: 0, count: m)
        for fraction in startingFractions {
            let h0 = fraction * Swift.max(1, x[j].magnitude)
            keep(extrapolation.extrapolate(from: h0, errorExponentStep: 2) { h in
                guard let ahead = at(h), let behind = at(-h) else { return nil }
                let width = ahead.step - behind.step
                return DifferenceSample(
                    values: (0..<m).map { (ahead.values[$0] - behind.values[$0]) / width },
                    noise: zeros)
            })
            let largest = best.filter(\.isFinite).map(\.magnitude).max() ?? 0
            if bestError.allSatisfy({ $0 <= goodEnough * largest }) { break }
        }
        if bestError.contains(where: { !$0.isFinite }), f0.allSatisfy(\.isFinite) {
            for fraction in startingFractions {
                for side in [1.0, -1.0] {
                    let h0 = fraction * Swift.max(1, x[j].magnitude)
                    keep(extrapolation.extrapolate(from: h0, errorExponentStep: 1) { h in
                        guard let moved = at(side * h) else { return nil }
                        return DifferenceSample(
                            values: (0..<m).map { (moved.values[$0] - f0[$0]) / moved.step },
                            noise: zeros)
                    })
                }
            }
        }
        return (best, bestError)
    }
}
