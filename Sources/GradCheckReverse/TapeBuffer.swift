/// A growable contiguous buffer of `Element`s with manual memory management: the tape's node values (kept
/// when it traces) and its adjoints. The records themselves are a packed byte stream in `TapeStorage`.
///
/// Unlike `Array`, appending does no uniqueness check and no exclusivity check (the buffer lives in the
/// tape's storage, reached through a pointer); ``removeAll()`` keeps the memory, so a tape that is reset
/// and refilled with a program of the same size allocates nothing. Growth doubles the capacity (amortised
/// O(1) appends) in a slow path kept out of line.
///
/// The buffer does not free itself: its owner calls ``deallocate()`` exactly once. Elements are
/// initialised on append and deinitialised on ``removeAll()`` (free for trivial types such as `Double`).
@usableFromInline struct TapeBuffer<Element> {
    @usableFromInline var base: UnsafeMutablePointer<Element>?
    @usableFromInline var count: Int = 0
    @usableFromInline var capacity: Int = 0

    @inlinable init() {}

    /// Appends `element`, growing the storage when it is full.
    @inlinable mutating func append(_ element: Element) {
        if _slowPath(count == capacity) { grow(minimumCapacity: count + 1) }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    /// The element at `index` (unchecked beyond a debug assertion).
    @inlinable subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "tape buffer index out of range")
            return base.unsafelyUnwrapped[index]
        }
        nonmutating set {
            assert(index >= 0 && index < count, "tape buffer index out of range")
            base.unsafelyUnwrapped[index] = newValue
        }
    }

    /// Removes every element and keeps the memory for reuse.
    @inlinable mutating func removeAll() {
        if count > 0 { base.unsafelyUnwrapped.deinitialize(count: count) }
        count = 0
    }

    /// Makes the buffer hold exactly `newCount` copies of `element` (growing once if needed).
    @inlinable mutating func fill(_ element: Element, count newCount: Int) {
        removeAll()
        if newCount > capacity { grow(minimumCapacity: newCount) }
        if newCount > 0 { base.unsafelyUnwrapped.initialize(repeating: element, count: newCount) }
        count = newCount
    }

    /// Ensures room for `minimumCapacity` elements without further allocation.
    @inlinable mutating func reserve(_ minimumCapacity: Int) {
        if minimumCapacity > capacity { grow(minimumCapacity: minimumCapacity) }
    }

    /// Moves the elements to a new allocation of at least twice the capacity (and at least 64). Inlinable so
    /// that it specialises, never inlined so that the append fast path stays small.
    @inlinable @inline(never) mutating func grow(minimumCapacity: Int) {
        let newCapacity = Swift.max(minimumCapacity, capacity * 2, 64)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }

    /// Deinitialises the elements and frees the memory. The buffer is empty afterwards.
    @usableFromInline mutating func deallocate() {
        removeAll()
        base?.deallocate()
        base = nil
        capacity = 0
    }
}
