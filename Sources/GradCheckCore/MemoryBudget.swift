import Foundation

/// How many bytes one evaluation of a test function may hold: a quarter of the memory this process may
/// use.
///
/// The memory the process may use is the smallest of the machine's physical memory, the address-space
/// limit (`ulimit -v`, `RLIMIT_AS`) and the data-segment limit (`RLIMIT_DATA`). A quarter leaves room for
/// what the budget does not count (a tape, the reference's inputs, the harness itself), so that an
/// evaluation that needs too much ends with a located error instead of an allocation failure that kills
/// the process.
public enum MemoryBudget {
    /// The bytes the process may use (see the type's description).
    public static let processBytes: Int = {
        var bytes = ProcessInfo.processInfo.physicalMemory > UInt64(Int.max)
            ? Int.max : Int(ProcessInfo.processInfo.physicalMemory)
        // An unlimited resource reads as RLIM_INFINITY, all bits set: beyond Int.max, so ignored.
        for resource in [RLIMIT_AS, RLIMIT_DATA] {
            var limit = rlimit()
            #if os(Linux)
            let status = getrlimit(__rlimit_resource_t(resource.rawValue), &limit)
            #else
            let status = getrlimit(resource, &limit)
            #endif
            if status == 0, limit.rlim_cur < UInt64(Int.max) {
                bytes = min(bytes, Int(limit.rlim_cur))
            }
        }
        return max(bytes, 64 << 20)
    }()

    /// The bytes one evaluation may hold: a quarter of ``processBytes``.
    public static let perEvaluation = processBytes / 4

    /// `bytes` for a message: "1.5 GiB", "300 MiB", "12 KiB", "100 bytes".
    public static func describe(_ bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value >= 10 ? "\(Int(value.rounded())) \(name)" : String(format: "%.1f", value) + " " + name
        }
        return "\(bytes) bytes"
    }
}
