import GradCheckReports

/// The counts of a `gradcheck fuzz` run, per target, and the table that prints them.
struct FuzzTally {
    /// The counts of one target.
    struct Counts: Equatable {
        var tried = 0
        var accepted = 0
        var rejectedWithMessage = 0
        var rejectedWithoutMessage = 0
        var hangs = 0

        mutating func count(_ outcome: FuzzOutcome) {
            switch outcome {
            case .accepted: accepted += 1
            case .rejectedWithMessage: rejectedWithMessage += 1
            case .rejectedWithoutMessage: rejectedWithoutMessage += 1
            }
        }
    }

    /// The targets in the order they run, with their counts.
    var targets: [(name: String, counts: Counts)]
    /// The files where defective inputs were kept.
    var kept: [String] = []

    init(targets: [String]) {
        self.targets = targets.map { ($0, Counts()) }
    }

    /// Whether nothing hung and every rejection had a message.
    var isClean: Bool { targets.allSatisfy { $0.counts.rejectedWithoutMessage == 0 && $0.counts.hangs == 0 } }

    /// The column headers of the table, in order.
    static func headers(hangSeconds: String) -> [String] {
        ["target", "tried", "accepted", "rejected with a message", "rejected without one", "hangs (over \(hangSeconds) s)", "crashes"]
    }

    /// A row per target and a total. Crashes are always 0 here: a crash ends the process before the table
    /// is printed, leaving its input in the target's current file.
    func table(hangSeconds: String) -> String {
        var table = TextTable(headers: Self.headers(hangSeconds: hangSeconds), alignments: [.left] + Array(repeating: .right, count: 6))
        var total = Counts()
        for (name, counts) in targets {
            table.append(Self.row(name, counts))
            total.tried += counts.tried
            total.accepted += counts.accepted
            total.rejectedWithMessage += counts.rejectedWithMessage
            total.rejectedWithoutMessage += counts.rejectedWithoutMessage
            total.hangs += counts.hangs
        }
        if targets.count > 1 { table.append(Self.row("all", total)) }
        return table.render()
    }

    private static func row(_ name: String, _ counts: Counts) -> [String] {
        [name] + [counts.tried, counts.accepted, counts.rejectedWithMessage, counts.rejectedWithoutMessage, counts.hangs, 0].map { String($0) }
    }
}
