import Testing
@testable import Plot

@Suite struct ContourPlotTests {
    private let bowl = ContourPlot(xRange: -2...2, yRange: -2...2, resolution: 50) { x, y in x * x + y * y }

    @Test func automaticLevelsAreRoundValuesInsideTheRange() {
        let samples = MarchingSquares.Samples(bowl.function, x: -2...2, y: -2...2, resolution: 50)
        #expect(bowl.contourLevels(samples) == [2, 4, 6])
    }

    @Test func givenLevelsAreUsed() throws {
        let plot = ContourPlot(xRange: -2...2, yRange: -2...2, levels: [0.25, 1], resolution: 50) { x, y in x * x + y * y }
        let d = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-contours")[0].attributes["d"]!
        #expect(d.filter { $0 == "M" }.count == 2)  // two rings
        #expect(d.filter { $0 == "Z" }.count == 2)
    }

    @Test func pathsAreDrawnOverTheContoursWithALegend() throws {
        let plot = bowl.path("gradient descent", xs: [1.5, 1, 0.5], ys: [1.5, 0.8, 0.2])
            .path("momentum", xs: [1.5, 0.2, 0], ys: [-1.5, -0.3, 0])
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let clipped = root.all.first { $0.attributes["clip-path"] != nil }!
        #expect(clipped.children.map { $0.attributes["class"] } == ["plot-contours", "plot-path", "plot-path", "plot-levels"])
        let first = clipped.children[1]
        #expect(first.elements("path")[0].attributes["d"]!.filter { $0 == "L" }.count == 2)
        #expect(first.elements("path")[0].attributes["stroke"] == Palette.colour(0))
        #expect(first.elements("circle").count == 1)  // the start
        #expect(root.elements(class: "plot-legend")[0].elements("text").map(\.text) == ["gradient descent", "momentum"])
    }

    @Test func sameInputSameBytes() throws {
        let plot = bowl.path("p", xs: [1, 0], ys: [1, 0])
        try Golden.expect(plot.figure(caption: "c", alt: "a").svg, "contour-plot.svg")
    }
}

@Suite struct ContourLabelTests {
    @Test func eachLevelIsLabelledOnceUpAndRightOfTheCentre() throws {
        let plot = ContourPlot(xRange: -2...2, yRange: -2...2, levels: [1, 3], resolution: 60) { x, y in x * x + y * y }
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        let labels = root.elements(class: "plot-levels")[0].elements("text")
        #expect(labels.map(\.text) == ["1", "3"])
        // Centre of the plot in viewBox units, from the axis tick at 0.
        let axes = root.elements(class: "plot-axes")[0].elements("text")
        let centreX = Double(axes.first { $0.text == "0" }!.attributes["x"]!)!
        for label in labels {
            #expect(Double(label.attributes["x"]!)! > centreX)
        }
    }

    @Test func crowdedLabelsAreLeftOut() throws {
        let levels = stride(from: 1.0, through: 1.2, by: 0.01).map { $0 }
        let plot = ContourPlot(xRange: -2...2, yRange: -2...2, levels: levels, resolution: 60) { x, y in x * x + y * y }
        let labels = try XML.parse(plot.figure(caption: "c", alt: "a").svg).elements(class: "plot-levels")[0].elements("text")
        #expect(!labels.isEmpty && labels.count < levels.count)
    }
}
