extension LogisticLoss {
    /// Minimises L by gradient descent from `start`, w ← w − step·∇L(w), until `tolerance` says stop.
    ///
    /// L is λ-strongly convex, so for a step below 2/(λ + Σᵢ‖xᵢ‖²/4) (the gradient's Lipschitz constant)
    /// the iterates converge linearly to the unique minimiser.
    public func fit(from start: [Double], step: Double, tolerance: Tolerance) -> [Double] {
        var w = start
        for _ in 0..<tolerance.maximumIterations {
            let g = gradient(w)
            if dot(g, g).squareRoot() <= tolerance.gradientNorm { break }
            for j in w.indices { w[j] -= step * g[j] }
        }
        return w
    }
}
