/// "Did you mean …?" for unknown names.
///
/// The distance is the optimal-string-alignment form of the Damerau–Levenshtein distance: insertions,
/// deletions, substitutions and transpositions of adjacent characters each cost 1, so `sqr` → `sqrt`,
/// `x3` → `x1` and `rosenbrokc` → `rosenbrock` are all one edit away. A candidate is suggested when it is
/// close enough for its length (one edit for names of two to four characters, two up to eight, three
/// beyond) or differs only in case; among equally close candidates the first in the given order wins, so
/// callers list the most relevant names (local variables, then parameters, then functions) first.
///
/// The suite checker uses it for names in `.grad` files; the command line for tags and function names.
public enum NameSuggestion {
    /// Names longer than this get no suggestion, and only this many candidates are compared, so that a
    /// file of huge or countless names cannot make suggesting slow.
    static let maximumLength = 64
    static let maximumCandidates = 1_000

    /// The best candidate for `name`, or nil when none is close enough.
    public static func suggest(_ name: String, among candidates: [String]) -> String? {
        guard name.count <= maximumLength else { return nil }
        var best: (name: String, distance: Int)?
        let lowered = name.lowercased()
        for candidate in candidates.prefix(maximumCandidates) where candidate != name && candidate.count <= maximumLength {
            if candidate.lowercased() == lowered { return candidate }
            let limit = allowedDistance(for: max(name.count, candidate.count))
            guard abs(candidate.count - name.count) <= limit else { continue }
            let d = distance(name, candidate)
            if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// How many edits a name of `length` characters may be from a suggestion.
    static func allowedDistance(for length: Int) -> Int {
        length <= 1 ? 0 : length <= 4 ? 1 : length <= 8 ? 2 : 3
    }

    /// The optimal string alignment distance between `a` and `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previousPrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[t.count]
    }

    /// `"; did you mean 'x'?"`, or the empty string.
    public static func hint(_ name: String, among candidates: [String]) -> String {
        suggest(name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
