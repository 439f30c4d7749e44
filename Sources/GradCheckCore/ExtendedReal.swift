#if arch(x86_64) && !os(Windows) && !os(Android)
/// The widest real type of this platform, used for the reference derivatives: `Float80` (64-bit
/// significand, ε = 2⁻⁶³ ≈ 1.1e-19) on x86-64.
public typealias ExtendedReal = Float80
#else
/// The widest real type of this platform, used for the reference derivatives. `Float80` does not exist
/// here, so the reference is computed in `Double` and reports say so.
public typealias ExtendedReal = Double
#endif
