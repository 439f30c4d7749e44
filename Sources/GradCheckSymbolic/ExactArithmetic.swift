/// Constant folding that never rounds.
///
/// The simplifier replaces an operation on constants by its `Double` result only when that result is
/// *exact*, i.e. equal to the real-number result. Exactness is checked with error-free transformations:
/// - a ± b: with s = fl(a + b), b′ = s − a, a′ = s − b′, the error (a − a′) + (b − b′) is zero (Knuth's
///   TwoSum, itself exact);
/// - a · b: fma(a, b, −p) = 0, the rounding error of the product;
/// - a / b: fma(q, b, −a) = 0, i.e. q · b reproduces a exactly.
/// Results that overflow, underflow to a subnormal or are NaN are not folded either.
///
/// This is what makes folding harmless in every precision: an expression evaluated in `Float80` after
/// folding gives the same value as before folding (a folded 1/3 would have been rounded to `Double`), and
/// the printed constants stay the program's own (`x/3`, not `0.3333333333333333·x`).
enum ExactArithmetic {
    /// a + b when it is exact.
    static func add(_ a: Double, _ b: Double) -> Double? {
        let s = a + b
        guard s.isFinite, a.isFinite, b.isFinite else { return nil }
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        let error = (a - aVirtual) + (b - bVirtual)
        return error == 0 && isNormalOrZero(s) ? s : nil
    }

    /// a − b when it is exact.
    static func subtract(_ a: Double, _ b: Double) -> Double? { add(a, -b) }

    /// a · b when it is exact.
    static func multiply(_ a: Double, _ b: Double) -> Double? {
        let p = a * b
        guard p.isFinite, a.isFinite, b.isFinite, isNormalOrZero(p) else { return nil }
        return (-p).addingProduct(a, b) == 0 ? p : nil
    }

    /// a / b when it is exact (never for b = 0).
    static func divide(_ a: Double, _ b: Double) -> Double? {
        guard b != 0, a.isFinite, b.isFinite else { return nil }
        let q = a / b
        guard q.isFinite, isNormalOrZero(q) else { return nil }
        return (-a).addingProduct(q, b) == 0 ? q : nil
    }

    /// cⁿ when it is exact (by repeated exact multiplication; a reciprocal for n < 0).
    static func power(_ c: Double, _ n: Int) -> Double? {
        if n == 0 { return 1 }
        var result = 1.0
        for _ in 0..<min(n.magnitude, 2048) {
            guard let next = multiply(result, c) else { return nil }
            result = next
        }
        guard n.magnitude <= 2048 else { return nil }
        return n < 0 ? divide(1, result) : result
    }

    private static func isNormalOrZero(_ x: Double) -> Bool { x == 0 || x.isNormal }
}
