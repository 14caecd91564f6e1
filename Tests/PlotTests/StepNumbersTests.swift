import Testing
@testable import Plot

@Suite struct StepNumbersTests {
    /// Points `spacing` (19) or more apart keep their numbers; one closer to a numbered point, or off
    /// the plot, gets none.
    @Test func crowdedPointsLoseTheirNumbers() {
        let points: [(x: Double, y: Double)?] = [(0, 0), (30, 0), (35, 5), nil, (30, 20), (60, 0)]
        #expect(StepNumbers.numbered(points) == [0, 1, 4, 5])
    }

    /// Numbering a path adds no text smaller than the contour plot's own: the figure's
    /// `--plot-least-font`, which sets how wide the website keeps it on a phone, stays 13.
    @Test func stepNumbersAreNotAFiguresSmallestText() throws {
        let plain = ContourPlot(xRange: -1...1, yRange: -1...1, levels: [0.5]) { x, y in x * x + y * y }
            .path("descent", xs: [0.9, 0.5, 0.1], ys: [0.9, 0.5, 0.1])
        let numbered = ContourPlot(xRange: -1...1, yRange: -1...1, levels: [0.5]) { x, y in x * x + y * y }
            .path("descent", xs: [0.9, 0.5, 0.1], ys: [0.9, 0.5, 0.1], numbered: true)
        let least = { (svg: String) in try XML.parse(svg).attributes["style"]?.split(separator: ";").last }
        #expect(try least(plain.figure(caption: "c", alt: "a").svg) == " --plot-least-font: 13")
        #expect(try least(numbered.figure(caption: "c", alt: "a").svg) == " --plot-least-font: 13")
    }

    @Test func aNumberedPathWritesItsSteps() throws {
        let plot = ScatterPlot(xRange: 0...10, yRange: 0...10)
            .points("path", xs: [1, 5, 9, 9.01], ys: [1, 5, 9, 9.01], joined: true, numbered: true)
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-step-numbers")[0].elements("text").map(\.text) == ["0", "1", "2"])
        let plain = ScatterPlot(xRange: 0...10, yRange: 0...10).points("path", xs: [1, 5], ys: [1, 5], joined: true)
        #expect(try XML.parse(plain.figure(caption: "c", alt: "a").svg).elements(class: "plot-step-numbers").isEmpty)
    }

    @Test func aNumberedContourPathWritesItsSteps() throws {
        let plot = ContourPlot(xRange: -1...1, yRange: -1...1, levels: [0.5]) { x, y in x * x + y * y }
            .path("descent", xs: [0.9, 0.5, 0.1], ys: [0.9, 0.5, 0.1], numbered: true)
        let root = try XML.parse(plot.figure(caption: "c", alt: "a").svg)
        #expect(root.elements(class: "plot-step-numbers")[0].elements("text").map(\.text) == ["0", "1", "2"])
    }
}
