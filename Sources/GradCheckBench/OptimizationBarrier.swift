/// Values the optimiser must treat as unknown, so that a timed computation is really done on every call.
///
/// The benchmark's methods are pure functions of a fixed point: without a barrier the compiler may
/// compute them once and hoist them out of the timing loop (it did: the plain function timed at 1 ns).
/// `@_optimize(none)` keeps these two functions opaque to the optimiser's analysis of side effects, at the
/// cost of one call each per timed call.
enum OptimizationBarrier {
    /// `value`, unknown to the optimiser.
    @_optimize(none) @inline(never) static func opaque<T>(_ value: T) -> T { value }

    /// Pretends to use `value`.
    @_optimize(none) @inline(never) static func consume<T>(_ value: T) {}
}
