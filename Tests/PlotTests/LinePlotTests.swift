import Testing
@testable import Plot

@Suite struct LinePlotTests {
    private let zs = stride(from: -6.0, through: 6.0, by: 0.5).map { $0 }

    private var threeRates: LinePlot {
        LinePlot(title: "Loss", xLabel: "iteration", yLabel: "loss")
            .series("η = 0.01", ys: [0.9, 0.8, 0.7])
            .series("η = 0.1", ys: [0.9, 0.5, 0.3])
            .series("η = 1", ys: [0.9, 0.2, 0.05])
    }

    @Test func onePathPerSeriesAndALegendEntryEach() throws {
        let root = try XML.parse(threeRates.figure(caption: "c", alt: "a").svg)
        let series = root.elements(class: "plot-series")
        #expect(series.count == 3)
        #expect(series.map { $0.attributes["stroke"]! } == Array(Palette.colours.prefix(3)))
        #expect(series[0].attributes["stroke-dasharray"] == nil)
        #expect(series[1].attributes["stroke-dasharray"] == Palette.dash(1))
        let legend = root.elements(class: "plot-legend")
        #expect(legend.count == 1)
        #expect(legend[0].elements("text").map(\.text) == ["η = 0.01", "η = 0.1", "η = 1"])
    }

    @Test func aSingleSeriesNeedsNoLegend() throws {
        let root = try XML.parse(LinePlot().series("σ", xs: zs, ys: zs).figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-legend").isEmpty)
        #expect(root.elements(class: "plot-series").count == 1)
    }

    @Test func axesFitTheDataWithNiceTicks() throws {
        let plot = LinePlot().series("y", xs: [0, 1, 2, 3], ys: [0, 0.5, 0.93, 0.1])
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let labels = root.elements(class: "plot-axes")[0].elements("text").map(\.text)
        #expect(labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func eachPointIsOneCommandOfThePath() throws {
        let plot = LinePlot().series("y", xs: [0, 1, 2, 3], ys: [0, 1, 0, 1])
        let d = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-series")[0].attributes["d"]!
        #expect(d.filter { $0 == "M" }.count == 1)
        #expect(d.filter { $0 == "L" }.count == 3)
    }

    @Test func gapsBreakTheLine() throws {
        let plot = LinePlot().series("y", xs: [0, 1, 2, 3, 4], ys: [1, 2, .nan, 2, 1])
        let d = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-series")[0].attributes["d"]!
        #expect(d.filter { $0 == "M" }.count == 2)
    }

    @Test func logarithmicAxisSkipsValuesItCannotShow() throws {
        let plot = LinePlot(logarithmicY: true).series("loss", ys: [2, 0.5, 0.02, 0, 0.003])
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let labels = root.elements(class: "plot-axes")[0].elements("text").map(\.text)
        #expect(labels.suffix(5) == ["0.001", "0.01", "0.1", "1", "10"])
        let d = root.elements(class: "plot-series")[0].attributes["d"]!
        #expect(d.filter { $0 == "M" }.count == 2)  // broken at the zero
    }

    @Test func givenRangesAreKept() throws {
        let plot = LinePlot(yRange: 0...1).series("y", xs: [0, 1], ys: [0.2, 5])
        let labels = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-axes")[0].elements("text").map(\.text)
        #expect(labels.last == "1.0")
    }

    @Test func textIsEscaped() throws {
        let label = #"a < b & "c""#
        let plot = LinePlot(title: label, xLabel: label, yLabel: label).series(label, ys: [1, 2]).series("2", ys: [2, 1])
        let figure = plot.figure(caption: label, alt: label)
        #expect(!figure.svg.contains(label))
        #expect(figure.svg.contains("a &lt; b &amp; &quot;c&quot;"))
        let texts = try XML.parse(figure.svg).elements("text").map(\.text)
        #expect(texts.filter { $0 == label }.count == 4)  // title, x label, y label, legend
    }

    @Test func sameInputSameBytes() throws {
        try Golden.expect(threeRates.figure(caption: "c", alt: "a").svg, "line-plot.svg")
    }
}

@Suite struct LinePlotMisuseTests {
    @Test func mismatchedCountsStopTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = LinePlot().series("loss", xs: [0, 1, 2], ys: [1, 2])
        }
    }

    @Test func aPlotWithoutSeriesStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            _ = LinePlot().figure(caption: "c", alt: "a")
        }
    }
}
