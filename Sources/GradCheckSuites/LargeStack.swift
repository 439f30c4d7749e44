import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the recursive passes of loading (parser, checker, static analysis, compiler) on a thread of their
/// own with a large stack, so that the deepest file the parser accepts (expressions and blocks nested 200
/// levels) loads whatever thread the caller is on — a debug build's frames are large, and a worker
/// thread's stack may be only 512 KiB. The thread is started once per file loaded; its stack is address
/// space that is only touched as deep as the work goes. When the calling thread has ``enough`` stack
/// left, the work runs right there instead.
enum LargeStack {
    /// The stack size of the loading thread.
    static let size = 64 << 20
    /// Stack the deepest accepted file needs, with a wide margin (a debug build's parser uses about
    /// 7 KiB per nesting level).
    static let enough = 4 << 20

    /// `body`'s result, computed on the calling thread if it has ``enough`` stack left, else on a fresh
    /// thread with a ``size``-byte stack.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        if let (low, _) = StackGuard.bounds(), StackGuard.currentAddress() - low >= enough { return body() }
        let job = LargeStackJob(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, &attributes, { argument in
            guard let argument else { return nil }
            Unmanaged<LargeStackWork>.fromOpaque(argument).takeRetainedValue().perform()
            return nil
        }, Unmanaged.passRetained(job).toOpaque())
        guard started == 0 else {
            Unmanaged.passUnretained(job).release()
            return body()
        }
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
        return job.result.withLock { $0 } ?? body()
    }
}

/// The work of a large-stack thread, type-erased so that the thread's entry point can run it.
class LargeStackWork: @unchecked Sendable {
    func perform() {}
}

/// Computes a value on the large-stack thread and keeps it for the caller.
final class LargeStackJob<T: Sendable>: LargeStackWork, @unchecked Sendable {
    let body: @Sendable () -> T
    let result = Mutex<T?>(nil)

    init(_ body: @escaping @Sendable () -> T) { self.body = body }

    override func perform() {
        let value = body()
        result.withLock { $0 = value }
    }
}
