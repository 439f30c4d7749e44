import GradCheck

/// Which functions a command works on: `--function` globs and `--tag` labels.
///
/// A function is selected when it matches any glob (against `suite/name` or `name`; `*` any run of
/// characters, `?` one) and carries any of the tags; an empty list selects everything. Functions tagged
/// `negative-control` are deliberately wrong and are selected only by name or by that tag.
struct FunctionSelection {
    var patterns: [String]
    var tags: [String]

    static let negativeControlTag = "negative-control"

    func select(_ functions: [any TestFunction]) -> [any TestFunction] {
        functions.filter { function in
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
