import Foundation
import GradCheckCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded pool of threads that maps work items to results, in the items' order whatever order they
/// finish in.
///
/// `jobs` threads (the calling thread and `jobs − 1` started ones) each take the next item nobody has
/// taken yet, so a slow item holds up one thread only; the results come back in the order of the items.
/// With `jobs` ≤ 1, or a single item, everything runs on the calling thread, one item after the other:
/// exactly a sequential `map`.
///
/// The started threads get a stack of ``stackSize`` bytes, the size of a main thread's stack on Linux
/// and macOS, so that work running on a worker (a phase without a time limit; with one, ``TimeLimit``
/// runs it on a thread of its own) has the room it has with one job on the main thread, and the
/// interpreter's `StackGuard` stops deep recursion at about the same depth. A thread that cannot be started
/// (too many threads, or too little address space under `ulimit -v`) is one worker fewer: the calling
/// thread always takes items too.
///
/// Cost: one thread start per job (tens of microseconds), one atomic increment per item and one lock per
/// result; the items themselves (a function's reference and cells) take milliseconds or more.
public enum ParallelWork {
    /// The stack size of a started worker thread: 8 MiB of address space, touched only as deep as the
    /// work goes.
    public static let stackSize = 8 << 20

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
        // A thread that cannot be started (too many threads, or too little address space for their stacks
        // under `ulimit -v`) is a worker fewer, never a failure: the calling thread always works.
        var started: [WorkerThread] = []
        for _ in 1..<workers {
            guard let thread = WorkerThread.start({ batch.work() }) else { break }
            started.append(thread)
        }
        batch.work()
        for thread in started { thread.join() }
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

/// A started POSIX thread with a ``ParallelWork/stackSize``-byte stack, joined once.
private struct WorkerThread {
    #if canImport(Darwin)
    let thread: pthread_t?
    #else
    let thread: pthread_t
    #endif

    /// The body a thread runs, handed to its entry point.
    private final class Entry: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// A thread running `body`, or nil when none could be started.
    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, ParallelWork.stackSize)
        let entry = Unmanaged.passRetained(Entry(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { argument in
            guard let argument else { return nil }
            Unmanaged<Entry>.fromOpaque(argument).takeRetainedValue().body()
            return nil
        }, entry)
        guard status == 0 else {
            Unmanaged<Entry>.fromOpaque(entry).release()
            return nil
        }
        return WorkerThread(thread: thread)
    }

    /// Waits for the thread to end.
    func join() {
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }
}
