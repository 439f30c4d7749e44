import Foundation
import Synchronization

/// A bounded pool of threads that maps work items to results, in the items' order whatever order they
/// finish in.
///
/// `jobs` threads (the calling thread and `jobs − 1` started ones) each take the next item nobody has
/// taken yet, so a slow item holds up one thread only; the results come back in the order of the items.
/// With `jobs` ≤ 1, or a single item, everything runs on the calling thread, one item after the other:
/// exactly a sequential `map`.
///
/// The started threads get a stack of ``stackSize`` bytes, like the threads of ``TimeLimit``, so that
/// work that runs without a time limit (on the worker itself) has at least the room it has on the main
/// thread; the interpreter's `StackGuard` turns deeper recursion into an error, never a crash.
///
/// Cost: one thread start per job (tens of microseconds), one atomic increment per item and one lock per
/// result; the items themselves (a function's reference and cells) take milliseconds or more.
public enum ParallelWork {
    /// The stack size of a started worker thread: 64 MiB of address space, touched only as deep as the
    /// work goes.
    public static let stackSize = 64 << 20

    /// `body` applied to every item, on at most `jobs` threads at once; result `i` is `body(items[i])`.
    ///
    /// - Parameter order: the order in which the threads take the items, as a permutation of their
    ///   indices (nil, or anything that is not such a permutation: first to last). Taking the longest
    ///   items first keeps a long item from starting last while the other threads sit idle: with exact
    ///   lengths, this longest-processing-time rule ends within 4/3 of the best schedule's time (Graham,
    ///   1969); with estimated ones it is a heuristic. The results come back in the items' order
    ///   whatever this order; with one job it is ignored.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, order: [Int]? = nil, _ body: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        let workers = min(max(1, jobs), items.count)
        guard workers > 1 else { return items.map(body) }
        let order = order.flatMap { $0.count == items.count && Set($0) == Set(items.indices) ? $0 : nil }
            ?? Array(items.indices)
        let batch = Batch(items, order: order, body)
        let finished = DispatchGroup()
        for _ in 1..<workers {
            finished.enter()
            let thread = Thread {
                batch.work()
                finished.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        batch.work()
        finished.wait()
        return batch.outputs()
    }

    /// The items, the next one to take and the results so far, shared by the workers.
    private final class Batch<Item: Sendable, Output: Sendable>: Sendable {
        let items: [Item]
        let order: [Int]
        let body: @Sendable (Item) -> Output
        let next = Atomic<Int>(0)
        let results: Mutex<[Output?]>

        init(_ items: [Item], order: [Int], _ body: @escaping @Sendable (Item) -> Output) {
            self.items = items
            self.order = order
            self.body = body
            results = Mutex(Array(repeating: nil, count: items.count))
        }

        /// Takes items and stores their results until none is left.
        func work() {
            while true {
                let taken = next.add(1, ordering: .relaxed).oldValue
                guard taken < order.count else { return }
                let index = order[taken]
                let output = body(items[index])
                results.withLock { $0[index] = output }
            }
        }

        /// The results in the items' order; call once every worker has returned from ``work()``, which
        /// by then has filled every slot.
        func outputs() -> [Output] {
            results.withLock { slots in slots.map { slot in slot! } }
        }
    }

    /// The default number of jobs: the processors this process may run on now.
    public static var availableProcessors: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
