import GradCheck

/// The reference a JVP or VJP is compared with at one point: the Jacobian J (m × n), the reference's
/// own error estimate per entry (nil for an exact reference), and per entry the size Mᵢⱼ ≥ |Jᵢⱼ| of the
/// terms a floating-point computation of Jᵢⱼ sums (the exact reference's magnitudes; |J| plus the
/// estimate for differences), which bounds the rounding of a correct product.
struct LinearizationReference {
    var jacobian: [[ExtendedReal]]
    var estimate: [[Double]]?
    var magnitude: [[ExtendedReal]]
    /// A lower bound for the floor φ (see ``EntryComparison/minimumFloor``).
    var minimumFloor: Double = 0
}

/// Checks a user's Jacobian–vector product `jvp(x, u) = J·u` and vector–Jacobian product (pullback)
/// `vjp(x, w) = wᵀJ` against a reference Jacobian, and against each other.
///
/// At each point and for each direction u (tangents, ℝⁿ) and seed w (cotangents, ℝᵐ) of
/// ``CheckDirections``:
/// - **JVP**: entry i of the product is compared with rᵢ = Σⱼ Jᵢⱼ·uⱼ (in extended precision), allowed
///   atol + rtol·max(|rᵢ|, φ) + estimateFactor·eᵢ with eᵢ = Σⱼ Eᵢⱼ·|uⱼ| + (n + 16)·ε·Σⱼ Mᵢⱼ·|uⱼ|: the
///   reference's error carried through the sum, plus the rounding of a correct product computed in
///   `Double` (a dot product of n terms, each entry itself rounded through a few operations);
///   φ = max(floorFraction·maxᵢ|rᵢ|, minimumFloor) per direction.
/// - **VJP**: entry j of wᵀJ against rⱼ = Σᵢ wᵢ·Jᵢⱼ, the same way with the roles of i and j swapped. With
///   a unit seed w = eᵢ, entry j *is* Jᵢⱼ and is named so (`vjp(e1)[0] = ∂f[1]/∂x[0]`).
/// - **Dot product** (when both are given): ⟨J·u, w⟩ from the JVP against ⟨u, Jᵀ·w⟩ from the VJP, for
///   the k-th random direction and the k-th random seed, allowed
///   (dotProductUlps + m + n)·ε·(Σᵢⱼ|wᵢ|·Mᵢⱼ·|uⱼ| + Σ|terms of both inner products|): the rounding of two
///   correct products and two inner products. It needs no reference at all, so it is far tighter than
///   a comparison with differences. JAX's `check_grads(modes=['fwd', 'rev'])` tests the same identity
///   (its `check_vjp` compares inner products with the JVP); PyTorch's `gradcheck(check_forward_ad=True)`
///   compares forward-mode and backward-mode Jacobians with differences.
/// An entry whose reference is too uncertain is undecided (as in ``EntryComparison``); a JVP or VJP that
/// throws or returns the wrong number of values fails the point with a message naming the direction.
struct DirectionalDerivativeCheck {
    var subject: String
    var referenceDescription: String
    var tolerance: Tolerance
    var estimateFactor: Double
    var directions: CheckDirections
    var layout: ParameterLayout?
    var dotProductUlps: Double

    /// ε of the working precision, `Double`.
    static let epsilon = Double.ulpOfOne

    func run(
        reference: (SamplePoint) -> Result<LinearizationReference, ReferenceUnavailable>,
        jvp: (([Double], [Double]) throws -> [Double])?,
        vjp: (([Double], [Double]) throws -> [Double])?,
        at points: SamplePoints
    ) -> GradientCheckReport {
        let checks = points.resolved.map { point -> PointCheck in
            if let layout, let mismatch = layout.mismatch(inputCount: point.coordinates.count) {
                return PointCheck(point: point, outcome: .failed, message: mismatch)
            }
            switch reference(point) {
            case .failure(let unavailable):
                return PointCheck(point: point, outcome: .undecided, message: unavailable.reason)
            case .success(let linearization):
                return check(at: point, linearization, jvp: jvp, vjp: vjp)
            }
        }
        return GradientCheckReport(
            subject: subject, reference: referenceDescription, tolerance: tolerance, estimateFactor: estimateFactor,
            points: checks, outcome: .passed, replayHint: directions.replayHint, layout: layout
        ).withCombinedOutcome()
    }

    private func check(
        at point: SamplePoint, _ reference: LinearizationReference,
        jvp: (([Double], [Double]) throws -> [Double])?, vjp: (([Double], [Double]) throws -> [Double])?
    ) -> PointCheck {
        let x = point.coordinates
        let m = reference.jacobian.count, n = x.count
        var entries: [EntryCheck] = []
        var messages: [String] = []
        var row = 0
        // Each product under test, for every seed of its kind: called, its length checked against the
        // results it must have, and compared entry by entry with the reference's product for that seed.
        func checkProducts(
            _ kind: String, seeds prefix: String, seedDimension: Int, results: Int, resultNoun: String,
            _ productUnderTest: ([Double], [Double]) throws -> [Double],
            reference product: ([Double]) -> [(value: ExtendedReal, estimate: Double)],
            name: (CheckDirections.Direction, Int) -> String
        ) -> [(CheckDirections.Direction, [Double])] {
            var checked: [(CheckDirections.Direction, [Double])] = []
            for seed in directions.directions(dimension: seedDimension, prefix: prefix) {
                defer { row += 1 }
                let got: [Double]
                do { got = try productUnderTest(x, seed.vector) } catch {
                    messages.append("the \(kind) under test threw for \(seed.label): \(error)")
                    continue
                }
                guard got.count == results else {
                    messages.append(
                        "the \(kind) returned \(got.count) \(got.count == 1 ? "value" : "values") for \(seed.label); "
                            + "f has \(results) \(resultNoun)\(results == 1 ? "" : "s")")
                    continue
                }
                checked.append((seed, got))
                let names = (0..<results).map { name(seed, $0) }
                entries += compare(got, product(seed.vector), names: names, row: row, point: point, reference: reference)
            }
            return checked
        }
        let tangents = jvp.map { jvp in
            checkProducts(
                "JVP", seeds: "u", seedDimension: n, results: m, resultNoun: "output", jvp,
                reference: { u in
                    (0..<m).map { i in weightedSum(reference, over: (0..<n).map { j in (i, j, u[j]) }, count: n) }
                },
                name: { u, i in jvpName(u, output: i, outputs: m) })
        } ?? []
        let cotangents = vjp.map { vjp in
            checkProducts(
                "VJP", seeds: "w", seedDimension: m, results: n, resultNoun: "input", vjp,
                reference: { w in
                    (0..<n).map { j in weightedSum(reference, over: (0..<m).map { i in (i, j, w[i]) }, count: m) }
                },
                name: { w, j in vjpName(w, input: j, outputs: m) })
        } ?? []
        let pairs = zip(tangents.filter { $0.0.basisIndex == nil }, cotangents.filter { $0.0.basisIndex == nil })
        for ((u, ju), (w, wj)) in pairs {
            entries.append(dotProductEntry(u: u, ju: ju, w: w, wj: wj, reference: reference, row: row))
            row += 1
        }
        let outcome: CheckOutcome =
            if !messages.isEmpty || entries.contains(where: { $0.outcome == .failed }) { .failed }
            else if entries.contains(where: { $0.outcome == .undecided }) { .undecided }
            else { .passed }
        var message = messages.isEmpty ? nil : messages.joined(separator: "; ")
        if outcome == .undecided, let unsure = entries.first(where: { $0.outcome == .undecided }) {
            message = "the reference is too uncertain to decide \(unsure.name) "
                + "(estimate \(unsure.referenceEstimate.map { NumberText.short($0) } ?? "not finite")): a kink, a discontinuity or noise near the point?"
        }
        return PointCheck(point: point, outcome: outcome, message: message, entries: entries)
    }

    /// Σ weight·Jᵢⱼ in extended precision, with its error estimate: Σ|weight|·Eᵢⱼ plus the rounding of a
    /// correct `Double` product, (count + 16)·ε·Σ|weight|·Mᵢⱼ.
    private func weightedSum(
        _ reference: LinearizationReference, over terms: [(Int, Int, Double)], count: Int
    ) -> (value: ExtendedReal, estimate: Double) {
        var value: ExtendedReal = 0, magnitude: ExtendedReal = 0, estimate = 0.0
        for (i, j, weight) in terms where weight != 0 {
            value += ExtendedReal(weight) * reference.jacobian[i][j]
            magnitude += ExtendedReal(weight.magnitude) * reference.magnitude[i][j]
            if let e = reference.estimate { estimate += weight.magnitude * e[i][j] }
        }
        let rounding = Double(count + 16) * Self.epsilon * Double(magnitude)
        return (value, estimate + rounding)
    }

    private func compare(
        _ got: [Double], _ product: [(value: ExtendedReal, estimate: Double)], names: [String], row: Int,
        point: SamplePoint, reference: LinearizationReference
    ) -> [EntryCheck] {
        let comparison = EntryComparison(
            tolerance: tolerance, estimateFactor: estimateFactor, decisionLimit: CheckDefaults.decisionLimit,
            inputNames: [], vectorValued: false, minimumFloor: reference.minimumFloor, entryNames: [names])
        let compared = comparison.compare(
            at: point, candidate: [got], reference: [product.map(\.value)], estimates: [product.map(\.estimate)])
        return compared.entries.map { entry in
            var entry = entry
            entry.row = row
            return entry
        }
    }

    private func dotProductEntry(
        u: CheckDirections.Direction, ju: [Double], w: CheckDirections.Direction, wj: [Double],
        reference: LinearizationReference, row: Int
    ) -> EntryCheck {
        let forwardTerms = zip(ju, w.vector).map { ExtendedReal($0) * ExtendedReal($1) }
        let reverseTerms = zip(u.vector, wj).map { ExtendedReal($0) * ExtendedReal($1) }
        let forward = forwardTerms.reduce(0, +), reverse = reverseTerms.reduce(0, +)
        var scale = forwardTerms.reduce(0) { $0 + $1.magnitude } + reverseTerms.reduce(0) { $0 + $1.magnitude }
        for (i, wi) in w.vector.enumerated() where wi != 0 {
            for (j, uj) in u.vector.enumerated() where uj != 0 {
                scale += ExtendedReal(wi.magnitude) * reference.magnitude[i][j] * ExtendedReal(uj.magnitude)
            }
        }
        let m = w.vector.count, n = u.vector.count
        let allowed = (dotProductUlps + Double(m + n)) * Self.epsilon * Double(scale)
        let gap = (reverse - forward).magnitude
        let valid = forward.isFinite && reverse.isFinite
        // Without a finite size of the terms (a reference entry that is not finite) there is no bound:
        // undecided, as for the entries themselves.
        let outcome: CheckOutcome = !scale.isFinite ? .undecided : valid && Double(gap) <= allowed ? .passed : .failed
        return EntryCheck(
            row: row, column: 0, name: "⟨jvp(\(u.label)), \(w.label)⟩ = ⟨\(u.label), vjp(\(w.label))⟩",
            value: Double(reverse), reference: Double(forward), absoluteError: valid ? Double(gap) : .nan,
            relativeError: valid ? (scale > 0 ? Double(gap / scale) : Double(gap)) : .nan,
            allowed: allowed, referenceEstimate: allowed, outcome: outcome)
    }

    /// `jvp(u1)[0]`; for a unit tangent eⱼ the entry is Jᵢⱼ: `jvp(e1)[0] = ∂f[0]/∂x[1]`.
    private func jvpName(_ u: CheckDirections.Direction, output i: Int, outputs m: Int) -> String {
        let product = m == 1 ? "jvp(\(u.label))" : "jvp(\(u.label))[\(i)]"
        guard let j = u.basisIndex else { return product }
        return product + " = " + partialName(output: i, input: j, outputs: m)
    }

    /// `vjp(w1)[3]`, `vjp(w1)[W1[0,3]]` with a layout; for a unit seed eᵢ the entry is Jᵢⱼ:
    /// `vjp(e1)[0] = ∂f[1]/∂x[0]`.
    private func vjpName(_ w: CheckDirections.Direction, input j: Int, outputs m: Int) -> String {
        let product = "vjp(\(w.label))[\(layout?.name(of: j) ?? "\(j)")]"
        guard let i = w.basisIndex else { return product }
        return product + " = " + partialName(output: i, input: j, outputs: m)
    }

    private func partialName(output i: Int, input j: Int, outputs m: Int) -> String {
        let input = layout?.name(of: j) ?? "x[\(j)]"
        return m == 1 ? "∂f/∂\(input)" : "∂f[\(i)]/∂\(input)"
    }
}

/// Why there is no reference at a point (the point is then undecided).
struct ReferenceUnavailable: Error {
    var reason: String
}
