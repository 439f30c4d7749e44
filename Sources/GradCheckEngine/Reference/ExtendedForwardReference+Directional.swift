import GradCheckCore

/// The reference along directions: forward mode in ``ExtendedReal`` with one tangent per direction.
///
/// Input j enters as ``ReferenceNumber`` with partials ((u₁)ⱼ, …, (u_c)ⱼ) for the c directions of the
/// pass and magnitudes |(u_d)ⱼ| — the reference's own rules, shared with no strategy — and an input that
/// no direction touches enters as a constant. Each output then carries (J·u_d)ᵢ exactly up to rounding,
/// and beside it Σⱼ mᵢⱼ·|(u_d)ⱼ| ≥ Σⱼ |Jᵢⱼ (u_d)ⱼ|. Time and memory are O(c·ops(f)) per pass, independent
/// of the number of Jacobian entries: no n partials per value, so no input limit applies.
///
/// The reference's rounding is bounded by ``EntryJudge/zeroThreshold`` extended-precision ulps of the
/// magnitude (``DirectionalReferenceResult/estimates``). When the set holds a direction over all inputs,
/// the first such direction is cross-checked against Richardson-extrapolated differences of
/// f(x + t·u) in extended precision (``DirectionalCheck/directionalDifference(of:at:along:)``), an
/// independent computation: a disagreement beyond 10 times the differences' estimate (plus 10⁻⁹ of the
/// magnitude) disputes the point, as ``ExtendedForwardReference`` does for its directional cross-check.
extension ExtendedForwardReference {
    public func directionalDerivatives(
        _ function: any TestFunction, at point: [ExtendedReal], along directions: DirectionSet
    ) throws -> DirectionalReferenceResult {
        let c = directions.members.count
        var inputs: [ReferenceNumber<ExtendedReal>] = []
        inputs.reserveCapacity(point.count)
        let ranges = directions.members.map(\.range)
        let lower = ranges.map(\.lowerBound).min() ?? 0, upper = ranges.map(\.upperBound).max() ?? 0
        for j in point.indices {
            guard j >= lower, j < upper, directions.touches(j) else {
                inputs.append(ReferenceNumber(value: point[j], partials: [], magnitudes: []))
                continue
            }
            let tangents = directions.tangents(ofInput: j).map { ExtendedReal($0) }
            inputs.append(ReferenceNumber(value: point[j], partials: tangents, magnitudes: tangents.map(\.magnitude)))
        }
        let outputs = try function.evaluate(inputs)
        inputs = []
        let rounding = EntryJudge.zeroThreshold * ExtendedReal.ulpOfOne
        let derivatives = (0..<c).map { d in outputs.map { $0.partials.isEmpty ? 0 : $0.partials[d] } }
        let magnitudes = (0..<c).map { d in outputs.map { $0.magnitudes.isEmpty ? 0 : $0.magnitudes[d] } }
        var result = DirectionalReferenceResult(
            value: outputs.map(\.value), derivatives: derivatives, magnitudes: magnitudes,
            estimates: magnitudes.map { $0.map { rounding * $0 } })
        let finite = result.value.allSatisfy(\.isFinite) && derivatives.joined().allSatisfy(\.isFinite)
        if crossCheck, finite, let full = directions.members.firstIndex(where: { $0.range == 0..<point.count }) {
            let u = (0..<point.count).map { ExtendedReal(directions.component(full, $0)) }
            if let along = try DirectionalDifference.along(u, of: function, at: point) {
                for i in outputs.indices {
                    let exact = derivatives[full][i]
                    let margin = 10 * along.errors[i] + 1e-9 * magnitudes[full][i]
                    if !((exact - along.values[i]).magnitude <= margin) {
                        result.dispute = "reference disputed along random direction #\(full + 1) (output \(i)): forward mode gives "
                            + "J·u = \(NumberText.short(exact)), extrapolated differences \(NumberText.short(along.values[i])) ± \(NumberText.short(along.errors[i]))"
                        break
                    }
                }
            }
        }
        return result
    }
}
