import GradCheck

/// Which functions a command works on: `--function` globs, `--tag` labels and exact `--function-id`s.
///
/// A function is selected when it matches any glob (against `suite/name` or `name`; `*` any run of
/// characters, `?` one) and carries any of the tags; an empty list selects everything. Functions tagged
/// `negative-control` are deliberately wrong and are selected only by name or by that tag.
///
/// A glob or a tag that selects no function of the whole corpus on its own is a mistake (a typo, or a tag
/// spelled as another suite spells it), and ``unmatchedFilters(in:)`` says so; one that matches in some
/// suites and not in others is fine.
///
/// Exact ids (`--function-id`, hidden: what `run --isolate` gives each child) are compared as text, with
/// no wildcard, so an id that contains `*` or `?` selects its own function only. When any is given, only
/// the functions so named are candidates (a negative control included, as when named exactly); globs and
/// tags given beside them narrow those further.
struct FunctionSelection {
    var patterns: [String]
    var tags: [String]
    var exactIDs: [String] = []

    static let negativeControlTag = "negative-control"

    /// One sentence for each `--function` glob and each `--tag` that selects no function of `corpus`
    /// by itself, with a "did you mean" when a name or tag is close; empty when every filter matches.
    func unmatchedFilters(in corpus: [any TestFunction]) -> [String] {
        var problems: [String] = []
        for id in exactIDs where !corpus.contains(where: { $0.id.description == id }) {
            problems.append("--function-id '\(id)' matches no function" + NameSuggestion.hint(id, among: corpus.map(\.id.description)))
        }
        for pattern in patterns where FunctionSelection(patterns: [pattern], tags: []).select(corpus).isEmpty {
            problems.append("--function '\(pattern)' matches no function" + Self.hint(forPattern: pattern, in: corpus))
        }
        var known: [String] = []  // every tag of the corpus, in order of first appearance
        for function in corpus { for tag in function.tags where !known.contains(tag) { known.append(tag) } }
        for tag in tags where FunctionSelection(patterns: [], tags: [tag]).select(corpus).isEmpty {
            problems.append("--tag '\(tag)' matches no function" + NameSuggestion.hint(tag, among: known))
        }
        return problems
    }

    /// What `pattern`, which selects nothing, may have meant: the instances of a function with
    /// `@dimensions` (`classic/rosenbrock` → `classic/rosenbrock*`), a close name, or the negative controls
    /// a glob skips.
    private static func hint(forPattern pattern: String, in corpus: [any TestFunction]) -> String {
        let ids = corpus.map(\.id.description), names = corpus.map(\.id.name)
        guard pattern.contains("*") || pattern.contains("?") else {
            if (ids + names).contains(where: { $0.hasPrefix(pattern + "[") }) { return "; did you mean '\(pattern)*'?" }
            return NameSuggestion.hint(pattern, among: ids + names)
        }
        let controls = corpus.filter { function in
            function.tags.contains(negativeControlTag)
                && (Glob.matches(pattern, function.id.description) || Glob.matches(pattern, function.id.name))
        }
        guard let control = controls.first else { return "" }
        return "; it matches only negative controls, which are selected by their exact name ('\(control.id)') "
            + "or by --tag \(negativeControlTag)"
    }

    func select(_ functions: [any TestFunction]) -> [any TestFunction] {
        functions.filter { function in
            if !exactIDs.isEmpty {
                guard exactIDs.contains(function.id.description) else { return false }
                if patterns.isEmpty && tags.isEmpty { return true }
            }
            if function.tags.contains(Self.negativeControlTag) {
                let namedExactly = patterns.contains { $0 == function.id.description || $0 == function.id.name }
                return namedExactly || tags.contains(Self.negativeControlTag)
            }
            let named = patterns.contains { Glob.matches($0, function.id.description) || Glob.matches($0, function.id.name) }
            let tagged = tags.contains { function.tags.contains($0) }
            return (patterns.isEmpty || named) && (tags.isEmpty || tagged)
        }
    }
}

/// Shell-style wildcard matching: `*` matches any run of characters (including none), `?` exactly one.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern), t = Array(text)
        var pi = 0, ti = 0
        var star = -1, mark = 0
        while ti < t.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if pi < p.count && p[pi] == "*" {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
