import GradCheckCore
import Testing

struct NamedStrategy: DifferentiationStrategy {
    let id: String
    let family = StrategyFamily.automatic
    let summary = "test"
    func derivative<R: RealNumber>(of function: any TestFunction, at point: [R], variant: DerivativeVariant) throws -> StrategyOutput<R> {
        throw StrategyError.unsupported("test strategy")
    }
}

@Suite("Registry and sampling")
struct RegistryAndSamplingTests {
    @Test func aDuplicateIDIsAnError() throws {
        var registry = try StrategyRegistry([NamedStrategy(id: "a"), NamedStrategy(id: "b")])
        #expect(registry.ids == ["a", "b"])
        #expect(throws: RegistryError.duplicateID("a")) { try registry.register(NamedStrategy(id: "a")) }
        #expect(registry.ids == ["a", "b"])
        try registry.register(NamedStrategy(id: "my-plugin-2"))
        #expect(registry["my-plugin-2"]?.id == "my-plugin-2")
    }

    @Test func anInvalidIDIsAnError() {
        var registry = StrategyRegistry()
        for id in ["", "Upper", "with space", "dot.ted"] {
            #expect(throws: RegistryError.invalidID(id)) { try registry.register(NamedStrategy(id: id)) }
        }
    }

    @Test func explicitPointsComeFirstThenSeededRandomOnes() {
        let sampling = Sampling(explicitPoints: [[1, 2]], domain: [0...1, 10...20])
        let points = sampling.points(random: 3, seed: 7, salt: "s/f")
        #expect(points.count == 4 && points[0] == [1, 2])
        for point in points.dropFirst() {
            #expect((0...1).contains(point[0]) && (10...20).contains(point[1]))
        }
        #expect(points == sampling.points(random: 3, seed: 7, salt: "s/f"))
        #expect(points != sampling.points(random: 3, seed: 8, salt: "s/f"))
        #expect(points != sampling.points(random: 3, seed: 7, salt: "s/g"))
        #expect(Sampling(explicitPoints: [[1]]).points(random: 5, seed: 1, salt: "x") == [[1]])
    }

    /// Every explicit point is checked whatever the number of random points asked for: a function with
    /// five `@points` is checked at all five even with `random: 0` or the default of 3.
    @Test func everyExplicitPointIsKeptWhateverTheRandomCount() {
        let explicit: [[Double]] = [[1], [2], [3], [4], [5]]
        let sampling = Sampling(explicitPoints: explicit, domain: [0...1])
        #expect(sampling.points(random: 0, seed: 1, salt: "x") == explicit)
        let withRandom = sampling.points(random: 3, seed: 1, salt: "x")
        #expect(withRandom.count == 8 && Array(withRandom.prefix(5)) == explicit)
    }

    @Test func theGeneratorIsDeterministicAndUniform() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        var sum = 0.0
        for _ in 0..<10_000 {
            let x = a.nextDouble(in: 0...1)
            #expect(x == b.nextDouble(in: 0...1))
            sum += x
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }
}
