#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses a call when the native stack is nearly exhausted, so that deep recursion in a suite is an
/// error and never a crash, whatever the thread's stack size (the main thread's 8 MiB, a worker
/// thread's 512 KiB or less).
///
/// The check is cheap enough to make on every call past a small depth: the current stack address is
/// compared with a limit computed once per evaluation from the thread's stack bounds, leaving a reserve
/// for what one call of the interpreter can use (expression trees are at most 200 levels deep): a quarter
/// of the stack, between 64 KiB and 1 MiB.
enum StackGuard {
    /// Bytes kept free below the deepest permitted call, for a stack of `size` bytes.
    static func reserve(forStackOf size: Int) -> Int { min(1 << 20, max(64 << 10, size / 4)) }
    /// Calls shallower than this are not checked.
    static let uncheckedDepth = 16

    /// The current stack address (approximately: the address of a local).
    @inline(never)
    static func currentAddress() -> Int {
        var marker = 0
        return withUnsafeMutablePointer(to: &marker) { Int(bitPattern: $0) }
    }

    /// The lowest address calls may use on this thread, or nil when the bounds are unknown (then only the
    /// recursion-depth limit applies, against a conservative 512 KiB below the current address).
    static func limitForCurrentThread() -> Int {
        if let (low, size) = bounds() { return low + reserve(forStackOf: size) }
        return currentAddress() - (512 << 10) + reserve(forStackOf: 512 << 10)
    }

    /// The lowest address and the size of the current thread's stack.
    static func bounds() -> (low: Int, size: Int)? {
        #if canImport(Glibc) || canImport(Musl)
        // `pthread_getattr_np` is a GNU extension the C module map does not expose; look it up at run time.
        typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        guard let symbol = dlsym(nil, "pthread_getattr_np") else { return nil }
        let getAttributes = unsafeBitCast(symbol, to: GetAttributes.self)
        var attributes = pthread_attr_t()
        guard getAttributes(pthread_self(), &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var address: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &address, &size) == 0, let address else { return nil }
        return (Int(bitPattern: address), size)
        #elseif canImport(Darwin)
        let thread = pthread_self()
        let top = Int(bitPattern: pthread_get_stackaddr_np(thread))
        let size = pthread_get_stacksize_np(thread)
        return (top - size, size)
        #else
        return nil
        #endif
    }

    /// Stack an evaluation may use before the thread's bounds are looked up (which can cost tens of
    /// microseconds on the main thread); every thread has at least this much.
    static let freeUse = 64 << 10

    /// Whether a call at `depth` still has room on the stack. The thread's bounds are only looked up, once
    /// per evaluation, when the evaluation has used more than ``freeUse`` bytes of stack.
    @inline(__always)
    static func hasRoom(_ state: UnsafeMutablePointer<Int>, depth: Int) -> Bool {
        guard depth > uncheckedDepth else { return true }
        let current = currentAddress()
        if state[ExecutionState.stackRoot] - current < freeUse { return true }
        if state[ExecutionState.stackLimit] == 0 { state[ExecutionState.stackLimit] = limitForCurrentThread() }
        return current > state[ExecutionState.stackLimit]
    }
}
