import GradCheckCore

/// One call of a strategy's derivative at a point, under the phase deadline, with its failures turned into
/// the verdict and message a point records: an overrun of the deadline is an error naming the phase and
/// the option that stopped it, `StrategyError.unsupported` is `unsupported` with the strategy's reason,
/// and anything else thrown is an error quoting it.
enum StrategyInvocation {
    struct Failure: Error {
        var verdict: Verdict
        var message: String
    }

    static func derivative<R: RealNumber>(
        _ strategy: any DifferentiationStrategy, variant: DerivativeVariant, of function: any TestFunction,
        at point: [Double], deadline: PhaseDeadline, in _: R.Type
    ) -> Result<StrategyOutput<R>, Failure> {
        let input = point.map { R($0) }
        do {
            return .success(
                try deadline.run(phase: "the strategy \(strategy.id)") {
                    try strategy.derivative(of: function, at: input, variant: variant)
                })
        } catch let overrun as TimeLimitExceeded {
            return .failure(Failure(verdict: .error, message: "\(overrun)"))
        } catch StrategyError.unsupported(let reason) {
            return .failure(Failure(verdict: .unsupported, message: reason))
        } catch {
            return .failure(Failure(verdict: .error, message: "\(strategy.id) threw: \(error)"))
        }
    }
}
