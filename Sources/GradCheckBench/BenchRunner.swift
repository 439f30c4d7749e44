import GradCheck

/// Runs the benchmark: for each function and size, times the plain function and every method on the
/// concrete function type, counts ω at a small size, and measures the tape and heap allocations.
///
/// Everything runs in this process, one cell after another (no threads: timings on a quiet machine).
/// A cell whose single call is estimated to exceed the budget — by scaling its time at the largest
/// smaller size measured by n^p, p = 1 for O(n) methods and 2 for full gradients by forward mode or
/// differences — is skipped with the estimate in its note.
public struct BenchRunner {
    public var configuration: BenchConfiguration
    /// Where the `symbolic` and `swift-autodiff` hooks (and any registered strategy) are looked up.
    public var registry: StrategyRegistry
    /// Called after each cell (progress output); nil for none.
    public var progress: (@Sendable (BenchCell) -> Void)?

    public init(
        configuration: BenchConfiguration, registry: StrategyRegistry = StandardStrategies.registry(),
        progress: (@Sendable (BenchCell) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.registry = registry
        self.progress = progress
    }

    /// Runs every configured cell.
    public func run() -> BenchReport {
        var cells: [BenchCell] = []
        for name in configuration.functions {
            // A switch over the concrete types, not an opened existential: each call of `runFunction`
            // is then specialised for its function, and so is every method it times.
            switch name {
            case RosenbrockLoop.benchmarkName: cells += runFunction(RosenbrockLoop.self)
            case LogisticMap.benchmarkName: cells += runFunction(LogisticMap.self)
            case SquarePlusOneProduct.benchmarkName: cells += runFunction(SquarePlusOneProduct.self)
            case DenseTanhLayer.benchmarkName: cells += runFunction(DenseTanhLayer.self)
            default: continue
            }
        }
        return BenchReport(
            build: BuildInfo.configuration, machine: .current, budgetSeconds: configuration.budgetSeconds,
            countSize: configuration.countSize, allocationMethod: AllocationCounter.method, cells: cells)
    }

    private func runFunction<F: BenchmarkFunction>(_: F.Type) -> [BenchCell] {
        var cells: [BenchCell] = []
        var history = BudgetHistory()
        var omegaCache: [String: (omega: Double?, n: Int)] = [:]
        for size in configuration.sizes.sorted() {
            let function = F(size: size)
            let workspace = BenchWorkspace<F, Double>(function)
            workspace.handCoded()
            let reference = workspace.gradient
            let clock = BenchClock(samples: configuration.samples, budgetNanoseconds: configuration.budgetNanoseconds)
            var functionTime: Double?
            for method in configuration.methods {
                var cell = BenchCell(
                    function: F.benchmarkName, inputCount: function.inputCount, method: method, status: .measured)
                if let estimate = history.estimate(method, at: function.inputCount),
                   estimate.nanoseconds > Double(configuration.budgetNanoseconds) {
                    cell.status = .skipped
                    cell.note = "skipped: over \(Self.seconds(configuration.budgetSeconds)) s (estimated "
                        + "\(Self.seconds(estimate.nanoseconds / 1e9)) s from n = \(estimate.fromInputCount))"
                } else if method.isBuiltIn {
                    measureBuiltIn(method, workspace, reference: reference, clock: clock, into: &cell)
                } else {
                    measureHook(method, function, reference: reference, clock: clock, into: &cell)
                }
                if let time = cell.medianNanoseconds {
                    history.record(method, inputCount: function.inputCount, nanoseconds: time)
                    if method == .function { functionTime = time }
                    if let base = functionTime, base > 0 { cell.ratio = time / base }
                }
                if cell.status == .measured {
                    let countSize = Swift.min(size, configuration.countSize)
                    let key = "\(method.rawValue)@\(countSize)"
                    if omegaCache[key] == nil { omegaCache[key] = countOmega(method, F(size: countSize)) }
                    cell.omega = omegaCache[key]?.omega
                    cell.omegaInputCount = omegaCache[key]?.n
                }
                progress?(cell)
                cells.append(cell)
            }
        }
        return cells
    }

    /// Times a method the benchmark runs itself, and fills in its error, tape and allocation figures.
    private func measureBuiltIn<F: BenchmarkFunction>(
        _ method: BenchMethod, _ workspace: BenchWorkspace<F, Double>, reference: [Double], clock: BenchClock,
        into cell: inout BenchCell
    ) {
        let measurement: BenchClock.Measurement
        switch method {
        case .function: measurement = clock.measure { OptimizationBarrier.consume(workspace.plainValue()) }
        case .handCoded: measurement = clock.measure { workspace.handCoded() }
        case .forwardDirection: measurement = clock.measure { OptimizationBarrier.consume(workspace.forwardDirection()) }
        case .forwardChunked:
            measurement = clock.measure { workspace.forwardChunked() }
            cell.chunkSize = ChunkSize.forInputCount(workspace.inputCount)
        case .reverse: measurement = clock.measure { workspace.reverse() }
        case .centralDifference: measurement = clock.measure { workspace.centralDifference() }
        case .symbolic, .swiftAutodiff: return
        }
        cell.medianNanoseconds = measurement.medianNanoseconds
        cell.timedCalls = measurement.timedCalls
        cell.allocationsPerCall = measurement.allocationsPerCall
        switch method {
        case .function:
            if !workspace.plainValue().isFinite {
                cell.status = .failed
                cell.note = "f is not finite at the benchmark point"
            }
        case .forwardDirection:
            let directional = workspace.forwardDirection()
            var exact = 0.0, scale = 0.0
            for i in reference.indices {
                exact += reference[i] * workspace.direction[i]
                scale += (reference[i] * workspace.direction[i]).magnitude
            }
            cell.maxRelativeError = (directional - exact).magnitude / Swift.max(scale, .leastNormalMagnitude)
        default:
            cell.maxRelativeError = Self.maxRelativeError(workspace.gradient, reference)
        }
        if method == .reverse {
            let tape = workspace.tape
            let n = workspace.inputCount
            cell.tapeBytes = tape.byteCount
            cell.tapeEntries = tape.entryCount
            if tape.entryCount > n {
                cell.bytesPerOperation = Double(tape.byteCount - n * Tape<Double>.inputRecordBytes)
                    / Double(tape.entryCount - n)
            }
        }
        // Exact methods must agree with the hand-written gradient to rounding; differences are approximations
        // (their error is reported, not judged).
        if method != .centralDifference, let error = cell.maxRelativeError, !(error <= 1e-8) {
            cell.status = .failed
            cell.note = "the gradient disagrees with the hand-written one (max rel err \(error))"
        }
    }

    /// Times a registered strategy through the registry (the `symbolic` and `swift-autodiff` hooks).
    private func measureHook<F: BenchmarkFunction>(
        _ method: BenchMethod, _ function: F, reference: [Double], clock: BenchClock, into cell: inout BenchCell
    ) {
        guard let id = method.strategyID, let strategy = registry[id] else {
            cell.status = .notAvailable
            cell.note = "not available: no strategy '\(method.strategyID ?? method.rawValue)' is registered"
            return
        }
        let point = function.benchmarkPoint()
        do {
            let output = try strategy.derivative(of: function, at: point, variant: .correct)
            cell.maxRelativeError = output.jacobian.first.map { Self.maxRelativeError($0, reference) }
            let measurement = clock.measure { _ = try? strategy.derivative(of: function, at: point, variant: .correct) }
            cell.medianNanoseconds = measurement.medianNanoseconds
            cell.timedCalls = measurement.timedCalls
            cell.allocationsPerCall = measurement.allocationsPerCall
            cell.note = "through the registry (generic code, not specialised for the function)"
        } catch StrategyError.unsupported(let reason) {
            // A strategy that declines a benchmark function (no native form, say) is not a failure.
            cell.status = .notAvailable
            cell.note = "not available: \(reason)"
        } catch {
            cell.status = .failed
            cell.note = "\(error)"
        }
    }

    /// ω of `method` on `function`, from the same code over `Counted<Double>` (the hooks through
    /// ``CostMeter``), and the n it was counted at.
    private func countOmega<F: BenchmarkFunction>(_ method: BenchMethod, _ function: F) -> (omega: Double?, n: Int) {
        let n = function.inputCount
        guard method.isBuiltIn else {
            guard let id = method.strategyID, let strategy = registry[id],
                  let cost = try? CostMeter.measure(
                      strategy, variant: .correct, on: function, at: function.benchmarkPoint())
            else { return (nil, n) }
            return (cost.ratio, n)
        }
        let workspace = BenchWorkspace<F, Counted<Double>>(function)
        let (_, plain) = OperationTally.measure { _ = workspace.plainValue() }
        let (_, counts) = OperationTally.measure {
            switch method {
            case .function: _ = workspace.plainValue()
            case .handCoded: workspace.handCoded()
            case .forwardDirection: _ = workspace.forwardDirection()
            case .forwardChunked: workspace.forwardChunked()
            case .reverse: workspace.reverse()
            case .centralDifference: workspace.centralDifference()
            case .symbolic, .swiftAutodiff: break
            }
        }
        guard plain.total > 0 else { return (nil, n) }
        return (Double(counts.total) / Double(plain.total), n)
    }

    /// max over i of |aᵢ − bᵢ| / max(|bᵢ|, 10⁻³·maxⱼ|bⱼ|); NaN anywhere gives NaN.
    static func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .nan }
        let floor = 1e-3 * (b.map(\.magnitude).max() ?? 0)
        var worst = 0.0
        for i in a.indices {
            let error = (a[i] - b[i]).magnitude / Swift.max(b[i].magnitude, floor, .leastNormalMagnitude)
            if !(error <= worst) { worst = error }
            if error.isNaN { return .nan }
        }
        return worst
    }

    static func seconds(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String((value * 10).rounded() / 10)
    }
}

/// The times measured so far for one function, by method, for the budget estimates.
struct BudgetHistory {
    private var last: [BenchMethod: (inputCount: Int, nanoseconds: Double)] = [:]

    mutating func record(_ method: BenchMethod, inputCount: Int, nanoseconds: Double) {
        last[method] = (inputCount, nanoseconds)
    }

    /// The time of one call at `inputCount`, scaled from the largest smaller size measured.
    func estimate(_ method: BenchMethod, at inputCount: Int) -> (nanoseconds: Double, fromInputCount: Int)? {
        guard let (n0, t0) = last[method], n0 > 0, n0 < inputCount else { return nil }
        let growth = Double.pow(Double(inputCount) / Double(n0), method.growthExponent)
        return (t0 * growth, n0)
    }
}
