import Foundation
import GradCheckCore
import Testing
@testable import GradCheckSuites

/// The corpus files of `Suites/` and their built-in copy.
@Suite struct StandardCorpusTests {
    static let directory = repositoryRoot.appendingPathComponent("Suites")

    static func files() throws -> [(name: String, text: String)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return try names.filter { $0.hasSuffix(".grad") }.sorted().map { name in
            (String(name.dropLast(5)), try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
        }
    }

    @Test func embeddedCopyMatchesSuites() throws {
        let files = try Self.files()
        let embedded = StandardCorpus.embeddedFiles
        #expect(embedded.map(\.name) == files.map(\.name), "run: sh CI/embed-standard-corpus.sh")
        for (file, copy) in zip(files, embedded) where file.name == copy.name {
            #expect(file.text == copy.text, "Suites/\(file.name).grad changed; run: sh CI/embed-standard-corpus.sh")
        }
    }

    @Test func everySuiteLoadsAndEvaluatesToFiniteValues() throws {
        let suites = try SuiteLoader().loadSuites(at: Self.directory.path)
        #expect(suites.count == (try Self.files()).count)
        for suite in suites {
            #expect(suite.warnings.isEmpty, "\(suite.warnings)")
            #expect(!suite.functions.isEmpty)
            for function in suite.functions {
                #expect(!function.summary.isEmpty, "\(function.id) has no description")
                let points = function.sampling.points(random: 2, seed: 1, salt: function.id.description)
                #expect(!points.isEmpty, "\(function.id) is never evaluated")
                for point in points {
                    let value = try function.evaluate(point)
                    #expect(value.count == function.outputCount)
                    #expect(value.allSatisfy { $0.isFinite }, "\(function.id) at \(point): \(value)")
                    for variant in [DerivativeVariant.correct] + function.mutants.indices.map({ .mutant($0) })
                    where variant != .correct || function.hasHandCodedDerivative {
                        let jacobian: [[Double]] = try function.handCodedDerivative(variant, at: point)
                        #expect(jacobian.count == function.outputCount)
                        #expect(jacobian.allSatisfy { $0.count == function.inputCount })
                        #expect(jacobian.joined().allSatisfy { $0.isFinite }, "\(function.id) \(variant) at \(point)")
                    }
                }
            }
        }
    }

    @Test func builtInCorpusLoads() throws {
        let suites = try StandardCorpus.suites()
        #expect(suites.map(\.name) == StandardCorpus.suiteNames)
        #expect(suites.allSatisfy { $0.path.hasPrefix("Suites/") })
        for name in StandardCorpus.suiteNames { #expect(StandardCorpus.source(of: name) != nil) }
        #expect(StandardCorpus.source(of: "no-such-suite") == nil)
    }

    @Test func defaultSuitesPreferTheDirectory() throws {
        let here = try StandardCorpus.loadDefault(currentDirectory: repositoryRoot.path)
        let isCurrent = FileManager.default.currentDirectoryPath == repositoryRoot.path
        #expect(here.origin == .directory(isCurrent ? "Suites" : repositoryRoot.path + "/Suites"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-no-suites-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let elsewhere = try StandardCorpus.loadDefault(currentDirectory: empty.path)
        #expect(elsewhere.origin == .builtIn)
        #expect(elsewhere.suites.map(\.name) == here.suites.map(\.name))
        #expect(elsewhere.suites.map { $0.functions.count } == here.suites.map { $0.functions.count })
    }

    @Test func loaderReadsFilesAndDirectories() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gradcheck-suites-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "@domain(x: 0...1)\nfunc b(x) { return x }\n".write(to: directory.appendingPathComponent("second.grad"), atomically: true, encoding: .utf8)
        try "@domain(x: 0...1)\nfunc a(x) { return x }\n".write(to: directory.appendingPathComponent("first.grad"), atomically: true, encoding: .utf8)
        try "not a suite".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let loader = SuiteLoader()
        #expect(try loader.loadSuites(at: directory.path).map(\.name) == ["first", "second"])
        #expect(try loader.load(directory.path).map(\.id.description) == ["first/a", "second/b"])
        #expect(try loader.loadFile(directory.appendingPathComponent("second.grad").path).functions[0].id.description == "second/b")
        // Errors of several files come together, with the paths as given.
        try "func a(x) { return y }\n".write(to: directory.appendingPathComponent("first.grad"), atomically: true, encoding: .utf8)
        try "func b(x) { return z }\n".write(to: directory.appendingPathComponent("second.grad"), atomically: true, encoding: .utf8)
        do {
            _ = try loader.loadSuites(at: directory.path + "/")
            Issue.record("loaded")
        } catch {
            #expect(error.errors.map(\.headline) == [
                "\(directory.path)/first.grad:1:20: error: unknown name 'y'",
                "\(directory.path)/second.grad:1:20: error: unknown name 'z'",
            ])
        }
        do {
            _ = try loader.loadSuites(at: directory.path + "/missing.grad")
            Issue.record("loaded")
        } catch {
            #expect(error.errors.map(\.headline) == ["\(directory.path)/missing.grad:1:1: error: no such file or directory"])
        }
    }
}
