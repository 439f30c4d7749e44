import Foundation
import GradCheckTesting
import Synchronization
import Testing

/// The closure checks with `columnJobs`: the difference reference's columns on several threads give the
/// report of one thread, entry for entry, and a wrong entry is still found.
@Suite("Closure checks with parallel columns")
struct ParallelColumnsTests {
    static let n = 64

    /// Extended Rosenbrock, Σ 100·(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)²; its gradient by the closed form.
    static let rosenbrock: @Sendable ([Double]) -> Double = { x in
        var sum = 0.0
        for i in stride(from: 0, to: x.count, by: 2) {
            let t: Double = x[i + 1] - x[i] * x[i]
            let u: Double = 1 - x[i]
            sum += 100 * t * t + u * u
        }
        return sum
    }

    static func gradient(_ x: [Double]) -> [Double] {
        var g = [Double](repeating: 0, count: x.count)
        for i in stride(from: 0, to: x.count, by: 2) {
            let t = x[i + 1] - x[i] * x[i]
            g[i] = -400 * x[i] * t - 2 * (1 - x[i])
            g[i + 1] = 200 * t
        }
        return g
    }

    static let box: [ClosedRange<Double>] = Array(repeating: -1.5...1.5, count: n)

    @Test func parallelColumnsGiveTheSameReportEntryForEntry() {
        let points: SamplePoints = .random(2, in: Self.box, seed: 11)
        let sequential = checkGradient(of: Self.rosenbrock, gradient: Self.gradient, at: points)
        let parallel = expectGradient(of: Self.rosenbrock, gradient: Self.gradient, at: points, columnJobs: 3)
        #expect(parallel.passed)
        #expect(parallel.points.count == 2 && parallel.points.allSatisfy { $0.entries.count == Self.n })
        #expect(parallel.points.map(\.entries) == sequential.points.map(\.entries))
        #expect(parallel.description == sequential.description)
    }

    /// One wrong entry among 64 is named, as without parallel columns.
    @Test func aWrongEntryIsStillNamed() {
        let wrong = { (x: [Double]) -> [Double] in
            var g = Self.gradient(x)
            g[37] *= 1.001
            return g
        }
        let report = checkGradient(of: Self.rosenbrock, gradient: wrong, at: .random(1, in: Self.box, seed: 3), columnJobs: 4)
        #expect(report.outcome == .failed)
        #expect(report.points[0].entries.filter { $0.outcome == .failed }.map(\.column) == [37])
    }

    /// The closure is really called from several threads for many inputs, and from the caller's thread
    /// only below the threshold. (Each call sleeps 50 µs, so that the columns outlast the start of the
    /// other threads on a loaded machine.)
    @Test func manyInputsSpreadOverThreadsFewDoNot() {
        let threads = Mutex<Set<UInt>>([])
        let recording: @Sendable ([Double]) -> Double = { x in
            threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            usleep(50)
            return Self.rosenbrock(x)
        }
        _ = checkGradient(of: recording, gradient: Self.gradient, at: .random(1, in: Self.box, seed: 1), columnJobs: 4)
        #expect(threads.withLock { $0.count } > 1)
        threads.withLock { $0.removeAll() }
        let small: [ClosedRange<Double>] = Array(repeating: -1...1, count: 4)
        _ = checkGradient(of: recording, gradient: Self.gradient, at: .random(1, in: small, seed: 1), columnJobs: 4)
        #expect(threads.withLock { $0.count } == 1)
    }
}
