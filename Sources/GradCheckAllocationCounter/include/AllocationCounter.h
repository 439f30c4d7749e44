#ifndef GRADCHECK_ALLOCATION_COUNTER_H
#define GRADCHECK_ALLOCATION_COUNTER_H

/// A process-wide count of heap allocations, for the benchmarks' "allocations per gradient".
///
/// The module defines `malloc`, `calloc`, `realloc`, `posix_memalign`, `aligned_alloc` and `memalign`,
/// which count one call each and forward to glibc's own allocator (`__libc_malloc`, `__libc_calloc`,
/// `__libc_realloc`, `__libc_memalign`). Linked into an executable, these definitions interpose the C
/// library's for the whole process, the Swift runtime included (`swift_slowAlloc`, behind every Swift
/// object, array buffer and `UnsafeMutablePointer.allocate`, calls `malloc` or `posix_memalign`).
/// `free` is not wrapped: glibc's frees every block these return.
///
/// On a C library without these entry points (not glibc) nothing is defined and the count stays 0;
/// `gradcheck_allocation_counting_is_active` then returns 0 and callers report allocations as unknown.

#ifdef __cplusplus
extern "C" {
#endif

/// The number of counted allocation calls since the process started.
unsigned long long gradcheck_allocation_count(void);

/// The number of counted allocation calls made by the calling thread.
unsigned long long gradcheck_thread_allocation_count(void);

/// 1 when this build's allocator wrappers are compiled in (glibc), 0 otherwise.
int gradcheck_allocation_counting_is_compiled(void);

#ifdef __cplusplus
}
#endif

#endif
