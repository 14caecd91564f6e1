import Testing
@testable import Plot

@Suite struct ScatterPlotTests {
    private let xs = [0.0, 1, 2, 3, 4, 5]
    private let ys = [0.0, 1, 0, 1, 0, 1]
    private let classes = [0, 0, 1, 1, 2, 2]

    @Test func onePathPerClassInItsColourAndShape() throws {
        let plot = ScatterPlot().points(xs: xs, ys: ys, classes: classes, names: ["a", "b", "c"])
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let groups = root.elements(class: "plot-points")
        #expect(groups.count == 3)
        #expect(groups.map { $0.attributes["fill"]! } == Array(Palette.colours.prefix(3)))
        // Two points each: one circle is two arcs in one subpath (one M); a square one M.
        #expect(groups[0].attributes["d"]!.filter { $0 == "M" }.count == 2)
        #expect(groups[0].attributes["d"]!.contains("a"))  // circles are arcs
        #expect(groups[1].attributes["d"]!.filter { $0 == "M" }.count == 2)
        #expect(root.elements(class: "plot-legend")[0].elements("text").map(\.text) == ["a", "b", "c"])
    }

    @Test func namedGroupsTakeTheNextClass() {
        let plot = ScatterPlot().points("first", xs: [0], ys: [0]).points("second", xs: [1], ys: [1]).points("fifth", xs: [2], ys: [2], classIndex: 4)
        #expect(plot.groups.map(\.classIndex) == [0, 1, 4])
        #expect(plot.points("sixth", xs: [3], ys: [3]).groups.last?.classIndex == 5)
    }

    @Test func pointsStayOffTheAxes() throws {
        let plot = ScatterPlot().points("p", xs: [0, 1], ys: [0, 1])
        let labels = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-axes")[0].elements("text").map(\.text)
        // 5% margins, not widened to whole steps (that could waste half the plot): the
        // axis runs from −0.05 to 1.05 and is marked inside.
        #expect(labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func regionsLieUnderThePoints() throws {
        let plot = ScatterPlot().points(xs: xs, ys: ys, classes: classes, names: ["a", "b", "c"])
            .regions(resolution: 20) { x, _ in x < 2 ? 0 : x < 4 ? 1 : 2 }
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let clipped = root.all.first { $0.attributes["clip-path"] != nil }!
        #expect(clipped.children.map { $0.attributes["class"] } == ["plot-regions", "plot-points", "plot-points", "plot-points"])
    }

    @Test func escapesClassNames() throws {
        let plot = ScatterPlot().points(#"a < b & "c""#, xs: [0], ys: [0])
        let figure = plot.figure(caption: "c", alt: "a")
        #expect(figure.svg.contains("a &lt; b &amp; &quot;c&quot;"))
        #expect(throws: Never.self) { try XML.parse(figure.svg) }
    }

    @Test func sameInputSameBytes() throws {
        let plot = ScatterPlot().points(xs: xs, ys: ys, classes: classes, names: ["a", "b", "c"]).regions { x, y in x + y > 3 ? 1 : 0 }
        try Golden.expect(plot.figure(caption: "c", alt: "a").svg, "scatter-plot.svg")
    }
}

@Suite struct ScatterPlotLineTests {
    @Test func linesAreDrawnOverThePointsWithALegendEntry() throws {
        let plot = ScatterPlot().points("data", xs: [0, 1, 2], ys: [0.1, 0.9, 2.2])
            .line("fitted y = x", xs: [0, 2], ys: [0, 2])
            .line("start", xs: [0, 2], ys: [0, 0])
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let clipped = root.all.first { $0.attributes["clip-path"] != nil }!
        #expect(clipped.children.map { $0.attributes["class"] } == ["plot-points", "plot-line", "plot-line"])
        #expect(clipped.children[1].attributes["stroke"] == "currentColor")
        #expect(clipped.children[1].attributes["stroke-dasharray"] == nil)
        #expect(clipped.children[2].attributes["stroke-dasharray"] == Palette.dash(1))
        #expect(root.elements(class: "plot-legend")[0].elements("text").map(\.text) == ["data", "fitted y = x", "start"])
    }

    @Test func linesWidenTheAxes() throws {
        let plot = ScatterPlot().points("data", xs: [0, 1], ys: [0, 1]).line("model", xs: [0, 1], ys: [-1, 3])
        let labels = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-axes")[0].elements("text").map(\.text)
        #expect(labels.contains("\u{2212}1") && labels.contains("3"))
    }
}
