import Foundation
import GradCheckReports
import Testing

@Suite("The SVG chart layer")
struct SVGChartTests {
    /// The generic log-log chart: several series, markers, a legend, axis titles and annotations, as the
    /// step-size sweep will use it (error against h, with the optimal h marked).
    @Test func aLogLogChartWithSeveralSeriesRendersAsSVG() throws {
        let steps = (1...15).map { Double.pow(10, -Double($0)) }
        let truncation = steps.map { (x: $0, y: $0 * 0.5) }
        let roundOff = steps.map { (x: $0, y: 1.1e-16 / $0) }
        let total = steps.map { (x: $0, y: $0 * 0.5 + 1.1e-16 / $0) }
        let chart = LogLogChart(
            title: "Error of the forward difference against the step h", description: "truncation against round-off",
            xTitle: "step h", yTitle: "absolute error",
            series: [
                LogLogChart.Series(name: "truncation O(h)", points: truncation, marker: nil),
                LogLogChart.Series(name: "round-off O(ε/h)", points: roundOff, marker: nil),
                LogLogChart.Series(name: "measured error", points: total + [(x: 0, y: 1), (x: 1, y: .nan)], connected: false, marker: .diamond),
            ],
            annotations: [.vertical(x: 1.5e-8, label: "optimal h ≈ √ε"), .point(x: 1.5e-8, y: 1.5e-8, label: "minimum")])
        let root = try XMLNode.parse(chart.document().render())
        #expect(root.name == "svg" && root.title == "Error of the forward difference against the step h")
        #expect(root.children.first { $0.name == "desc" }?.allText == "truncation against round-off")
        let series = root.all("g").filter { $0.attributes["class"] == "series" }
        #expect(series.compactMap(\.title) == ["truncation O(h)", "round-off O(ε/h)", "measured error"])
        #expect(series[0].all("polyline").count == 1 && series[2].all("polyline").isEmpty)
        // The points that cannot sit on log axes (x = 0, NaN) are left out: 15 markers, not 17.
        #expect(series[2].all("polygon").count == 15)
        #expect(series[2].all("polygon").first?.title == "measured error: x = 0.1, y = 0.05")
        #expect(series[2].all("polygon").last?.title == "measured error: x = 1e-15, y = 0.11")
        let legend = try #require(root.all("g").first { $0.attributes["class"] == "legend" })
        #expect(legend.all("text").map(\.allText) == ["truncation O(h)", "round-off O(ε/h)", "measured error"])
        let texts = root.all("text").map(\.allText)
        #expect(texts.contains("step h") && texts.contains("absolute error"))
        #expect(texts.contains("10⁻¹⁵") && texts.contains("1"))
        #expect(texts.contains("optimal h ≈ √ε") && texts.contains("minimum"))
    }

    /// A label too long for the chart is cut with an ellipsis and keeps its whole text as a tooltip; the
    /// plot keeps its width (a 100-character name once left the dot chart no room at all).
    @Test func longLabelsAreCutWithTheirFullTextAsATooltip() {
        let name = String(repeating: "f", count: 100)
        let dots = DotChart(
            title: "ω", rowLabels: [name, "short"], series: [DotChart.Series(name: "reverse", values: [2, 3])], axisTitle: "ω")
        let heatmap = Heatmap(
            title: "digits", rowLabels: [name], columnLabels: [name],
            cells: [[Heatmap.Cell(color: "#fff", text: "15", textColor: "#000", title: "15 digits")]],
            colorScale: { _ in "#fff" }, scaleRange: 0...16, scaleTitle: "digits")
        for svg in [dots.document().render(), heatmap.document().render()] {
            #expect(svg.contains("<title>\(name)</title>"))
            #expect(svg.contains(String(repeating: "f", count: 20) + "…"))
            // The full name is only ever in tooltips, never drawn.
            let drawn = svg.replacingOccurrences(of: "<title>[^<]*</title>", with: "", options: .regularExpression)
            #expect(!drawn.contains(name))
        }
        #expect(dots.document().width == 760)
        #expect(TextMetrics.truncated("short", toWidth: 100) == "short")
        #expect(TextMetrics.truncated(name, toWidth: 0) == "f…")
    }

    @Test func logScaleTicksAreDecades() {
        let scale = LogScale(covering: [0.03, 450], range: 0...300)
        #expect(scale.domain == 0.01...1000)
        #expect(scale.ticks.filter(\.major).map(\.label) == ["0.01", "0.1", "1", "10", "100", "1000"])
        #expect(scale.position(0.01) == 0 && scale.position(1000) == 300)
        #expect(abs(scale.position(1) - 120) < 1e-9)
        let wide = LogScale(covering: [1e-17, 1], range: 0...100)
        #expect(wide.ticks.filter { !$0.label.isEmpty }.count <= 9)
        #expect(LogScale.label(-8) == "10⁻⁸" && LogScale.label(2) == "100" && LogScale.label(-3) == "0.001")
        #expect(LogScale(covering: [], range: 0...1).domain == 1...10)
    }

    @Test func digitsColoursRunFromRedToBlue() {
        #expect(Palette.digitsColor(0) == "#a50026")
        #expect(Palette.digitsColor(16) == "#313695")
        #expect(Palette.digitsColor(99) == "#313695")
        #expect(Palette.digitsColor(.nan) == "#a50026")
        #expect(Palette.digitsColor(8) == "#fee090")
    }

    @Test func numbersAndEscapesInElements() {
        #expect(SVG.number(2.5) == "2.5" && SVG.number(3) == "3" && SVG.number(1.005) == "1.01" || SVG.number(1.005) == "1")
        let text = SVG.text("a < b & \"c\"", x: 1, y: 2).render()
        #expect(text == "<text x=\"1\" y=\"2\" text-anchor=\"start\" font-size=\"12\" fill=\"#222\">a &lt; b &amp; &quot;c&quot;</text>\n")
    }
}
