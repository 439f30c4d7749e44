import GradCheckSymbolic
import Testing

@Suite("Printer")
struct PrinterTests {
    let x = E.input(0), y = E.input(1), z = E.input(2)

    @Test func minimalParentheses() {
        #expect((x + y * z).string() == "x1 + x2*x3")
        #expect(((x + y) * z).string() == "(x1 + x2)*x3")
        #expect((x - (y + z)).string() == "x1 - (x2 + x3)")
        #expect((x - (y - z)).string() == "x1 - (x2 - x3)")
        #expect(((x - y) - z).string() == "x1 - x2 - x3")
        #expect((x + (y + z)).string() == "x1 + x2 + x3")
        #expect((x / (y * z)).string() == "x1/(x2*x3)")
        #expect(((x / y) * z).string() == "x1/x2*x3")
        #expect((x * (y / z)).string() == "x1*x2/x3")
        #expect((x / (y / z)).string() == "x1/(x2/x3)")
        #expect(E.pow(x + 1, 2).string() == "(x1 + 1)^2")
        #expect(E.pow(-x, 2).string() == "(-x1)^2")
        #expect(E.pow(x, -1).string() == "x1^(-1)")
        #expect(E.pow(E.sin(x), 3).string() == "sin(x1)^3")
        #expect((x * -y).string() == "x1*(-x2)")
        #expect((x + E(-2)).string() == "x1 + (-2)")
        #expect((-(x + y)).string() == "-(x1 + x2)")
        #expect((-(x * y)).string() == "-x1*x2")
        #expect((-(-x)).string() == "-(-x1)")
        #expect(E.apply(.atan2, y, x).string() == "atan2(x2, x1)")
        #expect(E.apply(.pow, x, 0.5).string() == "pow(x1, 0.5)")
        #expect((E.pi * 2).string() == "pi*2")
        #expect((E(1e-10) + 0.1).string() == "1e-10 + 0.1")
    }

    @Test func inputNames() {
        #expect((x * y).string(inputNames: ["a", "b"]) == "a*b")
        #expect((x * z).string(inputNames: ["a"]) == "a*x3")
    }

    @Test func longExpressionsAreCut() throws {
        var e = x
        for _ in 0..<20 { e = e * e + 1 }
        #expect(e.treeSize > 1_000_000)
        let text = ExpressionPrinter(maximumLength: 200).string(for: e)
        #expect(text.count <= 201 && text.hasSuffix("…"))
        var deep = x
        for _ in 0..<1000 { deep = E.sin(deep) }
        #expect(ExpressionPrinter(maximumDepth: 10).string(for: deep).hasSuffix("…)))))))))))"))
    }
}
