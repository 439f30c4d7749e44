/// A sum viewed as c₀ + Σ cᵢ·mᵢ: the form in which like terms are collected.
struct LinearForm {
    var constant: Double = 0
    var terms: [(monomial: NodeID, coefficient: Double)] = []

    /// Adds c·m, merging with an existing term of the same monomial; false when a coefficient sum is inexact.
    mutating func add(_ monomial: NodeID, _ coefficient: Double) -> Bool {
        if let i = terms.firstIndex(where: { $0.monomial == monomial }) {
            guard let sum = ExactArithmetic.add(terms[i].coefficient, coefficient) else { return false }
            terms[i].coefficient = sum
            return true
        }
        terms.append((monomial, coefficient))
        return true
    }
}

/// A product viewed as c · Π bᵢ^eᵢ: the form in which powers are collected.
struct ProductForm {
    var coefficient: Double = 1
    var factors: [(base: NodeID, exponent: Int)] = []
}

extension SimplifyingBuilder {
    // MARK: Sums

    /// The linear form of `id` (through +, −, negation, c·m and m/c), or nil when it has more than
    /// ``collectionLimit`` terms or a coefficient would be inexact.
    ///
    /// Too many terms is remembered (``oversizedSums``), and a walk stops at a subtree known to have them,
    /// with the answer it would reach anyway: nil. The walk descends only through +, − and negation, so
    /// with a multiplier of ±1, under which a subtree's monomials (m of c·m, m/c, or the node itself) are
    /// the same wherever it stands; the list of terms never shrinks (a coefficient that cancels stays, as
    /// 0); a constant never adds a term. So every walk through an oversized subtree lists more than
    /// ``collectionLimit`` terms, or fails earlier on an inexact coefficient.
    mutating func linearForm(_ id: NodeID) -> LinearForm? {
        var form = LinearForm()
        var stack: [(NodeID, Double)] = [(id, 1)]
        while let (node, multiplier) = stack.popLast() {
            if oversizedSums.contains(node) {
                oversizedSums.insert(id)
                return nil
            }
            switch graph.operation(node) {
            case .constant(let c):
                guard let scaled = ExactArithmetic.multiply(multiplier, c),
                    let sum = ExactArithmetic.add(form.constant, scaled)
                else { return nil }
                form.constant = sum
            case .add:
                stack.append((graph.second(node)!, multiplier))
                stack.append((graph.first(node)!, multiplier))
            case .subtract:
                stack.append((graph.second(node)!, -multiplier))
                stack.append((graph.first(node)!, multiplier))
            case .negate:
                stack.append((graph.first(node)!, -multiplier))
            case .multiply where value(graph.first(node)!) != nil:
                guard let c = ExactArithmetic.multiply(multiplier, value(graph.first(node)!)!),
                    form.add(graph.second(node)!, c)
                else { return nil }
            case .divide where value(graph.second(node)!) != nil:
                guard let c = ExactArithmetic.divide(multiplier, value(graph.second(node)!)!) else {
                    guard form.add(node, multiplier) else { return nil }
                    break
                }
                guard form.add(graph.first(node)!, c) else { return nil }
            default:
                guard form.add(node, multiplier) else { return nil }
            }
            if form.terms.count > collectionLimit {
                oversizedSums.insert(id)
                return nil
            }
        }
        return form
    }

    /// a ± b, collected when the operands share a monomial or both carry a constant.
    mutating func collectSum(_ a: NodeID, _ b: NodeID, sign: Int) throws -> NodeID {
        guard var merged = linearForm(a), let right = linearForm(b) else { return try plainSum(a, b, sign: sign) }
        let shared = right.terms.contains { term in merged.terms.contains { $0.monomial == term.monomial } }
        guard shared || (merged.constant != 0 && right.constant != 0) else { return try plainSum(a, b, sign: sign) }
        let s = Double(sign)
        guard let constant = ExactArithmetic.add(merged.constant, s * right.constant) else {
            return try plainSum(a, b, sign: sign)
        }
        merged.constant = constant
        for term in right.terms where !merged.add(term.monomial, s * term.coefficient) {
            return try plainSum(a, b, sign: sign)
        }
        return try buildSum(merged)
    }

    /// The node of a linear form: terms in id order, positive ones added, negative ones subtracted, the
    /// constant last; zero terms dropped (x − x → 0).
    mutating func buildSum(_ form: LinearForm) throws -> NodeID {
        let terms = form.terms.filter { $0.coefficient != 0 }.sorted { $0.monomial < $1.monomial }
        guard !terms.isEmpty else { return try constant(form.constant) }
        let start = terms.firstIndex { $0.coefficient > 0 } ?? 0
        var sum = try term(terms[start].monomial, terms[start].coefficient.magnitude)
        if terms[start].coefficient < 0 { sum = try make(.negate, sum) }
        for (i, t) in terms.enumerated() where i != start {
            let node = try term(t.monomial, t.coefficient.magnitude)
            sum = try make(t.coefficient > 0 ? .add : .subtract, sum, node)
        }
        if form.constant > 0 { sum = try make(.add, sum, constant(form.constant)) }
        if form.constant < 0 { sum = try make(.subtract, sum, constant(-form.constant)) }
        return sum
    }

    /// c·m for a positive coefficient c (just m for c = 1).
    private mutating func term(_ monomial: NodeID, _ c: Double) throws -> NodeID {
        c == 1 ? monomial : try make(.multiply, constant(c), monomial)
    }

    // MARK: Products

    /// The product form of `id` (through ·, /, negation, integer powers and constants), or nil when it has
    /// more than ``collectionLimit`` factors.
    func productForm(_ id: NodeID, inverted: Bool = false) -> ProductForm? {
        var form = ProductForm()
        var stack: [(NodeID, Int)] = [(id, inverted ? -1 : 1)]
        while let (node, sign) = stack.popLast() {
            switch graph.operation(node) {
            case .constant(let c):
                let folded = sign > 0
                    ? ExactArithmetic.multiply(form.coefficient, c) : ExactArithmetic.divide(form.coefficient, c)
                if let folded { form.coefficient = folded } else { form.factors.append((node, sign)) }
            case .negate:
                form.coefficient = -form.coefficient
                stack.append((graph.first(node)!, sign))
            case .multiply:
                stack.append((graph.second(node)!, sign))
                stack.append((graph.first(node)!, sign))
            case .divide:
                stack.append((graph.second(node)!, -sign))
                stack.append((graph.first(node)!, sign))
            case .power(let n):
                // An exponent of Int.min would have no negation for the denominator (buildProduct).
                let (e, overflow) = n.multipliedReportingOverflow(by: sign)
                if overflow || e == .min { return nil }
                form.factors.append((graph.first(node)!, e))
            default:
                form.factors.append((node, sign))
            }
            if form.factors.count > collectionLimit { return nil }
        }
        return form
    }

    /// Whether b^e₁ · b^e₂ may become b^(e₁+e₂): always when the exponents have the same sign, otherwise only
    /// for a provably nonzero base (b²/b → b would fill in the pole of the original at b = 0).
    func canCombine(_ base: NodeID, _ e1: Int, _ e2: Int) -> Bool {
        (e1 > 0) == (e2 > 0) || isNonzero(base)
    }

    /// a · b or a / b, collected in one of two ways:
    /// - when the operands share a base (x·x → x², x²/x → x), or carry a coefficient below their top level
    ///   (x·(1/(2·y)) → x/(2·y)), both are flattened into product forms, merged and rebuilt;
    /// - otherwise, when their top-level coefficients are not in canonical position, these are pulled to
    ///   the front without flattening anything ((4·d)·y → 4·(d·y), (2·x)·(3·y) → 6·(x·y)), so that a long
    ///   chain of products keeps its structure (and its sharing).
    mutating func collectProduct(_ a: NodeID, _ b: NodeID, divide: Bool) throws -> NodeID {
        let (ca, ma) = splitCoefficient(a), (cb, mb) = splitCoefficient(b)
        if var merged = productForm(a), let right = productForm(b, inverted: divide),
            right.factors.contains(where: { f in
                merged.factors.contains { $0.base == f.base && canCombine(f.base, $0.exponent, f.exponent) }
            }) || [ma, mb].contains(where: { m in m.flatMap { productForm($0) }.map { $0.coefficient != 1 } ?? false }),
            let coefficient = ExactArithmetic.multiply(merged.coefficient, right.coefficient)
        {
            merged.coefficient = coefficient
            var overflow = false
            for f in right.factors {
                if let i = merged.factors.firstIndex(where: {
                    $0.base == f.base && canCombine(f.base, $0.exponent, f.exponent)
                }) {
                    let (sum, o) = merged.factors[i].exponent.addingReportingOverflow(f.exponent)
                    overflow = overflow || o || sum == .min
                    merged.factors[i].exponent = sum
                } else {
                    merged.factors.append(f)
                }
            }
            if !overflow { return try buildProduct(merged) }
        }
        let scaled = [(ca, ma), (cb, mb)].filter { $0.0 != 1 }
        let canonical = scaled.isEmpty || (scaled.count == 1 && scaled[0].1 == nil && (!divide || ma == nil))
        let coefficient = divide ? ExactArithmetic.divide(ca, cb) : ExactArithmetic.multiply(ca, cb)
        guard !canonical, let coefficient else {
            return divide ? try make(.divide, a, b) : try plainProduct(a, b)
        }
        var form = ProductForm(coefficient: coefficient)
        if let ma { form.factors.append((ma, 1)) }
        if let mb { form.factors.append((mb, divide ? -1 : 1)) }
        return try buildProduct(form)
    }

    /// id = c·m at the top level (through c·m, −m and m/c with an exact 1/c); m is nil for a constant.
    func splitCoefficient(_ id: NodeID) -> (coefficient: Double, rest: NodeID?) {
        if let c = value(id) { return (c, nil) }
        switch graph.operation(id) {
        case .negate:
            let (c, m) = splitCoefficient(graph.first(id)!)
            return (-c, m)
        case .multiply:
            if let c = value(graph.first(id)!) { return (c, graph.second(id)!) }
        case .divide:
            if let c = value(graph.second(id)!), let r = ExactArithmetic.divide(1, c) { return (r, graph.first(id)!) }
        default:
            break
        }
        return (1, id)
    }

    /// The node of a product form: numerator factors over denominator factors, bases in id order, the
    /// coefficient in front (or as an integer divisor when its reciprocal is one: x/2, 1/(3·v²)).
    mutating func buildProduct(_ form: ProductForm) throws -> NodeID {
        if form.coefficient == 0 { return try constant(0) }
        let factors = form.factors.filter { $0.exponent != 0 }.sorted { $0.base < $1.base }
        let numerator = try chain(factors.filter { $0.exponent > 0 }.map { ($0.base, $0.exponent) })
        let denominator = try chain(factors.filter { $0.exponent < 0 }.map { ($0.base, -$0.exponent) })
        let magnitude = form.coefficient.magnitude
        let reciprocal = ExactArithmetic.divide(1, magnitude).flatMap { $0.rounded() == $0 && $0 > 1 ? $0 : nil }
        var result: NodeID
        var scaled = false
        switch (numerator, denominator) {
        case (nil, nil):
            return try constant(form.coefficient)
        case (let n?, nil):
            if magnitude == 1 {
                result = n
            } else if let r = reciprocal {
                result = try make(.divide, n, constant(r))
            } else {
                result = try make(.multiply, constant(magnitude), n)
                scaled = true
            }
        case (nil, let d?):
            if let r = reciprocal {
                result = try make(.divide, constant(1), make(.multiply, constant(r), d))
            } else {
                result = try make(.divide, constant(magnitude), d)
            }
        case (let n?, let d?):
            if let r = reciprocal {
                result = try make(.divide, n, make(.multiply, constant(r), d))
            } else if magnitude == 1 {
                result = try make(.divide, n, d)
            } else {
                result = try make(.multiply, constant(magnitude), make(.divide, n, d))
                scaled = true
            }
        }
        guard form.coefficient < 0 else { return result }
        if scaled { return try make(.multiply, constant(-magnitude), graph.second(result)!) }
        return try make(.negate, result)
    }

    /// b₁^e₁ · b₂^e₂ · … as a left-to-right chain of products (nil when empty).
    private mutating func chain(_ factors: [(NodeID, Int)]) throws -> NodeID? {
        var result: NodeID?
        for (base, exponent) in factors {
            let factor = exponent == 1 ? base : try make(.power(exponent), base)
            result = try result.map { try make(.multiply, $0, factor) } ?? factor
        }
        return result
    }
}
