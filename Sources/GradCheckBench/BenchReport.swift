import Foundation
import GradCheck

/// What the benchmark measured: one cell per function × size × method, plus how it was measured.
public struct BenchReport: Sendable, Codable {
    /// The version of this JSON layout.
    public var version = 1
    /// "release" or "debug"; debug timings are not meaningful.
    public var build: String
    /// The machine: architecture, processors, CPU model.
    public var machine: MachineDescription
    /// The per-cell time budget, in seconds.
    public var budgetSeconds: Double
    /// ω is counted at n ≤ this (operation counting is slow).
    public var countSize: Int
    /// How heap allocations are counted.
    public var allocationMethod: String
    public var cells: [BenchCell]
}

/// One measurement: a method on a function of a given size.
public struct BenchCell: Sendable, Codable {
    /// Whether the cell was measured, and if not why.
    public enum Status: String, Sendable, Codable {
        case measured
        /// Estimated to take longer than the budget (from a smaller size).
        case skipped
        /// The method's strategy is not registered.
        case notAvailable = "not-available"
        /// The method threw or gave a non-finite result.
        case failed
    }

    /// The benchmark function's name.
    public var function: String
    /// The number of inputs n.
    public var inputCount: Int
    public var method: BenchMethod
    public var status: Status
    /// Why the cell was skipped or failed, or a remark on how it was measured.
    public var note: String?
    /// The median time of one call, in nanoseconds.
    public var medianNanoseconds: Double?
    /// The median time over the plain function's median time at the same n.
    public var ratio: Double?
    /// Calls timed for the median.
    public var timedCalls: Int?
    /// ω = ops(method)/ops(f), both counted over `Counted<Double>`.
    public var omega: Double?
    /// The n at which ω was counted.
    public var omegaInputCount: Int?
    /// Bytes of the tape's records (reverse mode).
    public var tapeBytes: Int?
    /// Records on the tape, inputs included (reverse mode).
    public var tapeEntries: Int?
    /// Bytes per recorded operation, inputs excluded: (tapeBytes − input records' bytes)/(entries − n).
    public var bytesPerOperation: Double?
    /// Heap allocations per call after warm-up (nil when not measurable).
    public var allocationsPerCall: Double?
    /// The largest componentwise relative error against the hand-written gradient (floor 10⁻³·max|∇f|);
    /// for the directional derivative, |d − ∇f·v|/Σ|∂ᵢf·vᵢ|.
    public var maxRelativeError: Double?
    /// Chunk size k of chunked forward mode.
    public var chunkSize: Int?

    public init(function: String, inputCount: Int, method: BenchMethod, status: Status, note: String? = nil) {
        self.function = function
        self.inputCount = inputCount
        self.method = method
        self.status = status
        self.note = note
    }
}

/// The machine a benchmark ran on.
public struct MachineDescription: Sendable, Codable {
    /// `uname -m`.
    public var architecture: String
    /// Processors available (`nproc`).
    public var processors: Int
    /// The CPU model from /proc/cpuinfo ("unknown" elsewhere).
    public var cpuModel: String

    /// This machine.
    public static var current: MachineDescription {
        var name = utsname()
        uname(&name)
        let architecture = withUnsafeBytes(of: &name.machine) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return MachineDescription(
            architecture: architecture, processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model)
    }

    /// `x86_64, 2 processors, AMD EPYC`.
    public var summary: String { "\(architecture), \(processors) processors, \(cpuModel)" }
}

extension BenchReport {
    /// The report as JSON: keys sorted, non-finite numbers as "nan", "inf", "-inf".
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
