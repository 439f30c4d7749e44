// GradCheckTesting: one-line gradient assertions for Swift Testing and XCTest.
//
// `import GradCheckTesting` brings in the assertions and the vocabulary needed to use them: GradCheckCore
// (the scalar protocols generic functions are written over, with their operators and elementary functions;
// `TestFunction` and `DifferentiationStrategy` with the types their requirements name; `Counted`), the
// built-in strategies and the starter corpus. Nothing else is re-exported: the engine (`Tolerance`,
// `Runner`, `Verdict`, …), the strategies' number types (`Dual`, `Tracked`, `Tape`, …) and the `.grad`
// language (`Suite`, `Parser`, …) stay out of the test's namespace, so a project whose own code declares
// any of those names imports both without an ambiguous name. For the rest, `import GradCheck`.

@_exported import GradCheckCore

// The built-in strategies and the starter corpus.
@_exported import enum GradCheck.StandardStrategies
@_exported import enum GradCheck.StarterCorpus

// Functions that Swift's own automatic differentiation can run (`expectSwiftGradient`).
@_exported import protocol GradCheckAutoDiff.NativelyDifferentiable
@_exported import enum GradCheckAutoDiff.NativeDifferentiableForm
