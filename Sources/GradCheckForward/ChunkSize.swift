/// How many partials a chunked forward pass carries: ForwardDiff.jl's chunk-size heuristic with the
/// threshold 16.
///
/// For n ≤ 16 inputs one pass carries all n partials. Above, the gradient needs c = ⌈n/16⌉ passes
/// anyway, and the chunk size is balanced over them: k = ⌈n/c⌉ ≤ 16, so the last pass is as full as the
/// others can make it (n = 20 gives two passes of 10, not 16 + 4; the partials of an idle slot still cost
/// their arithmetic). For n > 240 this is always 16.
///
/// Cost of a full gradient: ⌈n/k⌉ passes, each about (1 + c·k)·ops(f) for a small constant c (a product
/// of chunked duals costs 2k multiplications and k additions beyond the value's own), so the total is
/// about n·ops(f)·c plus (n/k)·ops(f): the per-pass overhead (the value's own arithmetic, the program's
/// loops and branches) is paid n/k times instead of n times.
public enum ChunkSize {
    /// The widest chunk: the largest `width` of ``ChunkedDual`` the strategy instantiates.
    public static let maximum = 16

    /// The chunk size k for a function of `inputCount` inputs (1 for no inputs).
    public static func forInputCount(_ inputCount: Int, threshold: Int = maximum) -> Int {
        precondition(threshold >= 1, "the threshold must be positive")
        guard inputCount > threshold else { return Swift.max(1, inputCount) }
        let chunks = (inputCount + threshold - 1) / threshold
        return (inputCount + chunks - 1) / chunks
    }

    /// The number of passes a full gradient with chunk size `chunkSize` needs: ⌈n/k⌉.
    public static func passes(inputCount: Int, chunkSize: Int) -> Int {
        (inputCount + chunkSize - 1) / chunkSize
    }
}
