import Foundation

/// Checks one strategy at one point against the reference and explains the outcome.
struct PointComparison {
    let function: any TestFunction
    let tolerance: Tolerance

    func check<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, at point: [Double],
        reference: Result<(value: [ExtendedReal], jacobian: [[ExtendedReal]]), any Error>, in _: R.Type
    ) -> PointResult {
        var result = PointResult(point: point, verdict: .pass)
        let expected: [[ExtendedReal]]
        switch reference {
        case .failure(let error):
            result.verdict = .error
            result.message = "the function itself failed here: \(error)"
            return result
        case .success(let (value, jacobian)):
            guard value.allSatisfy(\.isFinite), jacobian.joined().allSatisfy(\.isFinite) else {
                result.verdict = .outsideDomain
                result.message = "the reference is not finite here: the point lies outside the function's domain"
                result.reference = jacobian.map { $0.map { Double($0) } }
                return result
            }
            expected = jacobian
        }
        result.reference = expected.map { $0.map { Double($0) } }

        let output: StrategyOutput<R>
        do {
            output = try strategy.derivative(of: function, at: point.map { R($0) }, variant: variant)
        } catch StrategyError.unsupported(let reason) {
            result.verdict = .unsupported
            result.message = reason
            return result
        } catch {
            result.verdict = .error
            result.message = "\(strategy.id) threw: \(error)"
            return result
        }
        let rows = output.jacobian
        let shapeIsRight = rows.count == expected.count && zip(rows, expected).allSatisfy { $0.count == $1.count }
        guard shapeIsRight else {
            result.verdict = .error
            result.message = "wrong shape: expected \(expected.count)×\(function.inputCount), got "
                + "\(rows.count)×\(rows.map(\.count).max() ?? 0)"
            return result
        }
        let candidate = rows.map { $0.map(\.extendedValue) }
        result.derivative = rows.map { $0.map(\.doubleValue) }
        let errors = ErrorMeasures(candidate: candidate, reference: expected)
        result.errors = errors
        let entry = errors.worstEntry
        let value = candidate[entry.row][entry.column], truth = expected[entry.row][entry.column]
        if !value.isFinite {
            result.verdict = .error
            result.message = "\(entryName(entry)) is \(format(value)) where the reference is finite (\(format(truth)))"
        } else if case let outside = ErrorMeasures.violations(of: tolerance, candidate: candidate, reference: expected),
            !outside.isEmpty
        {
            result.verdict = .fail
            result.message = "\(outside.count) of \(candidate.count * function.inputCount) entries wrong; worst "
                + "\(entryName(entry)): got \(format(value)), reference \(format(truth)), "
                + "abs error \(format(errors.maxAbsolute)), rel error \(format(errors.maxRelative)) "
                + "(rtol \(format(tolerance.rtol)), atol \(format(tolerance.atol)))"
        } else {
            result.verdict = .pass
        }
        return result
    }

    /// `∂f/∂x2` for a scalar function, `∂f[1]/∂r` for output 1 of a vector-valued one.
    func entryName(_ entry: EntryIndex) -> String {
        let input = function.inputNames.indices.contains(entry.column) ? function.inputNames[entry.column] : "x\(entry.column)"
        return function.outputCount == 1 ? "∂f/∂\(input)" : "∂f[\(entry.row)]/∂\(input)"
    }
}

/// A number in the short form reports use: 6 significant digits, NaN and ±∞ spelled out.
public func format<T: BinaryFloatingPoint>(_ value: T) -> String {
    let x = Double(value)
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return String(format: "%.6g", x)
}
