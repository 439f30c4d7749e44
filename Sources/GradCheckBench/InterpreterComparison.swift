import Foundation
import GradCheck

/// The `.grad` interpreter against compiled Swift: the standard suite's `classic/rosenbrock` and the
/// compiled `Rosenbrock` of the starter corpus, both evaluated over `[Double]`, at the same sizes and with
/// the same clock as the rest of the benchmark.
public struct InterpreterComparison: Sendable {
    /// One size: the median times of one evaluation and their ratio.
    public struct Row: Sendable, Codable {
        public var inputCount: Int
        public var compiledNanoseconds: Double
        public var interpretedNanoseconds: Double
        public var ratio: Double { interpretedNanoseconds / compiledNanoseconds }
        /// |interpreted − compiled| / |compiled| of the value, as a check that both computed the same thing.
        public var relativeDifference: Double
    }

    public var rows: [Row]

    /// Times both at each size in `sizes`, within `budgetSeconds` per measurement; throws when the suite
    /// does not load.
    public static func measure(sizes: [Int], budgetSeconds: Double, samples: Int) throws -> InterpreterComparison {
        let suites = try StandardCorpus.suites()
        let clock = BenchClock(samples: samples, budgetNanoseconds: BenchConfiguration.nanoseconds(budgetSeconds))
        var rows: [Row] = []
        for n in sizes where n >= 2 {
            let interpreted = try Suite.instance(of: "classic/rosenbrock", in: suites, dimensions: ["n": n])
            let compiled = Rosenbrock(n: n)
            var generator = SeededGenerator(seed: 7)
            let x = (0..<n).map { _ in generator.nextDouble(in: -2...2) }
            let a = (try? compiled.evaluate(x))?.first ?? .nan
            let b = (try? interpreted.evaluate(x))?.first ?? .nan
            let compiledTime = clock.measure { OptimizationBarrier.consume((try? compiled.evaluate(x))?.first ?? 0) }
            let interpretedTime = clock.measure { OptimizationBarrier.consume((try? interpreted.evaluate(x))?.first ?? 0) }
            rows.append(
                Row(
                    inputCount: n, compiledNanoseconds: compiledTime.medianNanoseconds,
                    interpretedNanoseconds: interpretedTime.medianNanoseconds, relativeDifference: abs(a - b) / abs(a)))
        }
        return InterpreterComparison(rows: rows)
    }

    /// The comparison as a small table.
    public func render() -> String {
        var out = "\nthe .grad interpreter: classic/rosenbrock (Suites/classic.grad) against the compiled Rosenbrock, f over [Double]\n"
        out += "         n      compiled   interpreted   ratio   value difference\n"
        for row in rows {
            out += String(row.inputCount).leftPadded(10) + "  " + BenchTable.time(row.compiledNanoseconds).leftPadded(12)
                + "  " + BenchTable.time(row.interpretedNanoseconds).leftPadded(12) + "  "
                + String(format: "%6.2f", row.ratio) + "   " + String(format: "%.1e", row.relativeDifference) + "\n"
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: Swift.max(0, width - count)) + self }
}
