import GradCheck

/// The floating-point type a closure or a derivative under test computes in: how to round to it, its
/// unit roundoff, and (for the generic shape) how its rounding moves the exact derivative.
///
/// The difference reference computes in `Double` on values the closure returned in its own type, so a
/// type wider than `Double` (Float80) is held to `Double`'s precision: ``epsilon`` is
/// max(ε of the type, ε of `Double`).
struct WorkingPrecision {
    /// "Float", "Double", …
    var name: String
    /// The machine epsilon of the type (ε = 2⁻²³ for Float, 2⁻⁵² for Double), at least `Double`'s.
    var epsilon: Double
    /// The smallest positive normal number of the type.
    var leastNormal: Double
    /// A `Double` rounded to the nearest value of the type, as a `Double`.
    var round: (Double) -> Double
    /// How far the type's rounding moves the exact rules at a point (``ExtendedForwardReference/roundingSensitivity(_:at:jacobian:in:)``),
    /// nil where the type is not a ``RealNumber``.
    var sensitivity: ((ExtendedForwardReference, any TestFunction, [Double], [[ExtendedReal]]) -> [[ExtendedReal]]?)?

    init<F: BinaryFloatingPoint>(_ type: F.Type) {
        name = "\(F.self)"
        epsilon = Swift.max(Double(F.ulpOfOne), Double.ulpOfOne)
        leastNormal = Double(F.leastNormalMagnitude)
        round = { Double(F($0)) }
        sensitivity = nil
    }

    init<F: BinaryFloatingPoint & RealNumber>(_ type: F.Type) {
        name = "\(F.self)"
        epsilon = Swift.max(Double(F.ulpOfOne), Double.ulpOfOne)
        leastNormal = Double(F.leastNormalMagnitude)
        round = { Double(F($0)) }
        sensitivity = { reference, function, point, jacobian in
            reference.roundingSensitivity(function, at: point, jacobian: jacobian, in: F.self)
        }
    }

    static var double: WorkingPrecision { WorkingPrecision(Double.self) }

    /// The point rounded to the type (the coordinates a closure over the type actually sees).
    func rounded(_ point: SamplePoint) -> SamplePoint {
        var point = point
        point.coordinates = point.coordinates.map(round)
        return point
    }
}
