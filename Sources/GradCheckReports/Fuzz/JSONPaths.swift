/// Addresses of the values in a JSON document: a path is the index of a member or an element at each
/// level, from the root (the empty path).
enum JSONPaths {
    /// Every value's path, the root's first.
    static func all(in value: JSONValue) -> [[Int]] {
        var paths: [[Int]] = []
        var stack: [([Int], JSONValue)] = [([], value)]
        while let (path, current) = stack.popLast() {
            paths.append(path)
            switch current {
            case .array(let elements): for (index, element) in elements.enumerated() { stack.append((path + [index], element)) }
            case .object(let members): for (index, member) in members.enumerated() { stack.append((path + [index], member.value)) }
            default: break
            }
        }
        return paths
    }

    static func value(in document: JSONValue, at path: [Int]) -> JSONValue {
        var current = document
        for index in path {
            switch current {
            case .array(let elements): current = elements[index]
            case .object(let members): current = members[index].value
            default: return current
            }
        }
        return current
    }

    static func replacing(in document: JSONValue, at path: ArraySlice<Int>, with replacement: JSONValue) -> JSONValue {
        guard let index = path.first else { return replacement }
        switch document {
        case .array(var elements):
            elements[index] = replacing(in: elements[index], at: path.dropFirst(), with: replacement)
            return .array(elements)
        case .object(var members):
            members[index].value = replacing(in: members[index].value, at: path.dropFirst(), with: replacement)
            return .object(members)
        default:
            return document
        }
    }
}
