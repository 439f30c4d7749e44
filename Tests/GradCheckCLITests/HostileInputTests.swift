import Foundation
import GradCheck
import GradCheckReports
import Testing

/// Inputs at the edges of their types — an exponent of Int.min, a 100-character function name, counts
/// of 2⁶³ − 1 in a saved report, a budget past `UInt64` nanoseconds — run through the built `gradcheck`
/// as a user would: each must end in an ordinary exit status with a message, never a trap (which a
/// process reports as 132, and which would take an in-process test run down with it).
@Suite("Hostile inputs", .serialized)
struct HostileInputTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "gradcheck-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    // MARK: Integer exponents

    @Test func anExponentOfIntMinIsAnOrdinaryPowerForEveryStrategyAndCommand() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let suite = directory + "/intmin.grad"
        try """
        @points((1.5), (-1))
        func p(x) {
            return x ^ (0 - 9223372036854775807 - 1)
        }

        """.write(toFile: suite, atomically: true, encoding: .utf8)
        let run = try Executable.run("gradcheck", ["run", suite, "--no-timing", "--format", "json"])
        #expect(run.status == 0 || run.status == 1, "\(run.errors)")
        #expect(run.output.contains("\"function\": \"p\""))
        let commands: [[String]] = [
            ["trace", "intmin/p", "--suite", suite, "--at", "1.5"],
            ["trace", "intmin/p", "--suite", suite, "--at", "-1"],
            ["sweep", "intmin/p", "--suite", suite, "--at", "-1", "--against", "forward"],
            ["sweep", "intmin/p", "--suite", suite, "--at", "1.5", "--against", "symbolic"],
            ["list", "functions", suite, "--expressions"],
        ]
        for arguments in commands {
            let result = try Executable.run("gradcheck", arguments)
            #expect(result.status == 0, "\(arguments): \(result.status) \(result.errors)")
        }
    }

    @Test func integerOverflowInASuiteIsALocatedErrorNotATrap() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let suite = directory + "/overflow.grad"
        try """
        @points((1.5))
        func q(x) {
            return x ^ (0 - 9223372036854775807 - 2)
        }

        """.write(toFile: suite, atomically: true, encoding: .utf8)
        let run = try Executable.run("gradcheck", ["run", suite, "--no-timing", "--strategy", "forward"])
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.output.contains("overflow.grad:3:41: error: integer overflow"))
    }

    // MARK: Long names in the HTML report

    @Test func aLongFunctionNameIsCutInTheChartsAndEveryReportIsWritten() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = String(repeating: "f", count: 100)
        let suite = directory + "/long.grad"
        try "@points((1.5))\nfunc \(name)(x) {\n    return x * x\n}\n".write(toFile: suite, atomically: true, encoding: .utf8)
        let reports = directory + "/reports"
        let run = try Executable.run("gradcheck", ["run", suite, "--report-dir", reports])
        #expect(run.status == 0, "\(run.errors)")
        for file in ["gradcheck.md", "gradcheck.html", "gradcheck.json", "gradcheck-junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: reports + "/" + file), "\(file)")
        }
        let html = try String(contentsOfFile: reports + "/gradcheck.html", encoding: .utf8)
        #expect(html.contains(String(repeating: "f", count: 20) + "…"))
        #expect(html.contains("<title>long/\(name)</title>"))
    }

    // MARK: Saved reports with huge counts

    /// A quick run that has mutants (and so `mutantIndex` numbers) and operation counts.
    let quickRun = ["run", SuiteCommandTests.suitesFolder + "/seeds.grad", "--function", "seeds/nutty", "--strategy", "hand-coded",
                    "--strategy", "reverse", "--no-timing"]

    /// The JSON report of ``quickRun``, written by the tool itself.
    func savedReport(in directory: String) throws -> String {
        let path = directory + "/saved.json"
        let run = try Executable.run("gradcheck", quickRun + ["--format", "json", "--output", path])
        #expect(run.status == 0, "\(run.errors)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// `text` with the first `"member": <whole number>` replaced by `"member": value`.
    func replacingFirst(_ member: String, in text: String, with value: String) throws -> String {
        let range = try #require(text.range(of: "\"\(member)\": [0-9]+", options: .regularExpression))
        return text.replacingCharacters(in: range, with: "\"\(member)\": \(value)")
    }

    @Test(arguments: ["additions", "mutantIndex", "comparisons"])
    func aCountOf2To63Minus1InASavedReportIsALocatedDataError(member: String) throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let saved = try savedReport(in: directory)
        let hostile = directory + "/hostile.json"
        try replacingFirst(member, in: saved, with: "9223372036854775807").write(toFile: hostile, atomically: true, encoding: .utf8)
        for format in ["text", "markdown", "html", "json", "junit"] {
            let result = try Executable.run("gradcheck", ["report", hostile, "--format", format])
            #expect(result.status == 65, "\(format): \(result.status) \(result.errors)")
            #expect(result.errors.contains("\(member): expected a whole number from 0 to 9007199254740992; found 9223372036854775807"))
            #expect(result.errors.contains("results["))
        }
        let baseline = try Executable.run("gradcheck", quickRun + ["--baseline", hostile])
        #expect(baseline.status == 65, "\(baseline.status) \(baseline.errors)")
        #expect(baseline.errors.contains("\(member): expected a whole number from 0 to 9007199254740992"))
    }

    /// Doubles are taken as they are, but what is drawn from them must not trap: a time ratio of some
    /// 10²⁹⁷ once went through `Int` in every table.
    @Test func aHugeTimingInASavedReportIsWrittenInExponentForm() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/timed.json"
        let run = try Executable.run(
            "gradcheck", ["run", "--function", "starter/cubic", "--strategy", "reverse", "--format", "json", "--output", path])
        #expect(run.status == 0, "\(run.errors)")
        let hostile = directory + "/hostile.json"
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(saved.range(of: "\"medianNs\": [0-9.e+-]+", options: .regularExpression))
        try saved.replacingCharacters(in: range, with: "\"medianNs\": 1e300").write(toFile: hostile, atomically: true, encoding: .utf8)
        for format in ["text", "markdown", "html", "json", "junit"] {
            let result = try Executable.run("gradcheck", ["report", hostile, "--format", format])
            #expect(result.status == 0, "\(format): \(result.status) \(result.errors)")
            if format != "json" && format != "junit" { #expect(result.output.contains("e+29"), "\(format)") }
        }
    }

    // MARK: Inputs that are not regular files

    /// A baseline, a saved report or a suite that never ends (`/dev/zero`), a FIFO with no writer, or a
    /// regular file past the size limit: refused at once with what it is, in bounded memory — not read
    /// until memory runs out, not waited on, not blamed on a permission.
    @Test func anInputThatIsNotARegularFileOrTooLargeIsRefusedAtOnce() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fifo = directory + "/pipe.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let huge = directory + "/huge.json"  // sparse: its size is past the limit, no disk is used
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 300 << 20)
        try handle.close()
        let quick = ["--function", "starter/cubic", "--strategy", "forward", "--no-timing"]
        let cases: [([String], String)] = [
            (["run", "--baseline", "/dev/zero"] + quick, "error: baseline /dev/zero: it is a character device, not a regular file"),
            (["report", "/dev/zero"], "error: /dev/zero: it is a character device, not a regular file"),
            (["report", fifo], "error: \(fifo): it is a FIFO (a pipe), not a regular file"),
            (["run", "--baseline", fifo] + quick, "it is a FIFO (a pipe), not a regular file"),
            (["report", huge], "error: \(huge): the file is too large (more than 268435456 bytes)"),
            (["run", "/dev/zero"] + quick, "cannot read the file: it is a character device, not a regular file"),
        ]
        for (arguments, message) in cases {
            let result = try Executable.run("gradcheck", arguments)
            #expect(result.status == 65, "\(arguments): \(result.status) \(result.errors)")
            #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
            #expect(!result.errors.contains("permission"), "\(arguments): \(result.errors)")
        }
    }

    // MARK: Numeric flags

    @Test(arguments: ["1.9e10", "1e300", "inf", "nan", "0", "-1"])
    func aBenchBudgetOutOfRangeIsAUsageError(budget: String) throws {
        let result = try Executable.run("gradcheck", ["bench", "--budget", budget])
        #expect(result.status == 64, "\(result.status) \(result.errors)")
        #expect(result.errors.contains("--budget"))
        #expect(result.errors.contains("a number of seconds > 0 and ≤ 1000000"))
    }

    // MARK: Derivatives beyond the working range

    /// A non-finite entry where the reference is finite is the strategy's error only when the working
    /// precision could have held the computation: f overflowing within one rounding of x, or a strategy that
    /// agrees with the reference when rerun in extended precision, is `inconclusive`; a derivative that is
    /// NaN where f is finite and tame stays an error (and a NaN mutant is caught).
    /// A derivative finite in Float80 but beyond Double's range (e^800 ≈ 2.7·10³⁴⁷) is named by its value,
    /// not by the "inf" it rounds to in Double.
    @Test func aReferenceBeyondDoublesRangeIsPrintedInFull() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let suite = directory + "/huge.grad"
        try "@points((800))\nfunc grow(x) {\n    return exp(x)\n}\n".write(toFile: suite, atomically: true, encoding: .utf8)
        let run = try Executable.run("gradcheck", ["run", suite, "--no-timing", "--points", "0", "--format", "json", "--strategy", "forward"])
        let report = try JSONReport.decode(run.output)
        let cell = try #require(report.cells.first)
        #expect(cell.verdict == .inconclusive)
        let message = cell.message ?? ""
        #expect(message.contains("the derivative (2.72637e+347) is beyond the range of Double"), "\(message)")
        #expect(!message.contains("(inf)"), "\(message)")
    }

    @Test func aDerivativeBeyondTheWorkingRangeIsInconclusiveNotAnError() throws {
        let directory = try folder()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let suite = directory + "/range.grad"
        try """
        @points((-1))
        func steep(x) {
            return x ^ (0 - 9223372036854775807 - 1)
        }

        @points((-1e308))
        func product(x) {
            return exp(x) * x * x
        }

        @points((0.5))
        func tame(x) {
            return x * x
        }

        gradient tame {
            return [2 * x]
        }

        @mutant("NaN")
        gradient tame {
            return [sqrt(0 - x)]
        }

        """.write(toFile: suite, atomically: true, encoding: .utf8)
        let run = try Executable.run("gradcheck", ["run", suite, "--no-timing", "--format", "json"]
            + ["forward-difference", "forward", "reverse", "hand-coded"].flatMap { ["--strategy", $0] })
        #expect(run.status == 0, "\(run.errors)")
        let report = try JSONReport.decode(run.output)
        func cell(_ function: String, _ strategy: String, mutant: Bool = false) throws -> CellResult {
            try #require(report.cells.first {
                $0.function.description == "range/\(function)" && $0.strategy == strategy && ($0.variant != .correct) == mutant
            })
        }
        let steep = try cell("steep", "forward-difference")
        #expect(steep.verdict == .inconclusive)
        #expect(steep.message?.contains("f leaves the range of Double within one rounding of the input") == true, "\(steep.message ?? "")")
        let product = try cell("product", "reverse")
        #expect(product.verdict == .inconclusive)
        #expect(product.message?.contains("the same strategy in Float80 gives 0") == true, "\(product.message ?? "")")
        #expect(try cell("product", "forward").verdict == .pass)
        #expect(try cell("tame", "hand-coded").verdict == .pass)
        let mutant = try cell("tame", "hand-coded", mutant: true)
        #expect(mutant.verdict == .expectedFailure, "\(mutant.verdict) \(mutant.message ?? "")")
    }
}
