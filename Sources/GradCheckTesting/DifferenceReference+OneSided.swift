import GradCheckNumeric

extension DifferenceReference {
    /// One one-sided limit of an output: its extrapolated value, error estimate, and whether a second,
    /// smaller start agreed with it (within 10× their estimates and ``relativeAgreement`` of its size).
    struct SideLimit {
        var value: Double
        var error: Double
        var consistent: Bool
    }

    /// Two extrapolations agree when they differ by at most 10× their estimates and this fraction of their
    /// size: 10⁻⁹, or 100·ε in a precision where that is larger (Float: 1.2·10⁻⁵).
    var relativeAgreement: Double { Swift.max(1e-9, 100 * precision.epsilon) }

    /// The one-sided derivatives lim (f(x ± h·eⱼ) − f(x))/(±h) for h → 0⁺, each extrapolated (first-order
    /// Richardson, noise bound 3·√2·σ/h per quotient) from the starts s·10⁻¹ and s·10⁻³ (s/2 and s·10⁻² in a
    /// precision coarser than `Double`), by output; nil
    /// where no start gave two usable steps on that side. About 2·2·(4…28) evaluations.
    func oneSidedLimits(_ mover: Mover, scale: Double, sigma: [Double]) -> (right: [SideLimit?], left: [SideLimit?]) {
        let f0 = mover.center
        let m = f0.count
        func limits(_ side: Double) -> [SideLimit?] {
            // In a precision coarser than Double the noise over h dominates sooner: start at s/2 there.
            let fractions = precision.epsilon > Double.ulpOfOne ? [0.5, 1e-2] : [1e-1, 1e-3]
            let starts = fractions.map { fraction in
                extrapolation.extrapolate(from: fraction * scale, errorExponentStep: 1) { h -> DifferenceSample<Double>? in
                    guard let moved = mover.values(movedBy: side * h) else { return nil }
                    return DifferenceSample(
                        values: (0..<m).map { (moved.values[$0] - f0[$0]) / moved.step },
                        noise: sigma.map { 3 * 2.0.squareRoot() * $0 / moved.step.magnitude })
                }
            }
            return (0..<m).map { i in
                let usable = starts.compactMap { $0 }.filter { $0.values.count == m && $0.values[i].isFinite }
                guard let best = usable.min(by: { $0.errors[i] < $1.errors[i] }) else { return nil }
                let agree = usable.count == 2 && (usable[0].values[i] - usable[1].values[i]).magnitude
                    <= 10 * (usable[0].errors[i] + usable[1].errors[i]) + relativeAgreement * best.values[i].magnitude
                return SideLimit(value: best.values[i], error: best.errors[i], consistent: agree)
            }
        }
        return (limits(1), limits(-1))
    }
}
