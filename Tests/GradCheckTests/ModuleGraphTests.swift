import Foundation
import Testing

/// The module graph that `Package.swift` documents is the one the code uses: every dependency a target
/// declares is imported by one of its files (no module depends on a module it does not need), and every
/// package module a source file imports is a declared dependency of its module or re-exported
/// (`@_exported`) by one.
@Suite struct ModuleGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Each target of `Package.swift` with the dependencies it declares.
    static func declaredTargets() throws -> [String: [String]] {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: [String]] = [:]
        let pieces = manifest.components(separatedBy: ".target(").dropFirst()
            .flatMap { $0.components(separatedBy: ".executableTarget(") }
            .flatMap { $0.components(separatedBy: ".testTarget(") }
        for piece in pieces {
            guard let name = firstQuoted(after: "name:", in: piece) else { continue }
            var dependencies: [String] = []
            if let start = piece.range(of: "dependencies: ["), let end = piece[start.upperBound...].firstIndex(of: "]") {
                dependencies = piece[start.upperBound..<end].split(separator: ",").compactMap { entry in
                    let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
                    return trimmed.hasPrefix("\"") ? String(trimmed.dropFirst().dropLast()) : nil
                }
            }
            targets[name] = dependencies
        }
        return targets
    }

    static func firstQuoted(after label: String, in text: String) -> String? {
        guard let label = text.range(of: label), let open = text[label.upperBound...].firstIndex(of: "\""),
            let close = text[text.index(after: open)...].firstIndex(of: "\"")
        else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// The modules the Swift files under `folder` import (a scoped `import enum M.Name` imports from M), and those
    /// they re-export.
    static func imports(in folder: URL) -> (imported: Set<String>, exported: Set<String>) {
        var imported = Set<String>(), exported = Set<String>()
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
                    words[..<index].allSatisfy({ $0.hasPrefix("@") })
                else { continue }
                // `import struct Module.Name` imports one declaration of Module.
                let kinds: Set = ["struct", "enum", "protocol", "class", "func", "var", "let", "typealias"]
                let scoped = kinds.contains(words[index + 1]) && index + 2 < words.count
                let module = String((scoped ? words[index + 2] : words[index + 1]).split(separator: ".")[0])
                imported.insert(module)
                if words[..<index].contains("@_exported") { exported.insert(module) }
            }
        }
        return (imported, exported)
    }

    @Test func everyDeclaredDependencyIsImportedAndEveryImportIsDeclared() throws {
        let targets = try Self.declaredTargets()
        #expect(targets.count >= 20, "\(targets.keys.sorted())")
        let sources = Self.root.appendingPathComponent("Sources")
        var exports: [String: Set<String>] = [:]
        for name in targets.keys { exports[name] = Self.imports(in: sources.appendingPathComponent(name)).exported }
        for (name, dependencies) in targets.sorted(by: { $0.key < $1.key }) {
            let folder = ["Sources", "Tests"].map { Self.root.appendingPathComponent($0).appendingPathComponent(name) }
                .first { FileManager.default.fileExists(atPath: $0.path) }
            guard let folder else { continue }
            let imported = Self.imports(in: folder).imported
            guard !imported.isEmpty || name == "GradCheckAllocationCounter" else { continue }
            for dependency in dependencies where targets[dependency] != nil {
                // An executable target (depended on by tests that run it) is not imported.
                let isExecutable = FileManager.default.fileExists(
                    atPath: sources.appendingPathComponent(dependency).appendingPathComponent("main.swift").path)
                #expect(imported.contains(dependency) || isExecutable, "\(name) declares \(dependency) but never imports it")
            }
            // Source modules import only what they declare (tests may reach further, through what they test).
            guard folder.path.hasPrefix(sources.path) else { continue }
            let reachable = Set(dependencies).union(dependencies.flatMap { exports[$0] ?? [] })
            for module in imported where targets[module] != nil && module != name {
                #expect(reachable.contains(module), "\(name) imports \(module), which it does not declare")
            }
        }
    }
}
