import GradCheck

/// The suite target of `gradcheck fuzz`: mutated suites and random token streams fed to the suite loader,
/// and what loads evaluated (``SuiteFuzzer``). A rejection must locate every diagnostic at a line and a
/// column of the input.
struct SuiteFuzzTarget: FuzzTarget {
    let name = "suites"
    let fileExtension = "grad"
    /// The suite texts mutated besides the built-in seeds.
    let corpus: [String]
    private var round = 0

    init(corpus: [String]) { self.corpus = corpus }

    mutating func nextInput(_ generator: inout SeededGenerator) -> [UInt8] {
        defer { round += 1 }
        return SuiteFuzzer.input(round: round, corpus: corpus, &generator)
    }

    func exercise(_ input: [UInt8], at path: String) -> FuzzOutcome {
        switch SuiteFuzzer.exercise(input) {
        case .loaded: .accepted
        case .rejected(let unlocated): unlocated == 0 ? .rejectedWithMessage : .rejectedWithoutMessage
        }
    }
}
