import GradCheckCore

/// Evaluations of a function that also return the branch decisions the program took, so that a
/// difference stencil can tell whether all its points ran the same path as the point of interest.
public struct BranchAwareEvaluation<R: RealNumber> {
    let function: any TestFunction

    /// f(x) and the outcomes of every comparison made while computing it.
    func evaluate(_ x: [R]) throws -> Evaluation<R> {
        let (values, decisions) = try BranchLog.record {
            try function.evaluate(x.map { BranchRecording<R>(value: $0) })
        }
        return Evaluation(values: values.map(\.value), decisions: decisions)
    }

    /// f at x with coordinate j moved by `delta`.
    func evaluate(_ x: [R], moving j: Int, by delta: R) throws -> Evaluation<R> {
        try evaluate(DifferenceStep.shifted(x, index: j, by: delta))
    }

    /// The input's name, for messages.
    public func inputName(_ j: Int) -> String {
        function.inputNames.indices.contains(j) ? function.inputNames[j] : "x\(j)"
    }
}

/// One evaluation: the outputs and the branch decisions that produced them.
struct Evaluation<R: RealNumber> {
    var values: [R]
    var decisions: [Bool]

    /// Whether this evaluation took the same path as `other`.
    func samePath(as other: Evaluation<R>) -> Bool { decisions == other.decisions }
}
