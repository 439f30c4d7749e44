import Foundation
import GradCheck

/// Where a command's functions come from.
///
/// With no path: the standard suites (`./Suites` when that folder exists, else the copy built into the
/// library, so an installed binary works anywhere) and the compiled starter corpus. With paths: the suites
/// in those files and folders only. Every file is loaded before anything runs, and every bad file is
/// reported together, so one run shows every error.
struct CorpusSource {
    let tool: GradCheckTool

    /// The functions for `paths`, or a ``SuiteLoadError`` with the diagnostics of every bad file.
    func functions(paths: [String]) throws(SuiteLoadError) -> [any TestFunction] {
        let loader = SuiteLoader(limits: tool.suiteLimits)
        guard !paths.isEmpty else {
            guard tool.loadsStandardSuites else { return tool.builtInFunctions }
            let (suites, _) = try StandardCorpus.loadDefault(limits: tool.suiteLimits)
            return suites.flatMap(\.functions) + tool.builtInFunctions
        }
        var functions: [any TestFunction] = []
        var diagnostics: [SuiteDiagnostic] = []
        for path in paths {
            do throws(SuiteLoadError) {
                functions += try loader.loadSuites(at: path).flatMap(\.functions)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw SuiteLoadError(diagnostics: diagnostics) }
        return functions
    }

    /// The exit of a command whose suites did not load: every diagnostic, then exit status 65.
    static func failure(_ error: SuiteLoadError) -> CommandResult {
        let text = "\(error)"
        return CommandResult(exitCode: .invalidData, standardError: text.hasSuffix("\n") ? text : text + "\n")
    }
}
