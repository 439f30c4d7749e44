import GradCheck
import GradCheckBench

/// The words the command-line target of `gradcheck fuzz` gives to options and positional arguments:
/// for each, values it accepts, values just outside what it accepts, and, a quarter of the time, any of
/// the ``garbage`` every option must refuse cleanly (huge and negative numbers, NaN, non-ASCII digits,
/// escape sequences, bidi overrides, a 5,000-character word).
///
/// Two rules keep a fuzzing run harmless and quick:
/// - every option that writes (`--output`, `--report-dir`, `fuzz --keep`) gets only paths inside the
///   workspace's `outputs` folder, garbage included (a garbage name is a file name there), so nothing is
///   ever written outside the workspace;
/// - the options that size a job (points, sizes, budgets, samples, node caps, input counts) are only given
///   small values among the accepted ones; their large values are all out of range, refused before any
///   work starts; and `run --function` gets no glob but those of ``quickFunctions`` (a garbage `*` would
///   select the whole corpus).
struct FuzzArgumentValues: Sendable {
    let workspace: FuzzWorkspace
    /// The strategy ids of the tool being fuzzed.
    let strategyIDs: [String]

    /// Words every option and argument may get, none of them valid for any sized option.
    static let garbage: [String] = [
        "", " ", "-1", "-0", "nan", "NaN", "inf", "-inf", "1e309", "-1e309", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "18446744073709551616", "0x10", "1_000", "1e", ".", "½", "\u{663}", "\u{FF11}", "é", "\u{202E}nosj.exe",
        "\u{1B}[31mred\u{1B}[0m", "\u{7}", "a\rb", "\t", "--", "-", "--help", "=", "a=b", "\u{1F600}", "\u{FEFF}1",
        String(repeating: "9", count: 400), String(repeating: "a", count: 5_000), "1,2", "1/2", "*", "?", "[", "\\", "%s%n",
        "~", "$HOME", "../../etc/passwd",
    ]

    /// Functions that are quick to check with every strategy at one point, and names that match nothing.
    static let quickFunctions = [
        "seeds/nutty", "classic/booth", "starter/cubic", "jacobians/polar_to_cartesian", "kinks/abs_kink",
        "control-flow/horner", "tiny/f", "tiny/*", "nutty", "booth", "no/such-function", "seeds/nutty[n=2]",
    ]

    /// Families of the swell study that are quick at a small node cap.
    static let swellFamilies = ["logistic-map", "product-of-squares", "nested-sine", "repeated-squaring"]

    /// The files a fuzzed command line may read: the workspace's inputs, the workspace itself, missing
    /// paths, special files and the standard suites.
    var readablePaths: [String] {
        [
            workspace.tinySuite, workspace.brokenSuite, workspace.report, workspace.timedReport, workspace.legacyReport,
            workspace.notJSON, workspace.inputs, workspace.inputs + "/", workspace.root + "/missing.grad",
            workspace.root + "/missing.json", workspace.outputs, "/dev/null", "/dev/zero", "/nonexistent/report.json", "/",
            "Suites", "Suites/classic.grad", ".",
        ]
    }

    /// The paths a fuzzed command line may write: all in the workspace's `outputs`, or the workspace's own
    /// input files (which `run` must refuse to overwrite when it reads them).
    var writablePaths: [String] {
        let out = workspace.outputs + "/"
        return [
            out + "report.json", out + "report.md", out + "report.html", out + "report-junit.xml", out + "report.txt",
            out + "report", out + "dir", out + "dir/", out + "new/deeper/report.json", out + "é\u{1F600}\u{202E}.json",
            out + String(repeating: "n", count: 300) + ".json", out + ".hidden.json", out + "report.json/", out,
            workspace.outputs, out + "a\rb.md", out + "space name.html", out + "missing/", workspace.tinySuite,
            workspace.report,
        ]
    }

    /// Whether `option` of `command` writes files.
    static func writes(_ command: String, _ option: String) -> Bool {
        option == "--output" || option == "--report-dir" || (command == "fuzz" && option == "--keep")
    }

    /// A value for `option` of `command`.
    func value(for option: String, of command: String, _ generator: inout SeededGenerator) -> String {
        if Self.writes(command, option) {
            let paths = writablePaths
            let path = paths[Int(generator.next() % UInt64(paths.count))]
            // Garbage too, but as a name inside the outputs folder.
            guard generator.next() % 4 == 0 else { return path }
            let name = Self.garbage[Int(generator.next() % UInt64(Self.garbage.count))]
            return workspace.outputs + "/" + String(name.filter { $0 != "/" }.prefix(200))
        }
        let value = pick(values(for: option, of: command), &generator)
        // A garbage glob such as `*` would select the whole corpus: a full run, not a quick line.
        if command == "run" && option == "--function" && !Self.quickFunctions.contains(value) && value.contains(where: Self.isGlobCharacter) {
            return value.filter { !Self.isGlobCharacter($0) }
        }
        return value
    }

    /// Whether `character` has a meaning in a `--function` glob.
    static func isGlobCharacter(_ character: Character) -> Bool { character == "*" || character == "?" || character == "[" }

    /// A value for the positional argument at `index` of `command`.
    func positional(_ index: Int, of command: String, _ generator: inout SeededGenerator) -> String {
        let choices: [String] = switch command {
        case "list" where index == 0: ["strategies", "functions", "function", "Functions"]
        case "sweep", "trace": Self.quickFunctions + ["rosenbrock", "classic/rosenbrock[n=100]", "starter/rosenbrock[n=10]", "f"]
        case "report": [workspace.report, workspace.timedReport, workspace.legacyReport] + readablePaths
        case "help": GradCheckTool.commands.map(\.name) + ["help", "runn"]
        default: readablePaths
        }
        return pick(choices, &generator)
    }

    private func pick(_ choices: [String], _ generator: inout SeededGenerator) -> String {
        let pool = choices.isEmpty || generator.next() % 6 == 0 ? Self.garbage : choices
        return pool[Int(generator.next() % UInt64(pool.count))]
    }

    /// The values `option` of `command` accepts or nearly accepts (never a large accepted size).
    private func values(for option: String, of command: String) -> [String] {
        switch (command, option) {
        case ("run", "--format"), ("report", "--format"): ["text", "markdown", "html", "json", "junit", "JSON", "xml"]
        case ("bench", "--format"): ["text", "json", "csv"]
        case ("trace", "--format"): ["text", "markdown", "dot", "svg"]
        case ("run", "--strategy"), ("sweep", "--against"): strategyIDs + ["revers", "forward-difference "]
        case ("sweep", "--strategy"): ["forward-difference", "central-difference", "richardson", "reverse"]
        case ("run", "--function"): Self.quickFunctions
        case ("run", "--tag"): ["tiny", "classic", "kink", "loop", "seed", "no-such-tag"]
        case (_, "--points"): ["0", "1", "2", "1001"]
        case (_, "--seed"): ["0", "1", "42", "18446744073709551615", "18446744073709551616"]
        case (_, "--rtol"), (_, "--atol"): ["0", "1e-12", "1e-3", "1", "1e308", "5e-324", "1e-400"]
        case (_, "--precision"): ["double", "float", "Float80", "half"]
        case (_, "--baseline"): [workspace.report, workspace.timedReport, workspace.legacyReport] + readablePaths
        case (_, "--shard"): ["1/1", "1/2", "2/2", "3/2", "0/1", "1/0", "-1/2", "9223372036854775807/9223372036854775807",
            "1/9223372036854775807", "2/3/4", "a/b", "1 / 2", "/"]
        case (_, "--cell-timeout"): ["0", "0.001", "0.5", "1", "5e-324", "1e-300"]
        case ("run", "--jobs"): ["1", "2", "3", "0", "1024", "1025", "-1"]
        case (_, "--max-inputs"): ["1", "2", "10000", "100000000", "100000001"]
        case (_, "--directional"): ["auto", "always", "never", "sometimes"]
        case (_, "--directions"): ["1", "8", "64", "65", "0"]
        case (_, "--directional-threshold"): ["0", "1", "1000", "100000001"]
        case (_, "--max-iterations"): ["1", "10", "1000", "1000000000000", "1000000000001"]
        case (_, "--max-depth"): ["1", "2", "100000", "100001"]
        case ("run", "--max-nodes"): ["9", "10", "100", "1000", "1000000000", "1000000001"]
        case ("swell", "--max-nodes"): ["99", "100", "1000", "100000001"]
        case (_, "--at"): ["1", "2,1", "0.5,0.5", "0,0", "1,2,3", "-0,0", "1e308,1e308", "5e-324,1", "nan,1", "inf", ",",
            "1,,2", "  2 , 1 ", "1e-320", "-1"]
        case (_, "--suite"), (_, "--suites"): readablePaths
        case ("trace", "--input"): ["x", "x1", "x2", "y", "r", "theta", "\u{3B8}"]
        case ("swell", "--family"): Self.swellFamilies + ["logistic"]
        case ("bench", "--function"): BenchmarkFunctions.names + ["rosenbrok"]
        case ("bench", "--sizes"): ["1", "10", "2,3", "1e1", "10,10", "0", "1e9", "100000001", ",", "1.5", "-5"]
        case ("bench", "--method"): BenchMethod.allCases.map(\.rawValue) + ["forward"]
        case ("bench", "--budget"): ["0.001", "0.01", "1.9e10", "1000001", "0"]
        case ("bench", "--count-size"): ["1", "10", "0", "10000001"]
        case ("bench", "--samples"): ["1", "2", "0", "1001"]
        case ("fuzz", "--seconds"): ["0", "0.01", "0.2"]
        case ("fuzz", "--inputs"): ["1", "2", "3", "0", "1000000001"]
        case ("fuzz", "--hang-seconds"): ["0", "0.5", "30"]
        case ("fuzz", "--target"): ["suites", "reports", "suite", "all"]
        default: []
        }
    }
}
