import GradCheck
import GradCheckReports
import Testing

/// Chart series differ in shape and in colour, so no two read alike in grey scale or to a colour-blind
/// reader: up to twelve series (every standard strategy), no shape and no colour is used twice.
@Suite("Markers that differ in shape and colour")
struct MarkerTests {
    @Test func thereAreAsManyShapesAsColours() {
        #expect(Marker.allCases.count == Palette.categorical.count)
        #expect(Set(Palette.categorical).count == Palette.categorical.count)
        #expect(StandardStrategies.registry().strategies.count <= Marker.allCases.count)
    }

    /// The shape and colour of each legend marker of a rendered chart.
    static func legendMarkers(_ svg: XMLNode) throws -> [(shape: String, color: String)] {
        let legend = try #require(svg.all("g").first { $0.attributes["class"] == "legend" })
        return legend.descendants.compactMap { node in
            guard let shape = node.attributes["data-marker"] else { return nil }
            let fill = node.attributes["fill"] ?? "none"
            return (shape, fill == "none" ? node.attributes["stroke"] ?? "" : fill)
        }
    }

    @Test func twelveSeriesShareNoShapeAndNoColour() throws {
        let series = (0..<12).map { DotChart.Series(name: "strategy \($0)", values: [Double($0 + 1)]) }
        let chart = DotChart(title: "ω", rowLabels: ["f"], series: series, axisTitle: "ω")
        let markers = try Self.legendMarkers(try XMLNode.parse(chart.document().render()))
        #expect(markers.count == 12)
        #expect(Set(markers.map(\.shape)).count == 12)
        #expect(Set(markers.map(\.color)).count == 12)
        // The dots use the legend's shape and colour for their series.
        let dots = try XMLNode.parse(chart.document().render()).all("g").first { $0.attributes["class"] == "dots" }
        let drawn = dots?.descendants.compactMap { $0.attributes["data-marker"] } ?? []
        #expect(drawn.sorted() == markers.map(\.shape).sorted())
    }

    /// In a real run's cost chart, every strategy has its own shape and its own colour.
    @Test func aRealRunsChartsUseDistinctShapesAndColours() throws {
        let report = RealRun.make(timed: false)
        let cost = try #require(ReportCharts(report).costChart())
        let markers = try Self.legendMarkers(try XMLNode.parse(cost.document().render()))
        #expect(markers.count == cost.series.count)
        #expect(Set(markers.map(\.shape)).count == markers.count)
        #expect(Set(markers.map(\.color)).count == markers.count)
    }
}

/// A tall dot chart has its value axis labelled at the top as well as the bottom.
@Suite("Axes of a long chart")
struct LongChartAxisTests {
    static func chart(rows: Int) -> DotChart {
        DotChart(
            title: "ω", rowLabels: (0..<rows).map { "f\($0)" },
            series: [DotChart.Series(name: "reverse", values: (0..<rows).map { Double($0 + 1) })], axisTitle: "ω (log scale)")
    }

    @Test func aLongChartIsLabelledAtTopAndBottom() throws {
        let tall = try XMLNode.parse(Self.chart(rows: 40).document().render())
        let axes = tall.all("g").filter { $0.attributes["class"] == "axis" }
        #expect(axes.count == 2)
        let labels = axes.map { $0.all("text").map(\.allText).filter { !$0.isEmpty } }
        // The top axis repeats the bottom one's tick labels, without its title.
        #expect(labels[0].dropLast() == labels[1][...])
        #expect(labels[0].last == "ω (log scale)")
        let short = try XMLNode.parse(Self.chart(rows: 5).document().render())
        #expect(short.all("g").filter { $0.attributes["class"] == "axis" }.count == 1)
    }
}

/// Labels stay inside their chart, and an empty row says why it is empty.
@Suite("Chart labels that fit and explain")
struct ChartLabelTests {
    @Test func anOptimumLabelNearTheRightEdgeIsDrawnLeftOfItsRing() throws {
        let chart = LogLogChart(
            title: "sweep", xTitle: "h", yTitle: "error",
            series: [LogLogChart.Series(name: "richardson", points: [(x: 1e-8, y: 1e-3), (x: 1e-2, y: 1e-9)])],
            annotations: [.point(x: 1e-2, y: 1e-9, label: "optimal h 0.01"), .point(x: 1e-8, y: 1e-3, label: "optimal h 1e-08")])
        let root = try XMLNode.parse(chart.document().render())
        let labels = root.all("g").filter { $0.attributes["class"] == "annotation" }.compactMap { $0.all("text").first }
        #expect(labels.count == 2)
        for label in labels {
            let x = try #require(label.attributes["x"].flatMap(Double.init))
            let width = TextMetrics.width(of: label.allText, size: 11)
            let (left, right) = label.attributes["text-anchor"] == "end" ? (x - width, x) : (x, x + width)
            #expect(left >= 0 && right <= chart.width, "\(label.allText) spans \(left)…\(right)")
        }
    }

    @Test func aRowWithNoValueSaysSo() throws {
        let chart = DotChart(
            title: "ω", rowLabels: ["kinks/relu", "classic/sphere"],
            series: [DotChart.Series(name: "reverse", values: [nil, 3])], axisTitle: "ω")
        let root = try XMLNode.parse(chart.document().render())
        let notes = root.all("g").first { $0.attributes["class"] == "no-value" }?.all("text") ?? []
        #expect(notes.count == 1)
        #expect(notes.first?.title == "kinks/relu: \(DotChart.noValueNote)")
    }
}
