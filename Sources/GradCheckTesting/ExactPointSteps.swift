import GradCheckCore
import GradCheckEngine

/// The steps an exact-reference check takes at a point before it compares, shared by the entry-by-entry
/// check (``ExactReferenceCheck``) and the directional one (``DirectionalReferenceCheck``). Each step either
/// hands on what it produced or settles the point:
/// - a point with the wrong number of coordinates fails, saying both counts;
/// - a reference that throws, is not finite (outside the domain) or is disputed (a kink, a disagreement
///   with the cross-check) leaves the point undecided, saying why;
/// - a derivative under test that throws, or has the wrong shape, fails.
enum ExactPointSteps {
    enum Step<Value> {
        case ready(Value)
        case settled(PointCheck)
    }

    /// The reference at `point`, or the point settled: failed for a wrong coordinate count, undecided where
    /// the reference throws, is not finite or is disputed.
    static func reference<Reference>(
        at point: SamplePoint, inputCount: Int, _ evaluate: () throws -> Reference,
        isFinite: (Reference) -> Bool, dispute: (Reference) -> String?
    ) -> Step<Reference> {
        let x = point.coordinates
        guard x.count == inputCount else {
            return .settled(PointCheck(
                point: point, outcome: .failed,
                message: "the point has \(x.count) coordinates; the function has \(inputCount) inputs"))
        }
        let exact: Reference
        do {
            exact = try evaluate()
        } catch {
            return .settled(PointCheck(point: point, outcome: .undecided, message: "the function threw here: \(error)"))
        }
        guard isFinite(exact) else {
            return .settled(PointCheck(
                point: point, outcome: .undecided,
                message: "the function or its derivative is not finite here: the point lies outside its domain"))
        }
        if let dispute = dispute(exact) {
            return .settled(PointCheck(point: point, outcome: .undecided, message: dispute))
        }
        return .ready(exact)
    }

    /// The derivative under test at `point`, or the point failed: it threw, or it is not `rows` rows of
    /// `columns` entries.
    static func candidate(
        _ derivative: ([Double]) throws -> [[Double]], at point: SamplePoint, rows: Int, columns: Int
    ) -> Step<[[Double]]> {
        let candidate: [[Double]]
        do {
            candidate = try derivative(point.coordinates)
        } catch {
            return .settled(PointCheck(point: point, outcome: .failed, message: "the derivative under test threw: \(error)"))
        }
        guard candidate.count == rows, candidate.allSatisfy({ $0.count == columns }) else {
            let got = "\(candidate.count)×\(candidate.map(\.count).max() ?? 0)"
            return .settled(PointCheck(
                point: point, outcome: .failed, message: "wrong shape: expected \(rows)×\(columns), got \(got)"))
        }
        return .ready(candidate)
    }
}
