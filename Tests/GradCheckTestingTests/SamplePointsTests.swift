import GradCheckTesting
import Testing

@Suite("Sample points")
struct SamplePointsTests {
    @Test func anArrayLiteralIsOnePoint() {
        let points: SamplePoints = [1.5, -0.5]
        #expect(points.resolved == [SamplePoint(index: 1, coordinates: [1.5, -0.5], origin: .explicit)])
        #expect(SamplePoints.point([1.5, -0.5]) == points)
    }

    @Test func randomPointsAreSeededAndInsideTheBox() {
        let box: [ClosedRange<Double>] = [-1...1, 10...20]
        let a = SamplePoints.random(50, in: box, seed: 9).resolved
        #expect(a == SamplePoints.random(50, in: box, seed: 9).resolved)
        #expect(a != SamplePoints.random(50, in: box, seed: 10).resolved)
        #expect(a.allSatisfy { box[0].contains($0.coordinates[0]) && box[1].contains($0.coordinates[1]) })
        #expect(a.map(\.index) == Array(1...50))
        #expect(a[4].origin == .random(seed: 9, draw: 5, of: 50))
    }

    @Test func explicitPointsComeFirst() {
        let points = SamplePoints.points([[0, 0], [1, 1]], plus: 2, in: [0...1, 0...1], seed: 3).resolved
        #expect(points.count == 4)
        #expect(points.prefix(2).allSatisfy { $0.origin == .explicit })
        #expect(points[2].origin == .random(seed: 3, draw: 1, of: 2))
    }
}

@Suite("Points held in variables")
struct PointListTests {
    @Test func aListOfPointVariablesIsSeveralPointsAndALiteralOfNumbersIsOne() {
        let x0 = [1.0, 2.0], x1 = [-0.5, 3.0]
        let several = expectGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.gradient, at: [x0, x1])
        #expect(several.passed && several.points.map(\.point.coordinates) == [x0, x1])
        let one = checkGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.gradient, at: [1, 2])
        #expect(one.points.map(\.point.coordinates) == [[1, 2]])
        let wrong = checkGradient(of: QuadraticClosures.value, gradient: QuadraticClosures.forgotFactorTwo, at: [x1])
        #expect(wrong.outcome == .failed && wrong.points.count == 1)
    }
}
