import GradCheckAllocationCounter

/// Heap allocations counted in process: calls of `malloc`, `calloc`, `realloc`, `posix_memalign`,
/// `aligned_alloc` and `memalign`, which the `GradCheckAllocationCounter` module interposes (glibc only)
/// and forwards to the C library's allocator.
///
/// Every Swift object, array buffer and `UnsafeMutablePointer.allocate` is one such call, so the difference of ``count`` around a computation is the number of heap allocations it
/// made (on this thread and any other running meanwhile: measure on a quiet process). Frees are not
/// counted.
public enum AllocationCounter {
    /// Allocations since the process started, or nil when counting is not available here.
    public static var count: UInt64? {
        isActive ? UInt64(gradcheck_allocation_count()) : nil
    }

    /// Whether the wrappers are compiled in and actually interpose the allocator (checked once, by
    /// allocating through the Swift runtime and watching the count move).
    public static let isActive: Bool = {
        guard gradcheck_allocation_counting_is_compiled() != 0 else { return false }
        let before = gradcheck_allocation_count()
        let probe = UnsafeMutablePointer<UInt64>.allocate(capacity: 4)
        probe.deallocate()
        return gradcheck_allocation_count() > before
    }()

    /// How the counts are taken, for reports.
    public static var method: String {
        isActive
            ? "calls of malloc, calloc, realloc and the aligned allocators, counted by interposing glibc's"
            : "not measured (allocation counting needs glibc)"
    }

    /// The allocations `body` makes, or nil when counting is not available.
    public static func allocations(in body: () throws -> Void) rethrows -> UInt64? {
        guard isActive else {
            try body()
            return nil
        }
        let before = gradcheck_thread_allocation_count()
        try body()
        return gradcheck_thread_allocation_count() - before
    }
}
