import Foundation
import GradCheck
import GradCheckReports

/// `gradcheck fuzz`: tries damaged inputs on three targets for a given time or a given number of inputs,
/// and reports what each did:
/// - suites (``SuiteFuzzTarget``): mutated suites and random token streams fed to the suite loader, and
///   what loads evaluated;
/// - reports (``ReportFuzzTarget``): damaged saved reports read as `gradcheck report FILE` and
///   `run --baseline FILE` read them, then rendered in every format and compared as a baseline;
/// - command lines (``CommandLineFuzzTarget``): random argument vectors from the subcommands' own
///   grammar, run in process through the executable's entry point, with their files in a workspace.
///
/// The targets take turns, one input each. Each counts its inputs tried, accepted, rejected with a message,
/// rejected without one (a defect), hangs (an input that takes longer than `--hang-seconds`) and crashes.
///
/// Each target's inputs depend only on the seed (and, for suites, the corpus), so `--inputs N` with a seed
/// tries the same N inputs on any machine, however fast or loaded: its counts are reproducible, unlike
/// those of a run bounded by `--seconds`.
///
/// A crash takes the process down, so the input being tried is kept in a file while it runs
/// (`gradcheck-fuzz-current.grad`, `.json` or `.args.txt` in the `--keep` folder, default a temporary
/// folder): after a crash that file is the reproducer. An input that hangs or is rejected without a
/// message is kept as `gradcheck-fuzz-<target>-<hang|unlocated|silent>-<n>.<ext>`.
struct FuzzCommand {
    let tool: GradCheckTool

    /// The targets `--target` names, in the order they take turns.
    static let targetNames = ["suites", "reports", "command-lines"]

    static let definition = CommandDefinition(
        commandPath: "gradcheck fuzz",
        abstract: "Fuzz the suite loader, the report reader and the command line with damaged inputs for a while.",
        discussion: """
            Targets, taking turns: suites (mutated suites and random tokens, loaded and run), reports (saved
            JSON reports with dropped, repeated or retyped members, extreme numbers, deep nesting, giant or
            hostile strings, truncated text and invalid UTF-8, read as 'report FILE' and 'run --baseline FILE'
            read them, rendered in every format and compared as a baseline) and command-lines (random
            arguments from every subcommand's options, run in process with small budgets: run checks one
            small function at one point without timings, bench times size 10 for 0.01 s; files are read and
            written only in gradcheck-fuzz-workspace in the --keep folder; --isolate starts no child).
            Runs for --seconds, or until --inputs inputs were tried, whichever comes first; with neither, for
            60 seconds. With --inputs alone there is no time limit: a seed and a count try the same inputs on
            any machine. The input being tried is kept as gradcheck-fuzz-current.grad, .json or .args.txt (one
            argument per line) in the --keep folder: after a crash it is the reproducer. Exit status: 0 when
            nothing hung or was rejected without a message; 1 otherwise.
            """,
        options: [
            .value("--seconds", "s", help: "How long to run (default: 60, or no limit with --inputs)."),
            .value("--inputs", "n", help: "How many inputs to try, all targets together (default: no limit); reproducible with --seed."),
            .value("--seed", "n", help: "Seed of the mutations (default: 1)."),
            .value("--target", "name", help: "Only this target: suites, reports or command-lines (repeatable; default: all three).", repeatable: true),
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
        var names: [String] = []
        for name in parsed.all("--target") {
            guard Self.targetNames.contains(name) else {
                throw UsageError.invalidValue(option: "--target", value: name, expected: "one of " + Self.targetNames.joined(separator: ", "))
            }
            if !names.contains(name) { names.append(name) }
        }
        if names.isEmpty { names = Self.targetNames }
        let corpus = try corpusTexts(parsed.value("--suites"))
        let rawFolder = parsed.value("--keep") ?? NSTemporaryDirectory()
        let folder = rawFolder.hasSuffix("/") ? rawFolder : rawFolder + "/"
        // After a crash the kept input is the only reproducer, so the folder is checked before anything runs.
        var isFolder: ObjCBool = false
        let probe = folder + "gradcheck-fuzz-current.grad"
        guard FileManager.default.fileExists(atPath: rawFolder, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.createFile(atPath: probe, contents: Data())
        else {
            throw UsageError.invalidValue(option: "--keep", value: rawFolder, expected: "an existing folder that can be written to")
        }
        try? FileManager.default.removeItem(atPath: probe)

        let workspace = FuzzWorkspace(folder: folder)
        var targets: [any FuzzTarget] = Self.targetNames.filter(names.contains).map { name in
            switch name {
            case "suites": SuiteFuzzTarget(corpus: corpus)
            case "reports": ReportFuzzTarget()
            default: CommandLineFuzzTarget(tool: tool, workspace: workspace)
            }
        }
        var generators = targets.map { SeededGenerator(seed: seed, salt: $0.name) }
        var tally = FuzzTally(targets: targets.map(\.name))
        let start = Date()
        var round = 0
        while round < (inputLimit ?? .max) && Date().timeIntervalSince(start) < seconds {
            let index = round % targets.count
            round += 1
            let input = targets[index].nextInput(&generators[index])
            let target = targets[index]
            let current = folder + "gradcheck-fuzz-current." + target.fileExtension
            _ = FileManager.default.createFile(atPath: current, contents: Data(input))
            tally.targets[index].counts.tried += 1
            do {
                let outcome = try TimeLimit.run(seconds: hangSeconds) { target.exercise(input, at: current) }
                tally.targets[index].counts.count(outcome)
                if outcome == .rejectedWithoutMessage {
                    let kind = target.name == "suites" ? "unlocated" : "silent"
                    tally.kept.append(Self.keep(input, folder: folder, target: target, kind: kind, index: tally.targets[index].counts.rejectedWithoutMessage))
                }
            } catch {
                tally.targets[index].counts.hangs += 1
                tally.kept.append(Self.keep(input, folder: folder, target: target, kind: "hang", index: tally.targets[index].counts.hangs))
            }
            try? FileManager.default.removeItem(atPath: current)
        }
        workspace.remove()
        let elapsed = Date().timeIntervalSince(start)
        var out = "fuzz: seed \(seed), \(NumberText.fixed(elapsed, decimals: 1)) s, \(corpus.count) corpus files besides the built-in seeds\n"
        out += tally.table(hangSeconds: NumberText.short(hangSeconds))
        for example in tally.kept.prefix(10) { out += "kept: \(example)\n" }
        return CommandResult(exitCode: tally.isClean ? .success : .failure, standardOutput: out)
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
    private static func keep(_ bytes: [UInt8], folder: String, target: any FuzzTarget, kind: String, index: Int) -> String {
        let path = folder + "gradcheck-fuzz-\(target.name)-\(kind)-\(index).\(target.fileExtension)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}
