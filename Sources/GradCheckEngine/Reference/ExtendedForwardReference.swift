import GradCheckCore
import GradCheckNumeric

/// The standard reference: exact forward mode (all partials at once) in ``ExtendedReal``, cross-checked
/// against Richardson-extrapolated differences in the same precision.
///
/// In `Float80` (ε ≈ 1.1e-19) its rounding errors are about 2,000 times smaller than `Double`'s, so a
/// `Double` strategy's error against it is the strategy's own error. The rules are those of
/// ``ReferenceNumber``, independent of every strategy.
///
/// The cross-check (``ReferenceCrossCheck``) disputes a point where the two independent computations
/// disagree beyond the differences' own error estimate, or where the function has a kink (its one-sided
/// derivatives differ, so any value between them is a convention). Functions with more than
/// ``crossCheckInputLimit`` inputs are cross-checked along one seeded random direction u instead: J·u
/// from the forward-mode Jacobian against extrapolated differences of f(x + t·u) — about 30 evaluations
/// instead of 30·n.
public struct ExtendedForwardReference: ReferenceDerivative {
    /// Above this many inputs the cross-check is made along one seeded random direction instead of per input.
    public var crossCheckInputLimit = 256
    /// Whether to cross-check at all.
    public var crossCheck = true

    public init() {}

    public var description: String {
        "forward mode (all partials at once) in \(ExtendedReal.precisionName)"
            + (crossCheck ? ", cross-checked by Richardson extrapolation in \(ExtendedReal.precisionName)" : "")
    }

    /// The most inputs the all-partials reference accepts: each intermediate value carries n partials
    /// (16 bytes each in Float80), so memory and time grow like n·ops(f); beyond this it refuses with a
    /// message rather than exhaust the machine's memory.
    public var inputLimit = 100_000

    public func evaluate(_ function: any TestFunction, at point: [ExtendedReal]) throws -> ReferenceResult {
        guard point.count <= inputLimit else {
            throw StrategyError.failed(
                "the reference carries all \(point.count) partials per intermediate value; it accepts at most "
                    + "\(inputLimit) inputs (larger functions are checked along directions: directionalDerivatives, gradcheck run --directional)")
        }
        // The inputs alone hold n² partials and n² magnitudes; beyond the memory budget, refuse rather than
        // let the allocation fail and take the process down.
        let (square, overflow) = point.count.multipliedReportingOverflow(by: point.count)
        let inputBytes = square.multipliedReportingOverflow(by: 2 * MemoryLayout<ExtendedReal>.stride)
        guard !overflow, !inputBytes.overflow, inputBytes.partialValue <= MemoryBudget.perEvaluation else {
            throw StrategyError.failed(
                "the reference's \(point.count) inputs alone would hold \(MemoryBudget.describe(overflow || inputBytes.overflow ? Int.max : inputBytes.partialValue)) of partials, "
                    + "beyond the memory budget of \(MemoryBudget.describe(MemoryBudget.perEvaluation)) (a quarter of the memory or ulimit -v)")
        }
        let inputs = point.indices.map { ReferenceNumber<ExtendedReal>(input: point[$0], index: $0, count: point.count) }
        let outputs = try function.evaluate(inputs)
        let zeros = [ExtendedReal](repeating: 0, count: point.count)
        let rows = outputs.map { $0.partials.isEmpty ? zeros : $0.partials }
        let magnitudes = outputs.map { $0.magnitudes.isEmpty ? zeros : $0.magnitudes }
        var result = ReferenceResult(value: outputs.map(\.value), jacobian: rows, magnitudes: magnitudes)
        let finite = result.value.allSatisfy(\.isFinite) && rows.joined().allSatisfy(\.isFinite)
        if crossCheck && finite {
            result.dispute = point.count <= crossCheckInputLimit
                ? try dispute(function, at: point, jacobian: rows, value: result.value)
                : try directionalDispute(function, at: point, jacobian: rows)
        }
        return result
    }

    /// |J_R − J| entry by entry, with J_R computed by the same rules (``ReferenceNumber``) in `R` at the
    /// point; ∞ where J is finite and J_R is not (the working precision overflows or leaves the domain).
    /// Nil when the function throws in `R` or returns another shape.
    public func roundingSensitivity<R: RealNumber>(
        _ function: any TestFunction, at point: [Double], jacobian: [[ExtendedReal]], in precision: R.Type
    ) -> [[ExtendedReal]]? {
        guard point.count <= inputLimit else { return nil }
        let inputs = point.indices.map { ReferenceNumber<R>(input: R(point[$0]), index: $0, count: point.count) }
        guard let outputs = try? function.evaluate(inputs), outputs.count == jacobian.count else { return nil }
        return zip(outputs, jacobian).map { output, row in
            row.indices.map { j in
                let working = output.partials.isEmpty ? 0 : output.partials[j].extendedValue
                guard row[j].isFinite else { return 0 }
                return working.isFinite ? (working - row[j]).magnitude : .infinity
            }
        }
    }

    /// The first disputed entry, described, or nil (see ``ReferenceCrossCheck``).
    private func dispute(_ function: any TestFunction, at point: [ExtendedReal], jacobian: [[ExtendedReal]], value: [ExtendedReal]) throws -> String? {
        try ReferenceCrossCheck(function: function, point: point, jacobian: jacobian, value: value).dispute()
    }

    /// The dispute along a random direction, described, or nil.
    private func directionalDispute(
        _ function: any TestFunction, at point: [ExtendedReal], jacobian: [[ExtendedReal]]
    ) throws -> String? {
        let u = DirectionalDifference.randomDirection(count: point.count, seed: 0, salt: function.id.description).map { ExtendedReal($0) }
        guard let along = try DirectionalDifference.along(u, of: function, at: point) else { return nil }
        for (i, row) in jacobian.enumerated() {
            let exact = zip(row, u).reduce(ExtendedReal(0)) { $0 + $1.0 * $1.1 }
            let scale = zip(row, u).reduce(ExtendedReal(0)) { $0 + ($1.0 * $1.1).magnitude }
            let margin = 10 * along.errors[i] + 1e-9 * scale
            if (exact - along.values[i]).magnitude > margin {
                return "reference disputed along a random direction u (output \(i)): forward mode gives J·u = \(NumberText.short(exact)), "
                    + "extrapolated differences \(NumberText.short(along.values[i])) ± \(NumberText.short(along.errors[i]))"
            }
        }
        return nil
    }
}
