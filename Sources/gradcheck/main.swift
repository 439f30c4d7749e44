import Foundation
import GradCheckCLI

/// This program's own executable, for `run --isolate`'s child processes.
func executablePath() -> String? {
    #if os(Linux)
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments.first
}

var tool = GradCheckTool(executablePath: executablePath())
tool.progressOutput = ProgressOutput.standardErrorIfTerminal()
let result = tool.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.standardOutput.utf8))
FileHandle.standardError.write(Data(result.standardError.utf8))
exit(result.exitCode.rawValue)
