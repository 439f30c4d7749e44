import Foundation
import GradCheck
import GradCheckReports

/// `gradcheck fuzz`: feeds mutated suites and random token streams to the suite loader for a given time
/// or a given number of inputs and reports what happened: inputs tried, loaded, rejected with a located
/// error, rejected without one, hangs (an input that takes longer than `--hang-seconds` to load and run)
/// and crashes.
///
/// The inputs depend only on the seed and the corpus, so `--inputs N` with a seed tries the same N inputs
/// on any machine, however fast or loaded: its counts are reproducible, unlike those of a run bounded by
/// `--seconds`.
///
/// A crash takes the process down, so the input being tried is kept in a file while it runs
/// (`--keep DIR`, default a temporary folder): after a crash that file is the reproducer.
struct FuzzCommand {
    let tool: GradCheckTool

    static let definition = CommandDefinition(
        commandPath: "gradcheck fuzz",
        abstract: "Fuzz the suite loader and interpreter with mutated suites and random tokens for a while.",
        discussion: """
            Runs for --seconds, or until --inputs inputs were tried, whichever comes first; with neither, for
            60 seconds. With --inputs alone there is no time limit: a seed and a count try the same inputs on
            any machine. Exit status: 0 when nothing crashed, hung or was rejected without a location; 1
            otherwise.
            """,
        options: [
            .value("--seconds", "s", help: "How long to run (default: 60, or no limit with --inputs)."),
            .value("--inputs", "n", help: "How many inputs to try (default: no limit); reproducible with --seed."),
            .value("--seed", "n", help: "Seed of the mutations (default: 1)."),
            .value("--suites", "path", help: "Suite files to mutate besides the built-in seeds (default: the standard corpus)."),
            .value("--hang-seconds", "s", help: "An input taking longer than this is a hang (default: 2)."),
            .value("--keep", "dir", help: "An existing folder where the input being tried is kept, as a reproducer after a crash."),
            .help,
        ])

    func execute(_ arguments: [String]) throws -> CommandResult {
        let parsed = try ArgumentScanner.scan(arguments, for: Self.definition)
        if parsed.has("--help") {
            return CommandResult(exitCode: .success, standardOutput: HelpFormatter.help(for: Self.definition))
        }
        let inputLimit = parsed.value("--inputs") != nil
            ? try parsed.integer("--inputs", default: 0, range: 1...1_000_000_000) : nil
        let seconds = try parsed.nonNegativeReal("--seconds") ?? (inputLimit == nil ? 60 : .infinity)
        let hangSeconds = try parsed.nonNegativeReal("--hang-seconds") ?? 2
        let seed = try parsed.seed("--seed", default: 1)
        let corpus = try corpusTexts(parsed.value("--suites"))
        let folder = parsed.value("--keep") ?? NSTemporaryDirectory()
        let current = (folder.hasSuffix("/") ? folder : folder + "/") + "gradcheck-fuzz-current.grad"
        // After a crash the kept input is the only reproducer, so the folder is checked before anything runs.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.createFile(atPath: current, contents: Data())
        else {
            throw UsageError.invalidValue(option: "--keep", value: folder, expected: "an existing folder that can be written to")
        }

        var generator = SeededGenerator(seed: seed)
        var tally = FuzzTally()
        let start = Date()
        var round = 0
        while round < (inputLimit ?? .max) && Date().timeIntervalSince(start) < seconds {
            let bytes = SuiteFuzzer.input(round: round, corpus: corpus, &generator)
            round += 1
            _ = FileManager.default.createFile(atPath: current, contents: Data(bytes))
            do {
                switch try TimeLimit.run(seconds: hangSeconds, { SuiteFuzzer.exercise(bytes) }) {
                case .loaded: tally.loaded += 1
                case .rejected(let unlocated):
                    tally.rejected += 1
                    if unlocated > 0 {
                        tally.unlocated += 1
                        tally.examples.append(Self.keep(bytes, folder: folder, kind: "unlocated", index: tally.unlocated))
                    }
                }
            } catch {
                tally.hangs += 1
                tally.examples.append(Self.keep(bytes, folder: folder, kind: "hang", index: tally.hangs))
            }
        }
        try? FileManager.default.removeItem(atPath: current)
        let elapsed = Date().timeIntervalSince(start)
        var out = "fuzz: seed \(seed), \(formatFixed(elapsed, decimals: 1)) s, \(corpus.count) corpus files besides the built-in seeds\n"
        let rows: [(String, Int)] = [
            ("inputs tried", round), ("loaded and run", tally.loaded), ("rejected with a location", tally.rejected - tally.unlocated),
            ("rejected without a location", tally.unlocated), ("hangs (over \(format(hangSeconds)) s)", tally.hangs), ("crashes", 0),
        ]
        for (label, count) in rows { out += (label + ":").padding(toLength: 30, withPad: " ", startingAt: 0) + String(count) + "\n" }
        for example in tally.examples.prefix(10) { out += "kept: \(example)\n" }
        let clean = tally.unlocated == 0 && tally.hangs == 0
        return CommandResult(exitCode: clean ? .success : .failure, standardOutput: out)
    }

    /// The texts of the suites to mutate: those at `path`, or the standard corpus.
    private func corpusTexts(_ path: String?) throws -> [String] {
        guard let path else {
            return StandardCorpus.suiteNames.compactMap { StandardCorpus.source(of: $0) }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw UsageError.invalidValue(option: "--suites", value: path, expected: "a .grad file or a folder of them")
        }
        let files = isDirectory.boolValue
            ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".grad") }.sorted()
                .map { path + "/" + $0 }
            : [path]
        return files.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    /// Saves an input that misbehaved and returns its path.
    private static func keep(_ bytes: [UInt8], folder: String, kind: String, index: Int) -> String {
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + "gradcheck-fuzz-\(kind)-\(index).grad"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

/// Counts of a fuzzing run.
struct FuzzTally {
    var loaded = 0
    var rejected = 0
    var unlocated = 0
    var hangs = 0
    var examples: [String] = []
}
