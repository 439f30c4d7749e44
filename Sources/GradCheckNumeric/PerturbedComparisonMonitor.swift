import Synchronization

/// Watches one complex-step evaluation for comparisons of perturbed values.
///
/// A comparison returns a `Bool`, which cannot carry the fact that its operands had imaginary parts; so
/// ``ComplexStepNumber`` reports every comparison whose operands are not both real to the monitor that
/// is current in the task. ``watch(_:)`` installs a fresh monitor for the duration of a closure and returns
/// how many such comparisons the closure made. The current monitor is task-local, so concurrent
/// evaluations never see each other's comparisons; outside ``watch(_:)`` nothing is recorded.
///
/// Why it matters: `abs`, `max`, `min`, `relu` and any `if` or `while` on a perturbed value choose a
/// branch by the real part and carry the imaginary part of one branch. The real program is then only
/// piecewise analytic in the perturbed input, and the complex step's premise — one analytic function
/// evaluated at x + i·h — does not hold, so ``ComplexStepStrategy`` refuses the function instead of
/// returning a number it cannot vouch for. Comparing values with zero imaginary parts (a counter held in
/// the scalar type, a constant, an input that is not perturbed in this pass) is not reported.
public final class PerturbedComparisonMonitor: Sendable {
    @TaskLocal static var current: PerturbedComparisonMonitor?

    private let count = Atomic<Int>(0)

    private init() {}

    /// Runs `body` with a fresh monitor and returns its result with the number of comparisons of
    /// perturbed values it made.
    public static func watch<T>(_ body: () throws -> T) rethrows -> (result: T, perturbedComparisons: Int) {
        let monitor = PerturbedComparisonMonitor()
        let result = try $current.withValue(monitor) { try body() }
        return (result, monitor.count.load(ordering: .relaxed))
    }

    /// Records one comparison of a perturbed value into the current monitor, if one is installed.
    @usableFromInline static func recordPerturbedComparison() {
        current?.count.add(1, ordering: .relaxed)
    }
}
