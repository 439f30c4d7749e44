import GradCheckCore

/// The strategies that use Swift's own automatic differentiation, for the standard registry.
///
/// This file is compiled everywhere (the rest of the module only where the toolchain has
/// `_Differentiation`), so that the umbrella module can register Swift's AD in one line without an
/// `#if` of its own: where the module is missing, ``available`` is empty.
public enum AutoDiffStrategies {
    /// Whether this toolchain has Swift's `_Differentiation` module.
    public static var isAvailable: Bool {
        #if canImport(_Differentiation)
        true
        #else
        false
        #endif
    }

    /// `[SwiftAutoDiffStrategy()]` where `_Differentiation` exists, else `[]`.
    public static var available: [any DifferentiationStrategy] {
        #if canImport(_Differentiation)
        [SwiftAutoDiffStrategy()]
        #else
        []
        #endif
    }
}
