import Foundation
import GradCheck

/// Where a command's functions come from.
///
/// With no path: the standard suites (`./Suites` when that folder exists, else the copy built into the
/// library, so an installed binary works anywhere) and the compiled starter corpus. With paths: the suites
/// in those files and folders only. Every file is loaded before anything runs, and every bad file is
/// reported together, so one run shows every error.
///
/// A suite is named by its file's base name, and the name qualifies its functions' ids (`booth/f`). Two
/// files with one base name (`a/booth.grad` and `b/booth.grad`, or a `./Suites/starter.grad` beside the
/// compiled starter corpus) would give rows that cannot be told apart and replay commands that cannot
/// say which file they mean, so that is an error naming both. One file named twice (by itself and by its
/// folder, say) is loaded once.
struct CorpusSource {
    let tool: GradCheckTool

    /// The loaded functions, and the file each suite was read from.
    struct Corpus {
        var functions: [any TestFunction]
        /// The file of each suite read from a file (given, or in `./Suites`), by suite name, as
        /// ``RunMetadata/suiteSources`` records it; the built-in suites and compiled functions have none.
        var suiteSources: [String: String] = [:]
        /// For each path given that added no test function, why: `'dir' holds no .grad files`.
        var emptyPaths: [String] = []
    }

    /// The functions for `paths`, or a ``SuiteLoadError`` with the diagnostics of every bad file.
    func functions(paths: [String]) throws(SuiteLoadError) -> [any TestFunction] {
        try load(paths: paths).functions
    }

    /// The corpus for `paths`, or a ``SuiteLoadError`` with the diagnostics of every bad file and every
    /// clash of suite names.
    func load(paths: [String]) throws(SuiteLoadError) -> Corpus {
        guard !paths.isEmpty else { return try standardCorpus() }
        let loader = SuiteLoader(limits: tool.suiteLimits)
        var corpus = Corpus(functions: [])
        var diagnostics: [SuiteDiagnostic] = []
        var files: [String: String] = [:]  // suite name → the file it was read from, resolved
        for path in paths {
            do throws(SuiteLoadError) {
                let suites = try loader.loadSuites(at: path)
                for suite in suites {
                    let file = Self.resolved(suite.path)
                    if let earlier = corpus.suiteSources[suite.name] {
                        if files[suite.name] != file { diagnostics.append(Self.clash(suite, with: "'\(earlier)'")) }
                        continue
                    }
                    files[suite.name] = file
                    corpus.suiteSources[suite.name] = suite.path
                    corpus.functions += suite.functions
                }
                if suites.isEmpty {
                    corpus.emptyPaths.append("'\(path)' holds no .grad files")
                } else if suites.allSatisfy(\.functions.isEmpty) {
                    let folder = suites.count > 1 || suites.first?.path != path
                    corpus.emptyPaths.append("'\(path)' " + (folder ? "holds .grad files that define no test function" : "defines no test function"))
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw SuiteLoadError(diagnostics: diagnostics) }
        return corpus
    }

    /// The standard suites and the compiled functions, when the tool loads them.
    private func standardCorpus() throws(SuiteLoadError) -> Corpus {
        guard tool.loadsStandardSuites else { return Corpus(functions: tool.builtInFunctions) }
        let (suites, origin) = try StandardCorpus.loadDefault(limits: tool.suiteLimits)
        var corpus = Corpus(functions: suites.flatMap(\.functions) + tool.builtInFunctions)
        guard case .directory = origin else { return corpus }
        let compiled = Set(tool.builtInFunctions.map(\.id.suite))
        let clashes = suites.filter { compiled.contains($0.name) }.map { Self.clash($0, with: "the compiled functions of gradcheck") }
        guard clashes.isEmpty else { throw SuiteLoadError(diagnostics: clashes) }
        for suite in suites { corpus.suiteSources[suite.name] = suite.path }
        return corpus
    }

    /// The error for `suite`, whose name `other` already took.
    private static func clash(_ suite: Suite, with other: String) -> SuiteDiagnostic {
        SuiteDiagnostic(
            path: suite.path, line: 1, column: 1,
            message: "suite '\(suite.name)' is also defined by \(other): a suite is named by its file's base name, "
                + "and one run cannot tell two suites of one name apart; rename one of the files")
    }

    /// `path` made absolute, with `.`, `..` and symbolic links resolved: one spelling per file.
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The exit of a command whose suites did not load: every diagnostic, then exit status 65.
    static func failure(_ error: SuiteLoadError) -> CommandResult {
        let text = "\(error)"
        return CommandResult(exitCode: .invalidData, standardError: text.hasSuffix("\n") ? text : text + "\n")
    }
}
