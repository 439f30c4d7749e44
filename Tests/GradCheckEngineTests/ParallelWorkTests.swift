import Foundation
import GradCheckCore
import GradCheckEngine
import Synchronization
import Testing

/// The pool behind `--jobs`: every item once, results in the items' order, never more threads than
/// jobs, and really several at once.
@Suite struct ParallelWorkTests {
    /// Results come back in the items' order whatever order the threads take them in and finish them,
    /// each item mapped exactly once.
    @Test(arguments: [1, 2, 3, 8, 100]) func resultsComeBackInTheItemsOrder(jobs: Int) {
        let items = Array(0..<57)
        let calls = Mutex<[Int]>([])
        // Reversed: the last item is taken first.
        let results = ParallelWork.map(items, jobs: jobs, order: items.reversed()) { item -> String in
            calls.withLock { $0.append(item) }
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
        #expect(calls.withLock { $0 }.sorted() == items)
    }

    /// With one job everything runs on the calling thread, in the items' order (the order is ignored):
    /// exactly today's sequential loop.
    @Test func oneJobIsASequentialMapOnTheCallingThread() {
        let caller = pthread_self()
        let seen = Mutex<[Int]>([])
        let onCaller = Mutex(true)
        _ = ParallelWork.map(Array(0..<10), jobs: 1, order: Array((0..<10).reversed())) { item in
            seen.withLock { $0.append(item) }
            if pthread_equal(pthread_self(), caller) == 0 { onCaller.withLock { $0 = false } }
        }
        #expect(seen.withLock { $0 } == Array(0..<10))
        #expect(onCaller.withLock { $0 })
    }

    /// No more than `jobs` items are in progress at once.
    @Test(arguments: [2, 3]) func atMostJobsItemsRunAtOnce(jobs: Int) {
        let running = Mutex((now: 0, most: 0))
        _ = ParallelWork.map(Array(0..<40), jobs: jobs) { _ in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            usleep(500)
            running.withLock { $0.now -= 1 }
        }
        #expect(running.withLock { $0.most } <= jobs)
    }

    /// Three jobs run three items at the same time: each item waits (at most a minute, so that a
    /// sequential pool fails instead of hanging) until all three have started.
    @Test func severalJobsRunItemsConcurrently() {
        let arrived = Mutex(0)
        let allArrived = DispatchSemaphore(value: 0)
        let sawAll = ParallelWork.map(Array(0..<3), jobs: 3) { _ -> Bool in
            let count = arrived.withLock { count in
                count += 1
                return count
            }
            if count == 3 { for _ in 0..<3 { allArrived.signal() } }
            return allArrived.wait(timeout: .now() + 60) == .success
        }
        #expect(sawAll == [true, true, true])
    }

    /// Work items get a main thread's stack: deep recursion (over 1 MiB) that would overflow a default
    /// 512 KiB thread stack runs on the workers as on the main thread.
    @Test func workersHaveALargeStack() {
        let results = ParallelWork.map(Array(0..<4), jobs: 4) { _ in Self.depth(20_000) }
        #expect(results == [20_000, 20_000, 20_000, 20_000])
    }

    /// `n`, counted by `n` nested calls of at least 64 bytes of stack each.
    @inline(never) static func depth(_ n: Int) -> Int {
        var padding = (0, 0, 0, 0, 0, 0, 0, 0)
        padding.0 = n
        return n == 0 ? withUnsafeMutablePointer(to: &padding) { $0.pointee.0 } : depth(n - 1) + 1
    }
}
