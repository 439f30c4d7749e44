// Counts heap allocations by interposing malloc, calloc and realloc (see AllocationCounter.h).
#include "AllocationCounter.h"

#if defined(__linux__)
#include <features.h>
#endif

#if defined(__GLIBC__)
#include <errno.h>
#include <stddef.h>
#include <stdatomic.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static _Atomic unsigned long long allocations = 0;
// The same count per thread (static TLS of the executable: reading it never allocates), so that a
// measurement is not disturbed by other threads, e.g. tests running in parallel.
static _Thread_local unsigned long long threadAllocations = 0;

static inline void count_one(void) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
    threadAllocations += 1;
}

void *malloc(size_t size) {
    count_one();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    count_one();
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    count_one();
    return __libc_realloc(pointer, size);
}

// The Swift runtime allocates with posix_memalign whenever it asks for the default alignment (which
// `UnsafeMutablePointer.allocate` does), so the aligned entry points are counted too.
int posix_memalign(void **result, size_t alignment, size_t size) {
    count_one();
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment % sizeof(void *) != 0) {
        return EINVAL;
    }
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

unsigned long long gradcheck_allocation_count(void) {
    return atomic_load_explicit(&allocations, memory_order_relaxed);
}

unsigned long long gradcheck_thread_allocation_count(void) { return threadAllocations; }

int gradcheck_allocation_counting_is_compiled(void) { return 1; }

#else

// The Swift runtime allocates with posix_memalign whenever it asks for the default alignment (which
// `UnsafeMutablePointer.allocate` does), so the aligned entry points are counted too.
int posix_memalign(void **result, size_t alignment, size_t size) {
    count_one();
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 || alignment % sizeof(void *) != 0) {
        return EINVAL;
    }
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

void *memalign(size_t alignment, size_t size) {
    count_one();
    return __libc_memalign(alignment, size);
}

unsigned long long gradcheck_allocation_count(void) { return 0; }
unsigned long long gradcheck_thread_allocation_count(void) { return 0; }
int gradcheck_allocation_counting_is_compiled(void) { return 0; }

#endif
